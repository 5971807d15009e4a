import CertifDomain

/// Scores a plan against its problem, independently of how the planner built it: tests use it
/// to check that no hard constraint is broken, and each constraint alone is tested with an
/// exact penalty.
public struct PlanScorer {
    let problem: PlanningProblem
    let settings: Settings
    let calendar: WorkingCalendar
    let facts: [String: CandidateFacts]
    let knownUnplanned: Set<String>

    public init(problem: PlanningProblem) {
        self.problem = problem
        self.settings = problem.settings
        self.calendar = problem.calendar
        let builder = PlanBuilder(problem: problem)
        self.facts = Dictionary(uniqueKeysWithValues: builder.facts.map { ($0.id, $0) })
        self.knownUnplanned = Set(builder.unplanned.map(\.id))
    }

    public func score(_ plan: Plan) -> PlanScore {
        var matches: [ConstraintMatch] = []
        func add(_ constraint: PlanConstraint, _ penalty: Int = 1, _ why: @autoclosure () -> String)
        {
            guard penalty != 0 else { return }
            matches.append(
                ConstraintMatch(constraint: constraint, penalty: penalty, justification: why())
            )
        }
        var seen: [String: Int] = [:]
        var commissionsByDay: [String: Int] = [:]
        let poolingEarliest = problem.today.adding(days: settings.aspLeadDays)
        for session in plan.sessions {
            let first = session.days.map(\.date).min()
            for day in session.days {
                commissionsByDay["\(session.organizer) \(day.date)", default: 0] += day.commissions
                if !calendar.isWorkingDay(day.date, territory: session.organizer) {
                    add(
                        .organizerOpen,
                        day.candidates.count,
                        "\(session.id) sits on closed day \(day.date)"
                    )
                }
                for placed in day.candidates {
                    seen[placed.id, default: 0] += 1
                    guard let fact = facts[placed.id] else { continue }
                    if day.date < fact.earliest || day.date > fact.latest {
                        add(
                            .examWindow,
                            1,
                            "\(placed.id) on \(day.date) outside \(fact.earliest)...\(fact.latest)"
                        )
                    }
                    if let rule = fact.nationalRule, rule.organizer != session.organizer {
                        add(.nationalScheme, 1, "\(placed.id) belongs to \(rule.organizer)")
                    }
                    if fact.nationalRule == nil,
                        !settings.voluntaryPooling.accepts(
                            organizer: session.organizer,
                            home: fact.home
                        )
                    {
                        add(
                            .voluntaryPooling,
                            1,
                            "\(session.organizer) does not accept \(fact.home)"
                        )
                    }
                    if fact.nationalRule == nil, fact.home != session.organizer, let first,
                        first < poolingEarliest
                    {
                        add(
                            .poolingLeadTime,
                            1,
                            "\(placed.id) pooled in \(session.id) before \(poolingEarliest)"
                        )
                    }
                    if placed.mode == .remote {
                        if placed.host == session.organizer || placed.host != fact.home {
                            add(.remoteAcrossServices, 1, "\(placed.id) remote from \(placed.host)")
                        }
                        if !calendar.isWorkingDay(day.date, territory: fact.home) {
                            add(
                                .hostOpen,
                                1,
                                "\(placed.id) hosted by \(fact.home), closed on \(day.date)"
                            )
                        }
                    }
                    if placed.travels {
                        add(.travel, 1, "\(placed.id) travels to \(session.organizer)")
                    }
                    add(
                        .waitDays,
                        fact.candidate.availableFrom.days(until: day.date),
                        "\(placed.id) waits"
                    )
                }
                matches += commissionBreaches(day, session: session)
                let minimum = day.remoteOnly ? settings.remoteDayMinimum : settings.dayMinimum
                add(
                    .dayMinimum,
                    max(0, minimum - day.candidates.count),
                    "\(session.id) \(day.date) is short"
                )
                add(.sittings, day.commissions, "\(session.id) \(day.date)")
            }
            if session.candidateCount > 0 {
                add(.sessions, 1, session.id)
                add(
                    .sessionTarget,
                    max(0, settings.sessionTarget - session.candidateCount),
                    "\(session.id) has \(session.candidateCount)"
                )
            }
        }
        for (key, count) in commissionsByDay where count > settings.maxCommissionsPerDay {
            add(.commissionsPerDay, count - settings.maxCommissionsPerDay, "\(key) seats \(count)")
        }
        for (id, count) in seen where count > 1 {
            add(.everyCandidateOnce, count - 1, "\(id) is placed \(count) times")
        }
        let unplanned = Set(plan.unplanned.map(\.id))
        for id in facts.keys.sorted() where seen[id] == nil && !unplanned.contains(id) {
            add(.everyCandidateOnce, 1, "\(id) is neither placed nor listed as unplanned")
        }
        for id in knownUnplanned where !unplanned.contains(id) && seen[id] == nil {
            add(.everyCandidateOnce, 1, "\(id) is missing from the unplanned list")
        }
        matches += fixedSessionBreaches(plan)
        return PlanScore(matches: matches)
    }

