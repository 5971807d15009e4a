import CertifDomain
import Foundation
import Testing

@testable import CertifImport

@Suite struct LayoutTests {
    @Test(arguments: [";", ",", "\t"])
    func delimiterDetected(delimiter: String) throws {
        let text = Fixtures.text(
            rows: [Fixtures.row(), Fixtures.row(["identifiant": "C002"])],
            delimiter: delimiter
        )

        let result = try Fixtures.read(text)

        #expect(result.delimiter == Character(delimiter))
        #expect(result.issues.isEmpty)
        #expect(result.candidates.map(\.candidate.id) == ["C001", "C002"])
        #expect(result.candidates.map(\.line) == [2, 3])
    }

    @Test func quotedDelimiterKept() throws {
        let text = Fixtures.text(
            rows: [Fixtures.row(["nom_naissance": "\"FICTIF; DIT EXEMPLE\""])]
        )

        let result = try Fixtures.read(text)

        #expect(result.issues.isEmpty)
        #expect(result.candidates.first?.candidate.birthName == "FICTIF; DIT EXEMPLE")
    }

    @Test func doubledQuotesUnescaped() throws {
        let text = Fixtures.text(
            rows: [Fixtures.row(["prenoms": "\"Camille \"\"Cam\"\"\""])],
            delimiter: ","
        )

        let result = try Fixtures.read(text)

        #expect(result.issues.isEmpty)
        #expect(result.candidates.first?.candidate.givenNames == "Camille \"Cam\"")
    }

    @Test func quotedLineBreakKeepsLineNumbers() throws {
        let columns = Fixtures.columns + ["commentaire"]
        let text = Fixtures.text(
            columns: columns,
            rows: [
                Fixtures.row(
                    ["commentaire": "\"première ligne\r\nseconde; ligne\""],
                    columns: columns
                ),
                Fixtures.row(["identifiant": "C002", "diplome": "DEXX"], columns: columns),
            ],
            lineBreak: "\r\n"
        )

        let result = try Fixtures.read(text)
        let issue = try Fixtures.onlyIssue(result)

        #expect(result.rowCount == 2)
        #expect(result.candidates.map(\.line) == [2])
        #expect(result.ignoredColumns == ["commentaire"])
        #expect(issue.line == 4)
        #expect(issue.identifier == "C002")
        #expect(result.invalidLines == [4])
    }

    @Test func lineBreakInNameRejected() throws {
        let text = Fixtures.text(rows: [Fixtures.row(["prenoms": "\"Camille\nAlex\""])])

        let result = try Fixtures.read(text)
        let issue = try Fixtures.onlyIssue(result)

        #expect(result.candidates.isEmpty)
        #expect(issue.code == .controlCharacter)
        #expect(issue.line == 2)
        #expect(issue.column == "prenoms")
        #expect(issue.value == "Camille\nAlex")
        #expect(issue.message.contains("U+000A, retour à la ligne"))
    }

    @Test(arguments: ["\n", "\r\n", "\r"])
    func lineEndingsAccepted(lineBreak: String) throws {
        let text = Fixtures.text(
            rows: [Fixtures.row(), Fixtures.row(["identifiant": "C002"])],
            lineBreak: lineBreak
        )

        let result = try Fixtures.read(text)

        #expect(result.issues.isEmpty)
        #expect(result.candidates.map(\.line) == [2, 3])
    }

    @Test func lastLineWithoutBreakRead() throws {
        var text = Fixtures.text(rows: [Fixtures.row()])
        text.removeLast()

        let result = try Fixtures.read(text)

        #expect(result.issues.isEmpty)
        #expect(result.candidates.count == 1)
    }

    @Test func emptyLinesSkippedButCounted() throws {
        let header = Fixtures.columns.joined(separator: ";")
        let first = Fixtures.row().joined(separator: ";")
        let second = Fixtures.row(["identifiant": "C002"]).joined(separator: ";")
        let blankRow = String(repeating: ";", count: Fixtures.columns.count - 1)
        let text = "\n\(header)\n\n\(first)\n   \n\(blankRow)\n\(second)\n\n"

        let result = try Fixtures.read(text)

        #expect(result.issues.isEmpty)
        #expect(result.rowCount == 2)
        #expect(result.candidates.map(\.line) == [4, 7])
    }

    @Test func valuesTrimmed() throws {
        let text = Fixtures.text(
            rows: [
                Fixtures.row([
                    "identifiant": "  C001 ",
                    "nom_naissance": " FICTIF\u{00A0}",
                    "diplome": " deaf ",
                    "date_naissance": " 12/04/1985 ",
                ])
            ]
        )

        let result = try Fixtures.read(text)
        let candidate = try #require(result.candidates.first?.candidate)

        #expect(result.issues.isEmpty)
        #expect(candidate.id == "C001")
        #expect(candidate.birthName == "FICTIF")
        #expect(candidate.diploma == DiplomaCode("DEAF"))
    }

    @Test func tooManyFieldsReported() throws {
        let fields = Fixtures.row(["identifiant": "C007"]) + ["en trop"]
        let text = Fixtures.text(rows: [Fixtures.row(), fields])

        let result = try Fixtures.read(text)
        let issue = try Fixtures.onlyIssue(result)

        #expect(result.candidates.count == 1)
        #expect(issue.code == .wrongFieldCount)
        #expect(issue.line == 3)
        #expect(issue.column == nil)
        #expect(issue.value == nil)
        #expect(issue.message.contains("13 champs"))
        #expect(issue.message.contains("12 colonnes"))
        #expect(result.invalidLines == [3])
    }

    @Test func tooFewFieldsReported() throws {
        let fields = Array(Fixtures.row().dropLast(2))
        let text = Fixtures.text(rows: [fields], delimiter: "\t")

        let result = try Fixtures.read(text)
        let issue = try Fixtures.onlyIssue(result)

        #expect(result.candidates.isEmpty)
        #expect(issue.code == .wrongFieldCount)
        #expect(issue.line == 2)
        #expect(issue.message.contains("10 champs"))
        #expect(issue.message.contains("12 colonnes"))
        #expect(issue.message.contains("tabulation"))
    }

    @Test func unterminatedQuoteReported() throws {
        let header = Fixtures.columns.joined(separator: ";")
        let first = Fixtures.row().joined(separator: ";")
        let broken = Fixtures.row(["identifiant": "C002", "nom_naissance": "\"FICTIF"])
            .joined(separator: ";")
        let swallowed = Fixtures.row(["identifiant": "C003"]).joined(separator: ";")
        let text = "\(header)\n\(first)\n\(broken)\n\(swallowed)\n"

        let result = try Fixtures.read(text)
        let issue = try Fixtures.onlyIssue(result)

        #expect(result.candidates.map(\.candidate.id) == ["C001"])
        #expect(issue.code == .unterminatedQuote)
        #expect(issue.line == 3)
        #expect(issue.column == "nom_naissance")
        #expect(issue.value == nil)
        #expect(issue.message.contains("ligne 3"))
        #expect(result.invalidLines == [3])
    }

    @Test func unterminatedQuoteInHeaderRejected() throws {
        let text = "identifiant;\"nom_naissance\n" + Fixtures.row().joined(separator: ";") + "\n"

        let result = try Fixtures.read(text)
        let issue = try Fixtures.onlyIssue(result)

        #expect(result.candidates.isEmpty)
        #expect(issue.code == .unterminatedQuote)
        #expect(issue.line == 1)
    }
}
