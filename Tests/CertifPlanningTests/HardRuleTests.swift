import CertifDomain
import Testing

@testable import CertifPlanning

private typealias F = ProblemFixtures

private func placement(_ plan: Plan, _ id: String) -> (PlannedSession, PlannedDay, PlacedCandidate)?
{
    for session in plan.sessions {
        for day in session.days {
            if let placed = day.candidates.first(where: { $0.id == id }) {
                return (session, day, placed)
            }
        }
    }
    return nil
}

@Suite struct HardRuleTests {
    @Test func sessionOpensOnLastDayBeforeDeadline() throws {
        let plan = Planner.plan(F.problem([F.candidate("A", available: "2025-03-03")]))

        let (_, day, _) = try #require(placement(plan, "A"))

        #expect(day.date == F.date("2025-06-03"))
    }

    @Test func deadlineTooCloseIsUnplanned() throws {
        let candidate = F.candidate("A", available: "2024-10-01")
        let plan = Planner.plan(F.problem([candidate], today: "2025-01-06"))

        let unplanned = try #require(plan.unplanned.first)

        #expect(plan.sessions.isEmpty)
        #expect(unplanned.cause == .deadlinePassed)
        #expect(unplanned.deadlineMissed)
        #expect(unplanned.reason.contains("01/01/2025"))
    }

    @Test func publicHolidayIsSkipped() throws {
        let candidate = F.candidate("A", available: "2025-03-03", deadline: "2025-05-08")
        let plan = Planner.plan(F.problem([candidate]))

        let (_, day, _) = try #require(placement(plan, "A"))

        #expect(day.date == F.date("2025-05-07"))
    }

    @Test(arguments: [("44", "2025-12-24"), ("53", "2025-12-26")])
    func alsaceMoselleHolidayCloses(territory: String, expected: String) throws {
        let candidate = F.candidate(
            "A",
            route: .training,
            territory: territory,
            available: "2025-09-01",
            deadline: "2025-12-26"
        )
        let plan = Planner.plan(F.problem([candidate]))

        let (session, day, _) = try #require(placement(plan, "A"))

        #expect(session.organizer == TerritoryCode(territory))
        #expect(day.date == F.date(expected))
    }

    @Test func nationalSchemeSendsDeafToPaysDeLaLoire() throws {
        let plan = Planner.plan(F.problem([F.candidate("A", diploma: "DEAF", territory: "53")]))

        let (session, _, placed) = try #require(placement(plan, "A"))

        #expect(session.organizer == TerritoryCode("52"))
        #expect(session.pooled)
        #expect(placed.mode == .remote)
        #expect(placed.host == TerritoryCode("53"))
        #expect(placed.reasons.contains { $0.rule == "R5" })
        let schemeCheck = try #require(session.rules.first { $0.rule == "R5" })
        #expect(schemeCheck.met)
    }

    @Test func nationalSchemeSkipsUncoveredRegion() throws {
        let plan = Planner.plan(F.problem([F.candidate("A", diploma: "DETISF", territory: "11")]))

        let (session, _, placed) = try #require(placement(plan, "A"))

        #expect(session.organizer == TerritoryCode("11"))
        #expect(placed.mode == .room)
        #expect(!session.pooled)
    }

    @Test func trainingRouteIsOutsideNationalScheme() throws {
        let candidate = F.candidate("A", diploma: "DEAF", route: .training, territory: "53")
        let plan = Planner.plan(F.problem([candidate]))

        let (session, _, _) = try #require(placement(plan, "A"))

        #expect(session.organizer == TerritoryCode("53"))
    }

    @Test func poolingWaitsFortyFiveDays() throws {
        // Two regions with 3 candidates each: pooling would save a commission, but R7 forbids a
        // pooled session within 45 days of the plan date.
        let near =
            (1...3).map {
                F.candidate(
                    "B\($0)",
                    territory: "53",
                    available: "2025-01-02",
                    deadline: "2025-02-10"
                )
            }
            + (1...3).map {
                F.candidate(
                    "N\($0)",
                    territory: "28",
                    available: "2025-01-02",
                    deadline: "2025-02-10"
                )
            }
        let nearPlan = Planner.plan(F.problem(near, today: "2025-01-06"))

        #expect(nearPlan.summary.sessions == 2)
        #expect(nearPlan.summary.sittings == 2)
        #expect(nearPlan.summary.pooledCandidates == 0)

        let far =
            (1...3).map { F.candidate("B\($0)", territory: "53", deadline: "2025-04-10") }
            + (1...3).map { F.candidate("N\($0)", territory: "28", deadline: "2025-04-10") }
        let farPlan = Planner.plan(F.problem(far, today: "2025-01-06"))

        #expect(farPlan.summary.sessions == 1)
        #expect(farPlan.summary.sittings == 1)
        #expect(farPlan.summary.pooledCandidates == 3)
        let leadCheck = try #require(farPlan.sessions.first?.rules.first { $0.rule == "R7" })
        #expect(leadCheck.met)
    }

