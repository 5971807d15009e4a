import CertifDomain

extension PlanBuilder {
    /// Builds the pinned sittings of the fixed sessions, with their candidates as they were.
    func loadFixedSessions() {
        for fixed in problem.fixedSessions.sorted(by: { $0.id < $1.id }) {
            let session = newSession(
                diploma: fixed.diploma,
                organizer: fixed.organizer,
                fixedID: fixed.id
            )
            for day in fixed.days.sorted(by: { $0.date < $1.date }) {
                for number in 1...max(1, day.commissions) {
                    let sitting = openSitting(in: session, on: day.date, fixed: true)
                    for placed in day.candidates where placed.commission == number {
                        pinnedPlaces[placed.id] = placed
                        let start = Self.minutes(of: placed.start) ?? timetable.dayStart
                        let pinned = Interview(
                            candidate: -1,
                            id: placed.id,
                            durationMinutes: placed.durationMinutes,
                            earliestStart: start,
                            latestEnd: start + placed.durationMinutes,
                            mode: placed.mode,
                            host: placed.host,
                            travels: placed.travels
                        )
                        sitting.add(pinned, timetable: timetable)
                    }
                }
            }
        }
    }

    /// Seats waiting candidates in the free places of fixed sessions before any new session is
    /// opened, the tightest deadlines first.
    func fillFixedSessions() {
        let fixedSittings = sessions.filter { $0.fixedID != nil }.flatMap(\.sittings)
            .sorted { ($0.date, $0.id) < ($1.date, $1.id) }
        guard !fixedSittings.isEmpty else { return }
        for fact in facts.sorted(by: Self.tightestFirst) where sittingOf[fact.index] == nil {
            for sitting in fixedSittings where place(fact, in: sitting) { break }
        }
    }

    /// Opens sessions for each diploma and primary organiser: the first day of each is the last
    /// working day before the earliest deadline still waiting, so that the session gathers every
    /// candidate available by then. Days before it, then after it, take the overflow when the
    /// organiser's commissions are all used.
    func constructSessions() {
        let groups = Dictionary(grouping: facts.filter { sittingOf[$0.index] == nil }) {
            GroupKey(diploma: $0.candidate.diploma, organizer: $0.primaryOrganizer)
        }
        for key in groups.keys.sorted() {
            guard let members = groups[key] else { continue }
            constructSessions(for: key, members: members.sorted(by: Self.tightestFirst))
        }
    }

    private func constructSessions(for key: GroupKey, members: [CandidateFacts]) {
        var waiting = members.filter { sittingOf[$0.index] == nil }
        while let first = waiting.first(where: { !$0.flexible }) {
            guard let anchorDate = anchorDay(for: first, organizer: key.organizer) else {
                unplanned.append(unplaceable(first, organizer: key.organizer))
                waiting.removeAll { $0.index == first.index }
                continue
            }
            let session = newSession(diploma: key.diploma, organizer: key.organizer)
            session.anchor = first.index
            fillDay(anchorDate, session: session, from: waiting)
            var days = [anchorDate]
            for date in overflowDays(around: anchorDate, organizer: key.organizer) {
                let remaining = waiting.filter { sittingOf[$0.index] == nil && !$0.flexible }
                guard remaining.contains(where: { $0.earliest <= date && date <= $0.latest })
                else { continue }
                guard days.allSatisfy({ abs($0.days(until: date)) <= settings.sessionSpanDays })
                else { continue }
                guard dayIsFull(anchorDate, session: session) else { break }
                fillDay(date, session: session, from: waiting)
                days.append(date)
            }
            session.sittings.removeAll { sitting in
                guard sitting.interviews.isEmpty else { return false }
                removeSitting(sitting)
                return true
            }
            if sittingOf[first.index] == nil {
                // The anchor day had a free commission but not the candidate's hours (an
                // overseas host), so he is listed rather than looping forever.
                unplanned.append(unplaceable(first, organizer: key.organizer))
            }
            waiting.removeAll { sittingOf[$0.index] != nil || $0.index == first.index }
        }
    }

