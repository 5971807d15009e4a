import CertifDomain
import Foundation
import Testing

@testable import CertifImport

@Suite struct HeaderTests {
    @Test(arguments: ["Date_Naissance", "DATE NAISSANCE", "date-naissance", " Date naissance "])
    func headerVariantMatches(name: String) throws {
        let columns = Fixtures.columns.map { $0 == "date_naissance" ? name : $0 }
        let text = Fixtures.text(
            columns: columns,
            rows: [Fixtures.row()]
        )

        let result = try Fixtures.read(text)

        #expect(result.issues.isEmpty)
        #expect(result.ignoredColumns.isEmpty)
        #expect(result.candidates.first?.candidate.birthDate == (try Fixtures.date("1985-04-12")))
    }

    @Test func accentsAndCaseIgnored() throws {
        let columns = Fixtures.columns.map {
            switch $0 {
            case "prenoms": "Prénoms"
            case "diplome": "Diplôme"
            case "identifiant": "IDENTIFIANT"
            default: $0
            }
        }

        let result = try Fixtures.read(Fixtures.text(columns: columns, rows: [Fixtures.row()]))

        #expect(result.issues.isEmpty)
        #expect(result.candidates.count == 1)
    }

    @Test func wordsInNameDoNotMatch() throws {
        let columns = Fixtures.columns.map { $0 == "date_naissance" ? "Date de naissance" : $0 }

        let result = try Fixtures.read(Fixtures.text(columns: columns, rows: [Fixtures.row()]))
        let issue = try Fixtures.onlyIssue(result)

        #expect(result.candidates.isEmpty)
        #expect(result.ignoredColumns == ["Date de naissance"])
        #expect(issue.code == .missingColumns)
        #expect(issue.line == 1)
        #expect(issue.message.contains("absente de l'en-tête : date_naissance."))
    }

    @Test func missingColumnsAllListed() throws {
        let columns = Fixtures.columns.filter { !["prenoms", "voie", "territoire"].contains($0) }

        let result = try Fixtures.read(
            Fixtures.text(columns: columns, rows: [Fixtures.row(columns: columns)])
        )
        let issue = try Fixtures.onlyIssue(result)

        #expect(result.candidates.isEmpty)
        #expect(result.rowCount == 1)
        #expect(issue.code == .missingColumns)
        #expect(issue.line == 1)
        #expect(issue.column == nil)
        #expect(issue.value == nil)
        #expect(issue.message.contains("absentes de l'en-tête : prenoms, voie, territoire."))
    }

    @Test func headerLineAfterEmptyLines() throws {
        let columns = Fixtures.columns.filter { $0 != "voie" }
        let text = "\n\n" + Fixtures.text(columns: columns, rows: [Fixtures.row(columns: columns)])

        let result = try Fixtures.read(text)
        let issue = try Fixtures.onlyIssue(result)

        #expect(issue.code == .missingColumns)
        #expect(issue.line == 3)
    }

    @Test func duplicateColumnRejected() throws {
        let columns = Fixtures.columns + ["Nom-Naissance"]
        let text = Fixtures.text(columns: columns, rows: [Fixtures.row(columns: columns)])

        let result = try Fixtures.read(text)
        let issue = try Fixtures.onlyIssue(result)

        #expect(result.candidates.isEmpty)
        #expect(issue.code == .duplicateColumn)
        #expect(issue.line == 1)
        #expect(issue.column == "Nom-Naissance")
        #expect(issue.value == nil)
        #expect(issue.message.contains("« nom_naissance » (position 2)"))
        #expect(issue.message.contains("(position 13)"))
    }

    @Test func unknownColumnsIgnored() throws {
        let columns = ["Commentaire"] + Fixtures.columns + ["Téléphone", ""]
        let rows = [["à rappeler"] + Fixtures.row() + ["0600000000", ""]]

        let result = try Fixtures.read(Fixtures.text(columns: columns, rows: rows))

        #expect(result.issues.isEmpty)
        #expect(result.ignoredColumns == ["Commentaire", "Téléphone"])
        #expect(result.candidates.first?.candidate.id == "C001")
    }

    @Test func optionalColumnsMayBeAbsent() throws {
        let columns = Fixtures.columns.filter {
            !["nom_usage", "date_limite", "distanciel", "majoration"].contains($0)
        }
        let text = Fixtures.text(columns: columns, rows: [Fixtures.row(columns: columns)])

        let result = try Fixtures.read(text)
        let candidate = try #require(result.candidates.first?.candidate)

        #expect(result.issues.isEmpty)
        #expect(candidate.usageName == nil)
        #expect(candidate.explicitDeadline == nil)
        #expect(candidate.remoteAllowed)
        #expect(candidate.extraTimePercent == 0)
    }

    @Test func headerOnlyRejected() throws {
        let result = try Fixtures.read(Fixtures.text(rows: []))
        let issue = try Fixtures.onlyIssue(result)

        #expect(result.candidates.isEmpty)
        #expect(result.rowCount == 0)
        #expect(issue.code == .noRows)
        #expect(issue.line == 0)
    }
}