    @Test func refusedPoolingKeepsRegionsApart() throws {
        var settings = Settings()
        settings.voluntaryPooling = VoluntaryPoolingPolicy(accepted: [
            TerritoryCode("53"): [], TerritoryCode("28"): [],
        ])
        let candidates =
            (1...3).map { F.candidate("B\($0)", territory: "53", deadline: "2025-04-10") }
            + (1...3).map { F.candidate("N\($0)", territory: "28", deadline: "2025-04-10") }
        let plan = Planner.plan(F.problem(candidates, settings: settings))

        #expect(plan.summary.sessions == 2)
        #expect(plan.summary.pooledCandidates == 0)
    }

    @Test func remoteHostClosedMovesDay() throws {
        // 27 April 2026 is a Monday and Mayotte's abolition day: the organiser (52) is open but
        // the candidate's host is not, so the Friday before is taken.
        let candidate = F.candidate("A", diploma: "DEAF", territory: "06", deadline: "2026-04-27")
        let plan = Planner.plan(
            F.problem([candidate], today: "2026-01-05", from: "2026-01-05", to: "2026-12-31")
        )

        let (session, day, placed) = try #require(placement(plan, "A"))

        #expect(session.organizer == TerritoryCode("52"))
        #expect(placed.mode == .remote)
        #expect(day.date == F.date("2026-04-24"))
    }

    @Test func refusedVideoconferenceTravels() throws {
        let candidate = F.candidate("A", diploma: "DEAF", territory: "53", remote: false)
        let plan = Planner.plan(F.problem([candidate]))

        let (_, _, placed) = try #require(placement(plan, "A"))

        #expect(placed.mode == .room)
        #expect(placed.travels)
        #expect(placed.host == TerritoryCode("52"))
        #expect(plan.summary.travellingCandidates == 1)
    }

    @Test func seventhInterviewOpensCommission() throws {
        let candidates = (1...7).map { F.candidate("A\($0)", deadline: "2025-04-10") }
        let plan = Planner.plan(F.problem(candidates))

        #expect(plan.summary.sittings == 2)
        #expect(plan.summary.days == 1)
        #expect(plan.sessions.first?.days.first?.commissions == 2)
    }

