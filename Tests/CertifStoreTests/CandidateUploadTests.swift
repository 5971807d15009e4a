import CertifAuth
import CertifDomain
import Foundation
import Testing

@testable import CertifStore

/// A clock that a test moves by hand.
final class ManualClock {
    var current = Date(timeIntervalSince1970: 1_740_000_000)

    func now() -> Date { current }
}

@Suite("Candidate uploads")
struct CandidateUploadTests {
    private func withClockedStore(_ body: (CertifStore, ManualClock) throws -> Void) throws {
        try withTemporaryDirectory { directory in
            let clock = ManualClock()
            let store = try CertifStore(path: directory + "/certif.sqlite", now: clock.now)
            try body(store, clock)
            try store.close()
        }
    }

    @Test("upload is found by its account and binding only")
    func boundToAccountAndBinding() throws {
        try withClockedStore { store, _ in
            let marie = try store.addAccount("marie")
            let paul = try store.addAccount("paul")
            let upload = try store.saveCandidateUpload(
                accountID: marie.id,
                binding: "session-a",
                filename: "candidats.csv",
                data: Data("a;b".utf8),
                preview: ImportOutcome(insertedIDs: ["C-1"])
            )

            let found = try store.candidateUpload(
                id: upload.id,
                accountID: marie.id,
                binding: "session-a"
            )

            #expect(upload.id.count == 32)
            #expect(found?.data == Data("a;b".utf8))
            #expect(found?.preview.insertedIDs == ["C-1"])
            #expect(
                try store.candidateUpload(id: upload.id, accountID: marie.id, binding: "session-b")
                    == nil
            )
            #expect(
                try store.candidateUpload(id: upload.id, accountID: paul.id, binding: "session-a")
                    == nil
            )
        }
    }

    @Test("upload expires after its lifetime")
    func expires() throws {
        try withClockedStore { store, clock in
            let marie = try store.addAccount("marie")
            let upload = try store.saveCandidateUpload(
                accountID: marie.id,
                binding: "s",
                filename: "f.csv",
                data: Data(),
                preview: ImportOutcome()
            )

            clock.current += CertifStore.uploadLifetime + 1

            #expect(
                try store.candidateUpload(id: upload.id, accountID: marie.id, binding: "s") == nil
            )
            _ = try store.saveCandidateUpload(
                accountID: marie.id,
                binding: "s",
                filename: "g.csv",
                data: Data(),
                preview: ImportOutcome()
            )
            #expect(try store.rowCount("candidate_uploads") == 1)
        }
    }

    @Test("an account keeps a bounded number of uploads")
    func boundedPerAccount() throws {
        try withClockedStore { store, clock in
            let marie = try store.addAccount("marie")
            var ids: [String] = []
            for index in 0..<(CertifStore.maxUploadsPerAccount + 2) {
                clock.current += 1
                ids.append(
                    try store.saveCandidateUpload(
                        accountID: marie.id,
                        binding: "s",
                        filename: "\(index).csv",
                        data: Data(),
                        preview: ImportOutcome()
                    ).id
                )
            }

            #expect(try store.rowCount("candidate_uploads") == CertifStore.maxUploadsPerAccount)
            #expect(try store.candidateUpload(id: ids[0], accountID: marie.id, binding: "s") == nil)
            #expect(
                try store.candidateUpload(id: ids.last ?? "", accountID: marie.id, binding: "s")
                    != nil
            )
        }
    }

    @Test("confirmed upload imports once, audited")
    func importsOnce() throws {
        try withClockedStore { store, _ in
            let marie = try store.addAccount("marie")
            let candidates = [makeCandidate("C-1"), makeCandidate("C-2")]
            let upload = try store.saveCandidateUpload(
                accountID: marie.id,
                binding: "s",
                filename: "f.csv",
                data: Data("x".utf8),
                preview: try store.plannedImport(candidates)
            )

            let outcome = try store.importCandidateUpload(
                id: upload.id,
                accountID: marie.id,
                binding: "s",
                candidates: candidates,
                actor: tester
            )

            #expect(outcome.insertedIDs == ["C-1", "C-2"])
            #expect(try store.candidates().count == 2)
            #expect(try store.rowCount("candidate_uploads") == 0)
            #expect(try store.auditCount(.candidateFileImport) == 1)
            #expect(try store.auditCount(.candidateInsert) == 2)
            let again = #expect(throws: StoreError.self) {
                try store.importCandidateUpload(
                    id: upload.id,
                    accountID: marie.id,
                    binding: "s",
                    candidates: candidates,
                    actor: tester
                )
            }
            #expect(again?.code == .uploadNotFound)
        }
    }

    @Test("changed candidates make the confirmation fail without writing")
    func changedSincePreview() throws {
        try withClockedStore { store, _ in
            let marie = try store.addAccount("marie")
            let candidates = [makeCandidate("C-1"), makeCandidate("C-2")]
            let upload = try store.saveCandidateUpload(
                accountID: marie.id,
                binding: "s",
                filename: "f.csv",
                data: Data("x".utf8),
                preview: try store.plannedImport(candidates)
            )
            _ = try store.importCandidates(
                [makeCandidate("C-1", birthName: "Autre")],
                actor: tester
            )

            let error = #expect(throws: StoreError.self) {
                try store.importCandidateUpload(
                    id: upload.id,
                    accountID: marie.id,
                    binding: "s",
                    candidates: candidates,
                    actor: tester
                )
            }

            #expect(error?.code == .importChanged)
            #expect(try store.candidates().map(\.id) == ["C-1"])
            #expect(try store.candidate(id: "C-1")?.birthName == "Autre")
            #expect(try store.rowCount("candidate_uploads") == 1)
        }
    }
}
