import CertifDomain
import Testing

@testable import CertifPlanning

private typealias F = ProblemFixtures

@Suite struct PlannerPropertyTests {
    @Test(arguments: 1...12)
    func generatedPlansBreakNoHardRule(seed: UInt64) {
        let problem = F.problem(F.generated(count: 400, seed: seed), to: "2026-03-31")

        let plan = Planner.plan(problem)
        let score = PlanScorer(problem: problem).score(plan)
        let breaches = score.matches.filter(\.constraint.isHard)

        #expect(breaches.isEmpty, "\(breaches.prefix(5))")
        #expect(plan.summary.planned + plan.summary.unplanned == 400)
        // A lower bound above a real plan would be a wrong bound.
        let placed = Set(plan.sessions.flatMap(\.days).flatMap(\.candidates).map(\.id))
        for row in SittingLowerBound.compute(problem, plannedIDs: placed) {
            let sittings = plan.sessions.filter { $0.diploma == row.diploma }
                .reduce(0) { $0 + $1.sittings }
            #expect(sittings >= row.bound, "\(row.diploma): \(sittings) < \(row.bound)")
        }
    }

    @Test(arguments: [3, 9])
    func plannerIsDeterministic(seed: UInt64) {
        let candidates = F.generated(count: 300, seed: seed)
        let problem = F.problem(candidates, to: "2026-03-31")
        let shuffled = F.problem(candidates.reversed(), to: "2026-03-31")

        let first = Planner.plan(problem)
        let second = Planner.plan(problem)
        let third = Planner.plan(shuffled)

        #expect(first == second)
        #expect(first == third)
    }

    @Test(arguments: [4, 11])
    func fixedSessionsStayUnchanged(seed: UInt64) throws {
        let candidates = F.generated(count: 300, seed: seed)
        let first = Planner.plan(F.problem(candidates, to: "2026-03-31"))
        let kept = first.sessions.prefix(10).map { session in
            FixedSession(
                id: "FIX-" + session.id,
                diploma: session.diploma,
                organizer: session.organizer,
                days: session.days.map {
                    FixedSession.Day(
                        date: $0.date,
                        commissions: $0.commissions,
                        candidates: $0.candidates
                    )
                }
            )
        }
        let placed = Set(kept.flatMap(\.days).flatMap(\.candidates).map(\.id))
        let waiting =
            candidates.filter { !placed.contains($0.id) }
            + F.generated(count: 100, seed: seed + 100).map {
                var extra = $0
                extra.id = "X" + extra.id
                return extra
            }
        let problem = F.problem(waiting, to: "2026-03-31", fixed: kept)

        let plan = Planner.plan(problem)
        let score = PlanScorer(problem: problem).score(plan)

        #expect(score.penalty(.fixedSessionKept) == 0)
        #expect(score.hard == 0, "\(score.matches.filter(\.constraint.isHard).prefix(5))")
        for fixed in kept {
            let session = try #require(plan.sessions.first { $0.id == fixed.id })
            #expect(session.fixed)
            #expect(session.days.map(\.date) == fixed.days.map(\.date))
        }
    }

    @Test func plannerBeatsMonthlyPractice() {
        let problem = F.problem(F.generated(count: 1_000, seed: 5), to: "2026-03-31")

        let plan = Planner.plan(problem)
        let practice = PracticeBaseline.figures(problem)
        let placed = Set(plan.sessions.flatMap(\.days).flatMap(\.candidates).map(\.id))
        let bound = SittingLowerBound.compute(problem, plannedIDs: placed).reduce(0) {
            $0 + $1.bound
        }

        #expect(plan.summary.sittings < practice.reduce(0) { $0 + $1.sittings })
        #expect(plan.summary.sessions < practice.reduce(0) { $0 + $1.sessions })
        #expect(plan.summary.sittings >= bound)
        #expect(Double(plan.summary.sittings) <= Double(bound) * 1.15)
    }

    @Test func everyPlacedCandidateHasReasons() {
        let plan = Planner.plan(F.problem(F.generated(count: 200, seed: 2), to: "2026-03-31"))

        let placed = plan.sessions.flatMap(\.days).flatMap(\.candidates)

        #expect(placed.allSatisfy { $0.reasons.contains { $0.rule == "R4" } })
        #expect(placed.allSatisfy { $0.reasons.contains { $0.rule == "R10" } })
        #expect(plan.sessions.allSatisfy { $0.rules.contains { $0.rule == "R1" } })
        #expect(plan.unplanned.allSatisfy { !$0.reason.isEmpty && !$0.fix.isEmpty })
    }
}
