import CertifDomain
import Testing

@testable import CertifPlanning

private typealias F = ProblemFixtures

@Suite struct SoftRuleTests {
    @Test func fullRegionsAreNotPooled() {
        let candidates =
            (1...20).map { F.candidate("B\($0)", territory: "53", deadline: "2025-04-10") }
            + (1...20).map { F.candidate("N\($0)", territory: "28", deadline: "2025-04-10") }
        let plan = Planner.plan(F.problem(candidates))

        #expect(plan.summary.sessions == 2)
        #expect(plan.summary.sittings == 8)
        #expect(plan.summary.pooledCandidates == 0)
        #expect(plan.summary.sessionsMeetingTarget == 2)
    }

    @Test func smallRegionFillsFreePlaces() {
        // 20 candidates take four commissions of 6, 6, 6 and 2: the 3 of the other region join
        // the fourth rather than open a fifth.
        let candidates =
            (1...20).map { F.candidate("B\($0)", territory: "53", deadline: "2025-04-10") }
            + (1...3).map { F.candidate("N\($0)", territory: "28", deadline: "2025-04-10") }
        let plan = Planner.plan(F.problem(candidates))

        #expect(plan.summary.sittings == 4)
        #expect(plan.summary.sessions == 1)
        #expect(plan.summary.pooledCandidates == 3)
        #expect(plan.summary.remoteCandidates == 3)
    }

    @Test func laterCandidatesJoinEarlierDeadline() {
        // One session on the earliest deadline takes everyone available by then.
        let candidates = [
            F.candidate("A", available: "2025-02-03"),
            F.candidate("B", available: "2025-03-03"),
            F.candidate("C", available: "2025-04-01"),
        ]
        let plan = Planner.plan(F.problem(candidates))

        #expect(plan.summary.sessions == 1)
        // A's deadline is Saturday 3 May and 1 May is a holiday.
        #expect(plan.sessions.first?.days.first?.date == F.date("2025-05-02"))
    }

    @Test func sessionBelowTargetSaysWhy() throws {
        let candidates = (1...7).map { F.candidate("A\($0)", deadline: "2025-04-10") }
        let plan = Planner.plan(F.problem(candidates))

        let check = try #require(plan.sessions.first?.rules.first { $0.rule == "R1" })

        #expect(!check.met)
        #expect(check.detail.hasPrefix("R1 non atteint : 7 candidats pour 20 visés"))
    }

    @Test(arguments: [(4, true), (3, false)])
    func remoteOnlyDayNeedsFour(count: Int, met: Bool) throws {
        let candidates = (1...count).map {
            F.candidate("A\($0)", diploma: "DEAF", territory: "53", deadline: "2025-04-10")
        }
        let plan = Planner.plan(F.problem(candidates))

        let day = try #require(plan.sessions.first?.days.first)
        let check = try #require(plan.sessions.first?.rules.first { $0.rule == "R2" })

        #expect(day.remoteOnly)
        #expect(check.met == met)
    }

    @Test func flexibleCandidateWaitsForNextPeriod() throws {
        let candidate = F.candidate("A", available: "2025-12-01")
        let plan = Planner.plan(F.problem([candidate]))

        let unplanned = try #require(plan.unplanned.first)

        #expect(unplanned.cause == .laterPeriod)
        #expect(!unplanned.deadlineMissed)
    }

    @Test func flexibleCandidateFillsFreePlace() throws {
        let candidates = [
            F.candidate("A", available: "2025-10-01"),
            F.candidate("B", available: "2025-12-01"),
        ]
        let plan = Planner.plan(F.problem(candidates, to: "2026-01-15"))

        #expect(plan.summary.planned == 2)
        #expect(plan.summary.sittings == 1)
    }
}
