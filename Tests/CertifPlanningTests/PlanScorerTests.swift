import CertifDomain
import Testing

@testable import CertifPlanning

private typealias F = ProblemFixtures

/// Each constraint alone, on a hand-made plan, with its exact penalty.
@Suite struct PlanScorerTests {
    private func placed(
        _ id: String,
        mode: ExamMode = .room,
        host: String = "53",
        commission: Int = 1,
        start: String = "09:00",
        duration: Int = 60,
        travels: Bool = false
    ) -> PlacedCandidate {
        PlacedCandidate(
            id: id,
            mode: mode,
            host: TerritoryCode(host),
            commission: commission,
            start: start,
            durationMinutes: duration,
            travels: travels,
            reasons: []
        )
    }

    private func plan(_ sessions: [PlannedSession], problem: PlanningProblem) -> Plan {
        Plan(
            today: problem.today,
            from: problem.from,
            to: problem.to,
            settings: problem.settings,
            sessions: sessions,
            unplanned: [],
            summary: PlanSummary()
        )
    }

    private func session(
        _ organizer: String,
        diploma: String = "DEASS",
        days: [(String, Int, [PlacedCandidate])]
    ) -> PlannedSession {
        PlannedSession(
            id: "S-\(organizer)-\(days.first?.0 ?? "")",
            diploma: DiplomaCode(diploma),
            organizer: TerritoryCode(organizer),
            fixed: false,
            pooled: false,
            days: days.map {
                PlannedDay(
                    date: F.date($0.0),
                    commissions: $0.1,
                    remoteOnly: false,
                    candidates: $0.2
                )
            },
            rules: []
        )
    }

    @Test func examOutsideWindowIsHard() {
        let problem = F.problem([F.candidate("A", available: "2025-03-03")])
        let late = session("53", days: [("2025-06-10", 1, [placed("A")])])

        let score = PlanScorer(problem: problem).score(plan([late], problem: problem))

        #expect(score.penalty(.examWindow) == 1)
        #expect(!score.isFeasible)
    }

    @Test func closedDayIsHard() {
        let problem = F.problem([F.candidate("A", available: "2025-03-03")])
        // 8 May 2025 is a public holiday.
        let closed = session("53", days: [("2025-05-08", 1, [placed("A")])])

        let score = PlanScorer(problem: problem).score(plan([closed], problem: problem))

        #expect(score.penalty(.organizerOpen) == 1)
    }

    @Test func wrongNationalOrganizerIsHard() {
        let problem = F.problem([F.candidate("A", diploma: "DEAF", territory: "53")])
        let home = session("53", diploma: "DEAF", days: [("2025-05-20", 1, [placed("A")])])

        let score = PlanScorer(problem: problem).score(plan([home], problem: problem))

        #expect(score.penalty(.nationalScheme) == 1)
    }

    @Test func earlyVoluntaryPoolingIsHard() {
        let problem = F.problem([F.candidate("A", territory: "28", available: "2025-01-02")])
        let pooled = session(
            "53",
            days: [("2025-01-27", 1, [placed("A", mode: .remote, host: "28", start: "10:00")])]
        )

        let score = PlanScorer(problem: problem).score(plan([pooled], problem: problem))

        #expect(score.penalty(.poolingLeadTime) == 1)
    }

    @Test func remoteInOwnRegionIsHard() {
        let problem = F.problem([F.candidate("A", available: "2025-03-03")])
        let local = session(
            "53",
            days: [("2025-05-20", 1, [placed("A", mode: .remote, host: "53")])]
        )

        let score = PlanScorer(problem: problem).score(plan([local], problem: problem))

        #expect(score.penalty(.remoteAcrossServices) == 1)
    }

    @Test func closedHostIsHard() {
        let problem = F.problem(
            [
                F.candidate("A", diploma: "DEAF", territory: "06", available: "2026-02-02")
            ],
            today: "2026-01-05",
            from: "2026-01-05",
            to: "2026-12-31"
        )
        let pooled = session(
            "52",
            diploma: "DEAF",
            days: [("2026-04-27", 1, [placed("A", mode: .remote, host: "06", start: "10:00")])]
        )

        let score = PlanScorer(problem: problem).score(plan([pooled], problem: problem))

        #expect(score.penalty(.hostOpen) == 1)
    }

    @Test func overlappingInterviewsAreHard() {
        let problem = F.problem([
            F.candidate("A", available: "2025-03-03"), F.candidate("B", available: "2025-03-03"),
        ])
        let overlap = session(
            "53",
            days: [("2025-05-20", 1, [placed("A", start: "09:00"), placed("B", start: "09:30")])]
        )

        let score = PlanScorer(problem: problem).score(plan([overlap], problem: problem))

        #expect(score.penalty(.commissionDay) == 1)
    }

    @Test func tooManyCommissionsIsHard() {
        var settings = Settings()
        settings.maxCommissionsPerDay = 1
        let problem = F.problem(
            [F.candidate("A", available: "2025-03-03"), F.candidate("B", available: "2025-03-03")],
            settings: settings
        )
        let two = session(
            "53",
            days: [("2025-05-20", 2, [placed("A", commission: 1), placed("B", commission: 2)])]
        )

        let score = PlanScorer(problem: problem).score(plan([two], problem: problem))

        #expect(score.penalty(.commissionsPerDay) == 1)
    }

    @Test func missingCandidateIsHard() {
        let problem = F.problem([F.candidate("A", available: "2025-03-03")])

        let score = PlanScorer(problem: problem).score(plan([], problem: problem))

        #expect(score.penalty(.everyCandidateOnce) == 1)
    }

    @Test func softPenaltiesAreExact() {
        let ids = ["A", "B", "C"]
        let problem = F.problem(ids.map { F.candidate($0, available: "2025-05-01") })
        let small = session(
            "53",
            days: [
                (
                    "2025-05-20", 1,
                    [
                        placed("A", start: "09:00"), placed("B", start: "10:15"),
                        placed("C", start: "11:30"),
                    ]
                )
            ]
        )

        let score = PlanScorer(problem: problem).score(plan([small], problem: problem))

        #expect(score.isFeasible)
        #expect(score.penalty(.sittings) == 1)
        #expect(score.penalty(.sessions) == 1)
        #expect(score.penalty(.sessionTarget) == 17)
        #expect(score.penalty(.dayMinimum) == 2)
        #expect(score.penalty(.waitDays) == 57)
        #expect(score.penalty(.travel) == 0)
    }

    @Test func scoresCompareLexicographically() {
        let fewerSittings = PlanScore(matches: [
            ConstraintMatch(constraint: .sittings, penalty: 3, justification: ""),
            ConstraintMatch(constraint: .sessions, penalty: 9, justification: ""),
        ])
        let fewerSessions = PlanScore(matches: [
            ConstraintMatch(constraint: .sittings, penalty: 4, justification: ""),
            ConstraintMatch(constraint: .sessions, penalty: 1, justification: ""),
        ])

        #expect(fewerSittings < fewerSessions)
    }
}
