import CertifDomain
import Foundation
import Testing

@testable import CertifImport

@Suite struct CharacterTests {
    @Test(arguments: [
        ("identifiant", "C0\u{202E}01", "U+202E, forçage droite-à-gauche"),
        ("nom_naissance", "FIC\u{200B}TIF", "U+200B, espace sans chasse"),
        ("prenoms", "Camille\u{2028}Alex", "U+2028, séparateur de ligne"),
        ("prenoms", "Camille\u{2029}Alex", "U+2029, séparateur de paragraphe"),
        ("nom_usage", "EXEM\u{FEFF}PLE", "U+FEFF, indicateur d'ordre des octets"),
        ("identifiant", "\u{FEFF}C001", "U+FEFF, indicateur d'ordre des octets"),
        ("nom_naissance", "FIC\u{00AD}TIF", "U+00AD, trait d'union conditionnel"),
        ("prenoms", "Camille\u{2066}", "U+2066, isolat gauche-à-droite"),
        ("nom_naissance", "FICTIF\u{E0001}", "U+E0001"),
    ])
    func invisibleCharacterRejected(column: String, value: String, named: String) throws {
        let result = try Fixtures.readRow([column: value])
        let issue = try Fixtures.onlyIssue(result)

        #expect(result.candidates.isEmpty)
        #expect(issue.code == .controlCharacter)
        #expect(issue.line == 2)
        #expect(issue.column == column)
        #expect(issue.value == value)
        #expect(issue.message.hasPrefix("La valeur contient un caractère invisible (\(named)"))
        #expect(issue.message.contains("Retirez-le"))
        #expect(!issue.description.contains(value))
    }

    @Test func controlCharacterMessageUnchanged() throws {
        let result = try Fixtures.readRow(["prenoms": "Camille\tAlex"])
        let issue = try Fixtures.onlyIssue(result)

        #expect(issue.code == .controlCharacter)
        #expect(
            issue.message
                == "La valeur contient un caractère de contrôle (U+0009, tabulation), qui n'est "
                + "pas admis. Retirez-le : une valeur tient sur une seule ligne, sans tabulation."
        )
    }

    @Test func c1ControlCharacterExplained() throws {
        let result = try Fixtures.readRow(["prenoms": "Ren\u{0081}"])
        let issue = try Fixtures.onlyIssue(result)

        #expect(issue.code == .controlCharacter)
        #expect(issue.message.contains("(U+0081)"))
        #expect(issue.message.contains("mal converti d'un encodage à un autre"))
        #expect(issue.message.contains("« CSV UTF-8 »"))
    }

    @Test func nameLengthCountedInScalars() throws {
        // 100 letters, each followed by a combining acute accent: 100 characters as a reader
        // sees them, but 200 Unicode scalars.
        let accepted = String(repeating: "E\u{0301}", count: 100)
        let name = accepted + "E\u{0301}"

        let acceptedResult = try Fixtures.readRow(["nom_naissance": accepted])
        let result = try Fixtures.readRow(["nom_naissance": name])
        let issue = try Fixtures.onlyIssue(result)

        #expect(name.count == 101)
        #expect(acceptedResult.issues.isEmpty)
        #expect(issue.code == .valueTooLong)
        #expect(issue.column == "nom_naissance")
        #expect(issue.value == name)
        #expect(
            issue.message
                == "Valeur trop longue : 202 caractères Unicode, 200 au plus. Un accent saisi à "
                + "part de sa lettre compte pour un caractère. Raccourcissez la valeur."
        )
    }

    @Test func identifierLengthCountedInScalars() throws {
        let identifier = String(repeating: "E\u{0301}", count: 33)

        let result = try Fixtures.readRow(["identifiant": identifier])
        let issue = try Fixtures.onlyIssue(result)

        #expect(identifier.count == 33)
        #expect(issue.code == .valueTooLong)
        #expect(issue.message.hasPrefix("Valeur trop longue : 66 caractères Unicode, 64 au plus."))
    }
}
