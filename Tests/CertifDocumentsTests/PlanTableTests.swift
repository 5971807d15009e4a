import CertifDomain
import CertifPlanning
import Testing

@testable import CertifDocuments

struct PlanTableTests {
    static let reference = CandidateTableTests.reference

    /// Builds a plan with one session of two candidates on one day, and one unplanned candidate.
    static func plan() throws -> Plan {
        let day = PlannedDay(
            date: try Fixtures.date("2025-03-20"),
            commissions: 1,
            remoteOnly: false,
            candidates: [
                PlacedCandidate(
                    id: "C-1",
                    mode: .room,
                    host: TerritoryCode("52"),
                    commission: 1,
                    start: "09:00",
                    durationMinutes: 60,
                    travels: true,
                    reasons: [
                        Reason(rule: "R5", text: "Schéma national."),
                        Reason(rule: nil, text: "Jour le plus tardif."),
                    ]
                ),
                PlacedCandidate(
                    id: "C-2",
                    mode: .remote,
                    host: TerritoryCode("53"),
                    commission: 2,
                    start: "10:30",
                    durationMinutes: 80,
                    travels: false,
                    reasons: []
                ),
            ]
        )
        let session = PlannedSession(
            id: "S-DEAF-52-20250320",
            diploma: DiplomaCode("DEAF"),
            organizer: TerritoryCode("52"),
            fixed: false,
            pooled: true,
            days: [day],
            rules: []
        )
        let missed = UnplannedCandidate(
            id: "C-3",
            cause: .deadlinePassed,
            reason: "Sa date limite est passée.",
            fix: "Donner une date limite plus tardive.",
            deadlineMissed: true
        )
        return Plan(
            today: try Fixtures.date("2025-01-06"),
            from: try Fixtures.date("2025-01-06"),
            to: try Fixtures.date("2025-12-31"),
            settings: Settings(),
            sessions: [session],
            unplanned: [missed],
            summary: PlanSummary()
        )
    }

    static func candidates() throws -> [Candidate] {
        [
            try Fixtures.candidate("C-1", territory: "52"),
            try Fixtures.candidate("C-2", usageName: "DURAND"),
            try Fixtures.candidate("C-3", deadline: "2025-01-10"),
        ]
    }

    @Test func headerKeepsCommandLineColumns() throws {
        let table = try ExportTable.plan(
            try Self.plan(),
            candidates: [],
            reference: Self.reference
        )

        #expect(
            table.columns.map(\.header) == [
                "identifiant", "nom_naissance", "nom_usage", "prenoms", "diplome", "voie",
                "territoire", "session", "organisateur", "date", "heure", "duree_minutes",
                "commission", "mode", "accueil", "deplacement", "date_limite", "statut",
                "raisons",
            ]
        )
        #expect(table.title == "Plan")
    }

    @Test func plannedCandidateRowGivesPlaceAndReasons() throws {
        let table = try ExportTable.plan(
            try Self.plan(),
            candidates: try Self.candidates(),
            reference: Self.reference
        )

        #expect(table.rows.count == 3)
        #expect(
            table.rows[0] == [
                .text("C-1"), .text("MARTIN"), nil, .text("Marie Anne"), .text("DEAF"),
                .text("VAE"), .text("Pays de la Loire"), .text("S-DEAF-52-20250320"),
                .text("Pays de la Loire"), .date(try Fixtures.date("2025-03-20")),
                .text("09:00"), .integer(60), .integer(1), .text("présentiel"),
                .text("Pays de la Loire"), .text("oui"), .date(try Fixtures.date("2025-04-15")),
                .text("planifié"), .text("R5 : Schéma national. | Jour le plus tardif."),
            ]
        )
    }

    @Test func remoteCandidateIsHostedAtHome() throws {
        let table = try ExportTable.plan(
            try Self.plan(),
            candidates: try Self.candidates(),
            reference: Self.reference
        )

        let row = table.rows[1]
        #expect(row[2] == .text("DURAND"))
        #expect(row[12] == .integer(2))
        #expect(row[13] == .text("visioconférence"))
        #expect(row[14] == .text("Bretagne"))
        #expect(row[15] == .text("non"))
        #expect(row[18] == .text(""))
    }

    @Test func unplannedCandidateRowGivesReasonAndFix() throws {
        let table = try ExportTable.plan(
            try Self.plan(),
            candidates: try Self.candidates(),
            reference: Self.reference
        )

        let row = table.rows[2]
        #expect(row[0] == .text("C-3"))
        #expect(row[7...15].allSatisfy { $0 == nil })
        #expect(row[16] == .date(try Fixtures.date("2025-01-10")))
        #expect(row[17] == .text("non planifié, délai dépassé"))
        #expect(
            row[18]
                == .text(
                    "Sa date limite est passée. Solution : Donner une date limite plus tardive."
                )
        )
    }

    @Test func fixedSessionIsMarked() throws {
        var plan = try Self.plan()
        plan.sessions[0].fixed = true

        let table = try ExportTable.plan(
            plan,
            candidates: try Self.candidates(),
            reference: Self.reference
        )

        #expect(table.rows[0][17] == .text("session fixée"))
    }

    @Test func unknownCandidateKeepsIdOnly() throws {
        let table = try ExportTable.plan(
            try Self.plan(),
            candidates: [],
            reference: Self.reference
        )

        let row = table.rows[0]
        #expect(row[0] == .text("C-1"))
        #expect(row[1...6].allSatisfy { $0 == nil })
        #expect(row[16] == nil)
        #expect(row[7] == .text("S-DEAF-52-20250320"))
    }

    @Test func csvOfPlanMatchesCommandLineFormat() throws {
        let table = try ExportTable.plan(
            try Self.plan(),
            candidates: try Self.candidates(),
            reference: Self.reference
        )

        let lines = FrenchCSV.text(table).components(separatedBy: "\r\n")

        #expect(
            lines[1]
                == "C-1;MARTIN;;Marie Anne;DEAF;VAE;Pays de la Loire;S-DEAF-52-20250320;"
                + "Pays de la Loire;20/03/2025;09:00;60;1;présentiel;Pays de la Loire;oui;"
                + "15/04/2025;planifié;R5 : Schéma national. | Jour le plus tardif."
        )
        #expect(
            lines[3]
                == "C-3;MARTIN;;Marie Anne;DEAF;VAE;Bretagne;;;;;;;;;;10/01/2025;"
                + "non planifié, délai dépassé;"
                + "Sa date limite est passée. Solution : Donner une date limite plus tardive."
        )
    }
}
