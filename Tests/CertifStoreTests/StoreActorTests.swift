import Foundation
import Testing

@testable import CertifStore

@Suite("Store actor")
struct StoreActorTests {
    @Test(
        "control and format characters become ?",
        arguments: [
            ("eve\nat=2025 actor=root", "cli:eve?at=2025 actor=root"),
            ("eve\r\n", "cli:eve??"),
            ("eve\u{1B}[31mred", "cli:eve?[31mred"),
            ("eve\u{202E}toor", "cli:eve?toor"),
            ("eve\u{200B}", "cli:eve?"),
            ("eve\u{2028}x", "cli:eve?x"),
            ("eve\u{0}x", "cli:eve?x"),
            ("élodie", "cli:élodie"),
        ]
    )
    func controlCharactersReplaced(user: String, expected: String) {
        let actor = StoreActor.commandLine(user: user)

        #expect(actor.name == expected)
    }

    @Test("name keeps 64 scalars")
    func nameCapped() {
        let actor = StoreActor.commandLine(user: String(repeating: "a", count: 100))

        #expect(actor.name.unicodeScalars.count == StoreActor.maxNameLength)
        #expect(actor.name == "cli:" + String(repeating: "a", count: 60))
    }

    @Test("assigned name is cleaned")
    func assignedNameCleaned() {
        var actor = StoreActor(name: "script")

        actor.name = "a\tb"

        #expect(actor.name == "a?b")
    }

    @Test("decoded name is cleaned")
    func decodedNameCleaned() throws {
        let json = Data(#"{"name":"a\nb"}"#.utf8)

        let actor = try JSONDecoder().decode(StoreActor.self, from: json)
        let encoded = String(decoding: try JSONEncoder().encode(actor), as: UTF8.self)

        #expect(actor.name == "a?b")
        #expect(encoded == #"{"name":"a?b"}"#)
    }

    @Test("audit log gets the cleaned name")
    func auditLogCleaned() throws {
        try withTemporaryStore { store, _ throws in
            let forger = StoreActor.commandLine(user: "eve\n2025-01-01 cli:admin\u{1B}[2J")

            _ = try store.importCandidates([makeCandidate("C-001")], actor: forger)
            let planID = try store.saveDraft(makePlan([]), actor: forger)

            let entry = try store.auditLog().first
            #expect(entry?.actor == "cli:eve?2025-01-01 cli:admin?[2J")
            #expect(try store.plan(id: planID)?.createdBy == "cli:eve?2025-01-01 cli:admin?[2J")
        }
    }

    @Test("name without visible character is rejected", arguments: [" ", "\n", "\u{1B}", "?"])
    func invisibleNameRejected(name: String) throws {
        try withTemporaryStore { store, _ throws in
            let error = #expect(throws: StoreError.self) {
                try store.importCandidates([makeCandidate("C-001")], actor: StoreActor(name: name))
            }

            #expect(error?.code == .invalidRequest)
            #expect(try store.candidates() == [])
        }
    }
}
