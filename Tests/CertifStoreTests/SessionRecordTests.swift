import CertifDomain
import CertifPlanning
import Testing

@testable import CertifStore

@Suite("Session records and candidate outlines")
struct SessionRecordTests {
    private func placed(_ id: String) -> PlacedCandidate {
        PlacedCandidate(
            id: id,
            mode: .remote,
            host: TerritoryCode("53"),
            commission: 1,
            start: "09:00",
            durationMinutes: 60,
            travels: false,
            reasons: []
        )
    }

    private func plan(with candidates: [String]) -> Plan {
        let session = PlannedSession(
            id: "S-DEAF-52-20250320",
            diploma: DiplomaCode("DEAF"),
            organizer: TerritoryCode("52"),
            fixed: false,
            pooled: true,
            days: [
                PlannedDay(
                    date: date("2025-03-20"),
                    commissions: 1,
                    remoteOnly: true,
                    candidates: candidates.map(placed)
                )
            ],
            rules: []
        )
        return Plan(
            today: date("2024-12-02"),
            from: date("2025-01-01"),
            to: date("2025-06-30"),
            settings: Settings(),
            sessions: [session],
            unplanned: [],
            summary: PlanSummary()
        )
    }

    @Test("Records give origin")
    func recordsGiveOrigin() throws {
        try withTemporaryStore { store, _ in
            _ = try store.importCandidates([makeCandidate("C1")], actor: tester)
            let planID = try store.saveDraft(plan(with: ["C1"]), actor: tester)
            _ = try store.acceptPlan(id: planID, actor: tester)
            let calendar = FixedSession(
                id: "C-DEMF-75-20250610",
                diploma: DiplomaCode("DEMF"),
                organizer: TerritoryCode("75"),
                days: [FixedSession.Day(date: date("2025-06-10"), commissions: 1, candidates: [])]
            )
            try store.addCalendarSession(calendar, actor: StoreActor(name: "web:marie"))

            let records = try store.fixedSessionRecords()
            let one = try store.fixedSessionRecord(id: "C-DEMF-75-20250610")
            let missing = try store.fixedSessionRecord(id: "C-NONE")

            #expect(records.map(\.session.id) == ["P\(planID)-S-DEAF-52-20250320", calendar.id])
            #expect(records.map(\.planID) == [planID, nil])
            #expect(records.map(\.acceptedBy) == [tester.name, "web:marie"])
            #expect(one?.session == calendar)
            #expect(missing == nil)
        }
    }

    @Test("Outlines and organisers read")
    func outlinesAndOrganizers() throws {
        try withTemporaryStore { store, _ in
            _ = try store.importCandidates(
                [
                    makeCandidate("C1", diploma: "DEAF", territory: "53"),
                    makeCandidate("C2", diploma: "DEMF", territory: "11"),
                ],
                actor: tester
            )
            let planID = try store.saveDraft(plan(with: ["C1"]), actor: tester)
            _ = try store.acceptPlan(id: planID, actor: tester)

            let outlines = try store.candidateOutlines()
            let organizers = try store.fixedSessionOrganizers()

            #expect(
                outlines["C1"]
                    == CandidateOutline(
                        territory: TerritoryCode("53"),
                        diploma: DiplomaCode("DEAF")
                    )
            )
            #expect(
                outlines["C2"]
                    == CandidateOutline(
                        territory: TerritoryCode("11"),
                        diploma: DiplomaCode("DEMF")
                    )
            )
            #expect(organizers == ["C1": TerritoryCode("52")])
        }
    }

    @Test(
        "Unfit ids name their problem",
        arguments: [
            ("", CalendarSessionIDProblem.empty),
            (String(repeating: "N", count: 65), .tooLong(length: 65)),
            ("NAT\nDEAF", .controlCharacter),
            ("P1-S-DEAF", .reservedForPlans),
        ]
    )
    func unfitIDs(id: String, problem: CalendarSessionIDProblem) {
        #expect(CertifStore.calendarSessionIDProblem(id) == problem)
    }

    @Test("Fit id has no problem", arguments: ["C-DEAF-52-20250320", "P-DEAF", "Pays"])
    func fitIDs(id: String) {
        #expect(CertifStore.calendarSessionIDProblem(id) == nil)
    }
}
