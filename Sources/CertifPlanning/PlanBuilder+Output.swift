import CertifDomain

extension PlanBuilder {
    /// Turns the working state into the plan: sessions with their days, commissions and start
    /// times, every candidate's reasons, every session's rule checks, and the summary.
    func makePlan() -> Plan {
        var plannedSessions: [PlannedSession] = []
        var usedIDs = Set<String>()
        let ordered = sessions.filter { !$0.liveSittings.isEmpty || $0.fixedID != nil }
            .sorted {
                ($0.firstDate ?? problem.to, $0.diploma, $0.organizer, $0.number)
                    < ($1.firstDate ?? problem.to, $1.diploma, $1.organizer, $1.number)
            }
        for session in ordered {
            var planned = makeSession(session)
            if session.fixedID == nil {
                var id = planned.id
                var suffix = 2
                while usedIDs.contains(id) {
                    id = planned.id + "-\(suffix)"
                    suffix += 1
                }
                planned.id = id
            }
            usedIDs.insert(planned.id)
            plannedSessions.append(planned)
        }
        for fact in facts where sittingOf[fact.index] == nil {
            if unplanned.contains(where: { $0.id == fact.id }) { continue }
            unplanned.append(
                UnplannedCandidate(
                    id: fact.id,
                    cause: .laterPeriod,
                    reason:
                        "Sa date limite du \(fact.deadline.date.french) tombe après la fin de la période et aucune commission de la période n'avait de place libre pour lui.",
                    fix:
                        "Le planifier avec la période suivante, avant le \(fact.deadline.date.french).",
                    deadlineMissed: false
                )
            )
        }
        let sortedUnplanned = unplanned.sorted { $0.id < $1.id }
        return Plan(
            today: problem.today,
            from: problem.from,
            to: problem.to,
            settings: settings,
            sessions: plannedSessions,
            unplanned: sortedUnplanned,
            summary: summarize(plannedSessions, unplanned: sortedUnplanned)
        )
    }

    private func makeSession(_ session: DraftSession) -> PlannedSession {
        let live = session.liveSittings
        let dates = Set(live.map(\.date)).sorted()
        var days: [PlannedDay] = []
        for date in dates {
            let sittings = live.filter { $0.date == date }.sorted { $0.id < $1.id }
            var placed: [PlacedCandidate] = []
            for (number, sitting) in sittings.enumerated() {
                placed += placedCandidates(sitting, commission: number + 1, session: session)
            }
            let remoteOnly = !placed.isEmpty && placed.allSatisfy { $0.mode == .remote }
            days.append(
                PlannedDay(
                    date: date,
                    commissions: sittings.count,
                    remoteOnly: remoteOnly,
                    candidates: placed
                )
            )
        }
        let homes = Set(days.flatMap(\.candidates).map { homeOf($0) })
        let firstDate = dates.first ?? problem.from
        let base =
            "S-\(session.diploma)-\(session.organizer)-\(firstDate.iso.replacingOccurrences(of: "-", with: ""))"
        var planned = PlannedSession(
            id: session.fixedID ?? base,
            diploma: session.diploma,
            organizer: session.organizer,
            fixed: session.fixedID != nil,
            pooled: homes.count > 1 || homes.contains { $0 != session.organizer },
            days: days,
            rules: []
        )
        planned.rules = ruleChecks(for: planned, session: session)
        return planned
    }

    private func placedCandidates(
        _ sitting: Sitting,
        commission: Int,
        session: DraftSession
    )
        -> [PlacedCandidate]
    {
        let starts = timetable.starts(for: sitting.interviews)
        var result: [PlacedCandidate] = []
        for (position, interview) in sitting.interviews.enumerated() {
            let start = starts?[position] ?? interview.earliestStart
            if interview.candidate < 0, var kept = pinnedPlaces[interview.id] {
                // A candidate of a fixed session keeps his stored place and reasons; only the
                // commission number is that of this plan's day.
                kept.commission = commission
                result.append(kept)
                continue
            }
            result.append(
                PlacedCandidate(
                    id: interview.id,
                    mode: interview.mode,
                    host: interview.host,
                    commission: commission,
                    start: Timetable.clock(start),
                    durationMinutes: interview.durationMinutes,
                    travels: interview.travels,
                    reasons: explain(
                        facts[interview.candidate],
                        interview: interview,
                        start: start,
                        sitting: sitting
                    )
                )
            )
        }
        return result.sorted { ($0.start, $0.id) < ($1.start, $1.id) }
    }

    /// The home territory of a placed candidate; a candidate of a fixed session whose record
    /// the problem lacks counts as his host's.
    func homeOf(_ placed: PlacedCandidate) -> TerritoryCode {
        if let fact = factByID[placed.id] { return fact.home }
        if let candidate = scheduledByID[placed.id] { return candidate.territory }
        return placed.host
    }

}