    /// Checks one day's commissions: interviews inside the day and the host's office hours,
    /// never overlapping, with the change-over between two.
    private func commissionBreaches(_ day: PlannedDay, session: PlannedSession) -> [ConstraintMatch]
    {
        var breaches: [ConstraintMatch] = []
        let dayStart = settings.dayStartMinutes
        let dayEnd = dayStart + settings.dayLengthMinutes
        for commission in Set(day.candidates.map(\.commission)) {
            let seated = day.candidates.filter { $0.commission == commission }
                .compactMap { placed -> (PlacedCandidate, Int)? in
                    PlanBuilder.minutes(of: placed.start).map { (placed, $0) }
                }
                .sorted { $0.1 < $1.1 }
            var clock = dayStart
            for (placed, start) in seated {
                var earliest = dayStart
                var latest = dayEnd
                if placed.mode == .remote {
                    let offset = calendar.minutesOffset(
                        from: placed.host,
                        to: session.organizer,
                        on: day.date
                    )
                    earliest = max(
                        earliest,
                        settings.officeOpensMinutes + settings.convocationMinutesBeforeInterview
                            + offset
                    )
                    latest = min(latest, settings.officeClosesMinutes + offset)
                }
                let end = start + placed.durationMinutes
                let lunchStart = settings.lunchStartMinutes
                let overlapsLunch =
                    settings.lunchMinutes > 0 && start < lunchStart + settings.lunchMinutes
                    && end > lunchStart
                if start < clock || start < earliest || end > latest || overlapsLunch {
                    breaches.append(
                        ConstraintMatch(
                            constraint: .commissionDay,
                            penalty: 1,
                            justification:
                                "\(placed.id) at \(placed.start) in \(session.id) \(day.date) commission \(commission)"
                        )
                    )
                }
                if let fact = facts[placed.id], placed.durationMinutes < fact.durationMinutes {
                    breaches.append(
                        ConstraintMatch(
                            constraint: .commissionDay,
                            penalty: 1,
                            justification:
                                "\(placed.id) gets \(placed.durationMinutes) of \(fact.durationMinutes) minutes"
                        )
                    )
                }
                clock = end + settings.changeoverMinutes
            }
        }
        return breaches
    }

    /// Checks that every fixed session is in the plan with its days and its pinned candidates.
    private func fixedSessionBreaches(_ plan: Plan) -> [ConstraintMatch] {
        var breaches: [ConstraintMatch] = []
        for fixed in problem.fixedSessions {
            guard let session = plan.sessions.first(where: { $0.id == fixed.id }) else {
                breaches.append(
                    ConstraintMatch(
                        constraint: .fixedSessionKept,
                        penalty: 1,
                        justification: "\(fixed.id) is missing"
                    )
                )
                continue
            }
            for day in fixed.days {
                guard let planned = session.days.first(where: { $0.date == day.date }) else {
                    breaches.append(
                        ConstraintMatch(
                            constraint: .fixedSessionKept,
                            penalty: 1,
                            justification: "\(fixed.id) lost \(day.date)"
                        )
                    )
                    continue
                }
                for pinned in day.candidates
                where !planned.candidates.contains(where: {
                    $0.id == pinned.id && $0.start == pinned.start
                        && $0.commission == pinned.commission
                }) {
                    breaches.append(
                        ConstraintMatch(
                            constraint: .fixedSessionKept,
                            penalty: 1,
                            justification: "\(pinned.id) moved in \(fixed.id)"
                        )
                    )
                }
            }
        }
        return breaches
    }
}