    /// Returns the last day of the candidate's window on which the organiser is open, has a free
    /// commission, and can receive him.
    private func anchorDay(for fact: CandidateFacts, organizer: TerritoryCode) -> CivilDate? {
        var date = fact.latest
        let probe = DraftSession(
            number: -1,
            diploma: fact.candidate.diploma,
            organizer: organizer,
            fixedID: nil
        )
        probe.organizerIndex = days.index(of: organizer)
        while date >= fact.earliest {
            if isOpen(organizer, on: date), hasFreeCommission(organizer, on: date),
                interview(for: fact, session: probe, date: date) != nil
            {
                return date
            }
            date = date.adding(days: -1)
        }
        return nil
    }

    /// Working days of the session's span in the order they take overflow: the days before the
    /// anchor, nearest first, then the days after it.
    private func overflowDays(around anchor: CivilDate, organizer: TerritoryCode) -> [CivilDate] {
        let span = settings.sessionSpanDays
        let before = (1...max(1, span)).map { anchor.adding(days: -$0) }
        let after = (1...max(1, span)).map { anchor.adding(days: $0) }
        return (before + after).filter { isOpen(organizer, on: $0) }
    }

    private func dayIsFull(_ date: CivilDate, session: DraftSession) -> Bool {
        !hasFreeCommission(session.organizer, on: date)
    }

    /// Seats the waiting candidates who can come on `date`, the tightest deadlines first,
    /// opening commissions up to the organiser's daily limit. Flexible candidates only take
    /// places left free.
    private func fillDay(_ date: CivilDate, session: DraftSession, from waiting: [CandidateFacts]) {
        var daySittings = session.sittings.filter { $0.date == date && !$0.removed }
        for fact in waiting where sittingOf[fact.index] == nil {
            if daySittings.contains(where: { place(fact, in: $0) }) { continue }
            guard !fact.flexible, hasFreeCommission(session.organizer, on: date),
                interview(for: fact, session: session, date: date) != nil
            else { continue }
            let sitting = openSitting(in: session, on: date)
            daySittings.append(sitting)
            if !place(fact, in: sitting) {
                removeSitting(sitting)
                session.sittings.removeAll { $0 === sitting }
                daySittings.removeLast()
            }
        }
    }

    private func unplaceable(
        _ fact: CandidateFacts,
        organizer: TerritoryCode
    )
        -> UnplannedCandidate
    {
        var date = fact.earliest
        var workingDays = 0
        while date <= fact.latest {
            if isOpen(organizer, on: date) { workingDays += 1 }
            date = date.adding(days: 1)
        }
        let window = "du \(fact.earliest.french) au \(fact.latest.french)"
        if workingDays == 0 {
            return UnplannedCandidate(
                id: fact.id,
                cause: .noWorkingDay,
                reason:
                    "Aucun jour ouvré du service organisateur entre les dates possibles, \(window).",
                fix: "Élargir la période du plan ou vérifier la date limite.",
                deadlineMissed: fact.deadline.date <= problem.to
            )
        }
        return UnplannedCandidate(
            id: fact.id,
            cause: .noCapacity,
            reason:
                "Les \(workingDays) jours ouvrés possibles, \(window), n'ont plus de commission libre ni d'horaire commun avec son service d'accueil.",
            fix:
                "Augmenter le nombre de commissions par jour (actuellement \(settings.maxCommissionsPerDay)) ou ouvrir une session supplémentaire.",
            deadlineMissed: fact.deadline.date <= problem.to
        )
    }

    static func tightestFirst(_ left: CandidateFacts, _ right: CandidateFacts) -> Bool {
        (left.latest, left.earliest, left.id) < (right.latest, right.earliest, right.id)
    }

    static func minutes(of clock: String) -> Int? {
        let parts = clock.split(separator: ":")
        guard parts.count == 2, let hours = Int(parts[0]), let minutes = Int(parts[1]) else {
            return nil
        }
        return hours * 60 + minutes
    }
}

struct GroupKey: Hashable, Comparable {
    var diploma: DiplomaCode
    var organizer: TerritoryCode

    static func < (lhs: GroupKey, rhs: GroupKey) -> Bool {
        (lhs.diploma, lhs.organizer) < (rhs.diploma, rhs.organizer)
    }
}