    @Test func commissionLimitSpreadsOverDays() throws {
        var settings = Settings()
        settings.maxCommissionsPerDay = 1
        let candidates = (1...7).map { F.candidate("A\($0)", deadline: "2025-04-10") }
        let plan = Planner.plan(F.problem(candidates, settings: settings))

        #expect(plan.summary.sessions == 1)
        #expect(plan.summary.days == 2)
        #expect(
            plan.sessions.first?.days.map(\.date) == [F.date("2025-04-09"), F.date("2025-04-10")]
        )
    }

    // With a third more time an interview lasts 80 minutes: two fit before the 12:30 lunch
    // break and two after it.
    @Test(arguments: [(4, 1), (5, 2)])
    func extraTimeTakesRoom(candidates count: Int, sittings: Int) {
        let candidates = (1...count).map {
            F.candidate("A\($0)", deadline: "2025-04-10", extraTime: 33)
        }
        let plan = Planner.plan(F.problem(candidates))

        #expect(plan.summary.sittings == sittings)
    }

    @Test func overseasHostHoursBoundInterview() throws {
        // Guadeloupe is five hours behind Paris in winter: its premises open at 8:30 local time,
        // so with the 30-minute convocation the interview starts at 14:00 in Nantes.
        let candidate = F.candidate(
            "A",
            diploma: "DEAF",
            territory: "01",
            available: "2025-01-02",
            deadline: "2025-02-20"
        )
        let plan = Planner.plan(F.problem([candidate]))

        let (_, _, placed) = try #require(placement(plan, "A"))

        #expect(placed.start == "14:00")
        let convocation = try #require(placed.reasons.first { $0.rule == "R10" })
        #expect(convocation.text.contains("08:30"))
    }

    @Test func fixedSessionIsFilledFirst() throws {
        let pinned = PlacedCandidate(
            id: "OLD",
            mode: .room,
            host: TerritoryCode("53"),
            commission: 1,
            start: "09:00",
            durationMinutes: 60,
            travels: false,
            reasons: []
        )
        let fixed = FixedSession(
            id: "S-FIXED",
            diploma: DiplomaCode("DEASS"),
            organizer: TerritoryCode("53"),
            days: [
                FixedSession.Day(date: F.date("2025-03-20"), commissions: 1, candidates: [pinned])
            ]
        )
        let candidate = F.candidate("NEW", available: "2025-03-03")
        let plan = Planner.plan(F.problem([candidate], fixed: [fixed]))

        let (session, day, placed) = try #require(placement(plan, "NEW"))
        let old = try #require(placement(plan, "OLD"))

        #expect(plan.sessions.count == 1)
        #expect(session.id == "S-FIXED")
        #expect(session.fixed)
        #expect(day.date == F.date("2025-03-20"))
        #expect(placed.start == "10:15")
        #expect(old.2.start == "09:00")
    }

    @Test func changedFixedCandidateIsFlagged() throws {
        let pinned = PlacedCandidate(
            id: "OLD",
            mode: .remote,
            host: TerritoryCode("28"),
            commission: 1,
            start: "09:00",
            durationMinutes: 60,
            travels: false,
            reasons: [Reason(rule: "R5", text: "raison enregistrée")]
        )
        let fixed = FixedSession(
            id: "S-FIXED",
            diploma: DiplomaCode("DEASS"),
            organizer: TerritoryCode("53"),
            days: [
                FixedSession.Day(date: F.date("2025-03-20"), commissions: 1, candidates: [pinned])
            ]
        )
        // Re-imported since: an earlier deadline, and no videoconference any more.
        let changed = F.candidate(
            "OLD",
            territory: "28",
            available: "2025-01-20",
            deadline: "2025-03-10",
            remote: false
        )
        let problem = F.problem([], fixed: [fixed])
        var withRecord = problem
        withRecord.scheduledCandidates = [changed]

        let plan = Planner.plan(withRecord)
        let session = try #require(plan.sessions.first)
        let failed = session.rules.filter { !$0.met && ["R4", "R9"].contains($0.rule) }

        #expect(failed.count == 2)
        #expect(failed.contains { $0.detail.contains("après sa date limite du 10/03/2025") })
        #expect(failed.contains { $0.detail.contains("ne l'accepte plus") })
        #expect(plan.summary.fixedSessionConflicts == 2)
        #expect(plan.summary.deadlinesMissed == 1)
        #expect(plan.summary.meanWaitDays == 59)
        #expect(session.days.first?.candidates.first?.reasons.first?.text == "raison enregistrée")
    }

    @Test func routesShareSession() throws {
        let candidates = [
            F.candidate("V", route: .vae, deadline: "2025-04-10"),
            F.candidate("T", route: .training, deadline: "2025-04-10"),
        ]
        let plan = Planner.plan(F.problem(candidates))

        #expect(plan.summary.sessions == 1)
        #expect(plan.sessions.first?.rules.contains { $0.rule == "R3" } == true)
    }
}

@Suite struct TimetableTests {
    private let day = Timetable(
        dayStart: 9 * 60,
        dayEnd: 17 * 60,
        changeover: 15,
        lunchStart: 12 * 60 + 30,
        lunchEnd: 13 * 60 + 30
    )

    private func interview(
        _ id: String,
        minutes: Int,
        from: Int = 0,
        to: Int = 24 * 60
    ) -> Interview {
        Interview(
            candidate: 0,
            id: id,
            durationMinutes: minutes,
            earliestStart: from,
            latestEnd: to,
            mode: .room,
            host: TerritoryCode("52"),
            travels: false
        )
    }

    @Test func lunchBreakHoldsNoInterview() throws {
        let interviews = (1...6).map { interview("C\($0)", minutes: 60) }

        let starts = try #require(day.starts(for: interviews))

        #expect(
            starts.map(Timetable.clock) == ["09:00", "10:15", "11:30", "13:30", "14:45", "16:00"]
        )
    }

    @Test func seventhHourDoesNotFit() {
        let interviews = (1...7).map { interview("C\($0)", minutes: 60) }

        #expect(day.starts(for: interviews) == nil)
    }

    @Test func shortInterviewFillsMorningGap() throws {
        // Three 60-minute interviews leave no room before lunch; a 45-minute one goes after.
        let interviews = [
            interview("A", minutes: 60), interview("B", minutes: 60), interview("C", minutes: 60),
            interview("D", minutes: 45),
        ]

        let starts = try #require(day.starts(for: interviews))

        #expect(starts.map(Timetable.clock) == ["09:00", "10:15", "11:30", "13:30"])
    }

    @Test func narrowSpanGoesFirst() throws {
        // An overseas host open only until 11:00 Paris time takes the first slot.
        let interviews = [interview("A", minutes: 60), interview("Z", minutes: 60, to: 11 * 60)]

        let starts = try #require(day.starts(for: interviews))

        #expect(starts.map(Timetable.clock) == ["10:15", "09:00"])
    }
}
