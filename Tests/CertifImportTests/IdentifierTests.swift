import CertifDomain
import Foundation
import Testing

@testable import CertifImport

@Suite struct IdentifierTests {
    @Test(arguments: ["A-1", "A_1", "A.1", "2025/VAE/17", "DEAF 0001", "Élodie-3", "ＩＤ１"])
    func identifierCharactersAccepted(identifier: String) throws {
        let result = try Fixtures.readRow(["identifiant": identifier])

        #expect(result.issues.isEmpty)
        #expect(result.candidates.first?.candidate.id == identifier)
    }

    @Test func decomposedAccentAccepted() throws {
        // "e" followed by U+0301 composes to é under normalization form C.
        let identifier = "CE\u{0301}CILE-01"

        let result = try Fixtures.readRow(["identifiant": identifier])

        #expect(result.issues.isEmpty)
        #expect(result.candidates.first?.candidate.id == identifier)
    }

    @Test(arguments: [
        ("A#1", "U+0023 « # »"),
        ("A+1", "U+002B « + »"),
        ("C@1", "U+0040 « @ »"),
        ("A\u{00A0}1", "U+00A0, espace insécable"),
        ("A²", "U+00B2 « ² »"),
        ("Z\u{0301}\u{0301}\u{0301}", "U+0301, signe diacritique combinant"),
    ])
    func identifierCharacterRejected(identifier: String, named: String) throws {
        let result = try Fixtures.readRow(["identifiant": identifier])
        let issue = try Fixtures.onlyIssue(result)

        #expect(result.candidates.isEmpty)
        #expect(issue.code == .invalidIdentifier)
        #expect(issue.line == 2)
        #expect(issue.column == "identifiant")
        #expect(issue.value == identifier)
        #expect(issue.identifier == nil)
        #expect(issue.message.hasPrefix("L'identifiant contient un caractère non admis (\(named)"))
        #expect(issue.message.hasSuffix(ValueCharacters.identifierRule))
        #expect(!issue.description.contains(identifier))
    }

    @Test func combiningMarkFloodRejected() throws {
        let identifier = "Z" + String(repeating: "\u{0301}", count: 100_000)

        let result = try Fixtures.readRow(["identifiant": identifier])
        let issue = try Fixtures.onlyIssue(result)

        #expect(identifier.count == 1)
        #expect(result.candidates.isEmpty)
        #expect(issue.code == .valueTooLong)
        #expect(issue.column == "identifiant")
        #expect(issue.message.hasPrefix("Valeur trop longue : 100001 caractères Unicode, 64 au"))
    }

    @Test func nearDuplicateIdentifiersReported() throws {
        let identifiers = ["ID1", "id1", "ID 1", "ID  1", "Ｉ Ｄ 1", "ID2"]
        let text = Fixtures.text(rows: identifiers.map { Fixtures.row(["identifiant": $0]) })

        let result = try Fixtures.read(text)

        #expect(result.candidates.map(\.candidate.id) == ["ID1", "ID2"])
        #expect(result.issues.map(\.code) == Array(repeating: .duplicateIdentifier, count: 4))
        #expect(result.issues.map(\.line) == [3, 4, 5, 6])
        #expect(result.issues.map(\.value) == ["id1", "ID 1", "ID  1", "Ｉ Ｄ 1"])
        #expect(result.issues.map(\.identifier) == ["id1", "ID 1", "ID  1", "Ｉ Ｄ 1"])
        for issue in result.issues {
            #expect(
                issue.message.hasPrefix(
                    "Identifiant en double, à la casse et aux espaces près, de celui de la ligne 2."
                )
            )
        }
    }

    @Test func canonicallyEquivalentIdentifierIsExactDuplicate() throws {
        let text = Fixtures.text(rows: [
            Fixtures.row(["identifiant": "CÉCILE"]),
            Fixtures.row(["identifiant": "CE\u{0301}CILE"]),
        ])

        let result = try Fixtures.read(text)
        let issue = try Fixtures.onlyIssue(result)

        #expect(issue.code == .duplicateIdentifier)
        #expect(issue.line == 3)
        #expect(issue.message.hasPrefix("Identifiant déjà utilisé ligne 2."))
    }

    @Test(arguments: [
        ("ID1", "id1"),
        ("id1", "id1"),
        ("ID 1", "id1"),
        (" ID\u{3000}1 ", "id1"),
        ("Ｉ Ｄ １", "id1"),
        ("Straße", "strasse"),
        ("\u{01F0}", "\u{01F0}"),
        ("J\u{030C}", "\u{01F0}"),
        ("CE\u{0301}CILE", "cécile"),
    ])
    func identifierKeyFolded(identifier: String, key: String) {
        let folded = CandidateFileReader.identifierKey(identifier)

        #expect(Array(folded.unicodeScalars) == Array(key.unicodeScalars))
    }

    @Test func identifierKeyKeepsOtherDifferences() {
        #expect(
            CandidateFileReader.identifierKey("ID-1") != CandidateFileReader.identifierKey("ID1")
        )
        #expect(
            CandidateFileReader.identifierKey("IDÉ") != CandidateFileReader.identifierKey("IDE")
        )
    }
}
