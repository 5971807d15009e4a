import CertifDomain
import CertifImport
import Foundation
import Testing

@testable import CertifDocuments

struct CandidateTableTests {
    static let reference: ReferenceData = {
        do {
            return try ReferenceData.bundled()
        } catch {
            fatalError("the shipped reference data does not load: \(error)")
        }
    }()

    @Test func headerNamesCandidateFileColumns() throws {
        let table = try ExportTable.candidates([], settings: Settings(), reference: Self.reference)

        #expect(
            table.columns.map(\.header) == [
                "identifiant", "nom_naissance", "nom_usage", "prenoms", "date_naissance",
                "diplome", "voie", "territoire", "disponible_le", "date_limite", "distanciel",
                "majoration", "date_limite_appliquee", "calcul_date_limite", "session", "statut",
            ]
        )
        #expect(table.title == "Candidats")
        #expect(table.rows.isEmpty)
    }

    @Test func waitingCandidateRowHasComputedDeadline() throws {
        let candidate = try Fixtures.candidate("00042", usageName: "DURAND")

        let table = try ExportTable.candidates(
            [candidate],
            settings: Settings(),
            reference: Self.reference
        )

        #expect(
            table.rows == [
                [
                    .text("00042"), .text("MARTIN"), .text("DURAND"), .text("Marie Anne"),
                    .date(try Fixtures.date("1980-02-29")), .text("DEAF"), .text("VAE"),
                    .text("Bretagne"), .date(try Fixtures.date("2025-01-15")), nil, .text("non"),
                    .integer(33), .date(try Fixtures.date("2025-04-15")),
                    .text("dossier de validation déposé le 15/01/2025, plus 3 mois (R4)"), nil,
                    .text("en attente de session"),
                ]
            ]
        )
    }

    @Test func scheduledCandidateRowNamesSession() throws {
        let candidate = try Fixtures.candidate("C-1", deadline: "2025-03-31")

        let table = try ExportTable.candidates(
            [candidate],
            settings: Settings(),
            reference: Self.reference,
            fixedSessions: ["C-1": "S-DEAF-52-20250320"]
        )

        let row = try #require(table.rows.first)
        #expect(row[9] == .date(try Fixtures.date("2025-03-31")))
        #expect(row[12] == .date(try Fixtures.date("2025-03-31")))
        #expect(row[13] == .text("date limite donnée par le fichier des candidats"))
        #expect(row[14] == .text("S-DEAF-52-20250320"))
        #expect(row[15] == .text("session fixée"))
    }

    @Test func unknownTerritoryIsGivenByCode() throws {
        let candidate = try Fixtures.candidate("C-1", territory: "99")

        let table = try ExportTable.candidates(
            [candidate],
            settings: Settings(),
            reference: Self.reference
        )

        #expect(table.rows.first?[7] == .text("99"))
    }

    @Test func rowsKeepGivenOrder() throws {
        let candidates = [
            try Fixtures.candidate("B"), try Fixtures.candidate("A"), try Fixtures.candidate("C"),
        ]

        let table = try ExportTable.candidates(
            candidates,
            settings: Settings(),
            reference: Self.reference
        )

        #expect(table.rows.map { $0[0] } == [.text("B"), .text("A"), .text("C")])
    }

    @Test func csvExportImportsAgain() throws {
        let candidates = [
            try Fixtures.candidate("00042", usageName: "DURAND"),
            try Fixtures.candidate(
                "C-2",
                birthName: "L'HÔPITAL; DE",
                route: .training,
                deadline: "2025-06-30"
            ),
        ]
        let table = try ExportTable.candidates(
            candidates,
            settings: Settings(),
            reference: Self.reference
        )

        let result = CandidateFileReader.read(
            FrenchCSV.encode(table),
            reference: Self.reference,
            today: try Fixtures.date("2025-01-20")
        )

        #expect(result.issues.isEmpty, "\(result.issues)")
        #expect(result.candidates.map(\.candidate) == candidates)
    }
}
