import CertifDomain

extension PlanBuilder {
    /// Removes whole sessions: every sitting of a session below the R1 target either pours its
    /// candidates into free places elsewhere or moves, whole, to an exam day of another session
    /// of the diploma, so the session count falls and the sitting count does not rise. A
    /// session that reaches the target keeps its candidates, and moves prefer the same organiser
    /// before pooling.
    func mergeSessions() {
        let candidatesBySession = sessions.filter { $0.fixedID == nil && $0.candidateCount > 0 }
            .sorted { ($0.candidateCount, $0.number) < ($1.candidateCount, $1.number) }
        for source in candidatesBySession where source.candidateCount > 0 {
            guard source.candidateCount < settings.sessionTarget else { continue }
            var journal = MoveJournal()
            var merged = true
            for sitting in source.liveSittings.sorted(by: {
                $0.interviews.count < $1.interviews.count
            }) {
                if pour(sitting, awayFrom: source, journal: &journal) { continue }
                if relocate(sitting, awayFrom: source, journal: &journal) { continue }
                merged = false
                break
            }
            if !merged { undo(journal) }
        }
    }

    /// Places every candidate of `sitting` in free places of other sessions' sittings.
    private func pour(
        _ sitting: Sitting,
        awayFrom source: DraftSession,
        journal: inout MoveJournal
    )
        -> Bool
    {
        var local = MoveJournal()
        for interview in sitting.interviews {
            guard interview.candidate >= 0 else { return false }
            let fact = facts[interview.candidate]
            let target = otherSittings(of: source)
                .filter { $0.date >= fact.earliest && $0.date <= fact.latest }
                .compactMap { candidate -> (Sitting, Interview)? in
                    guard let fitted = fits(fact, in: candidate), !makesTravel(fitted, fact)
                    else { return nil }
                    return (candidate, fitted)
                }
                .min { preference($0.0, from: source) < preference($1.0, from: source) }
            guard let (destination, _) = target else {
                undo(local)
                return false
            }
            move(fact, from: sitting, to: destination, journal: &local)
        }
        removeSitting(sitting)
        local.removed.append(sitting)
        journal.append(local)
        return true
    }

    /// Moves `sitting` whole to a day of another session of the diploma.
    private func relocate(
        _ sitting: Sitting,
        awayFrom source: DraftSession,
        journal: inout MoveJournal
    )
        -> Bool
    {
        let movers = sitting.interviews.map(\.candidate)
        guard movers.allSatisfy({ $0 >= 0 }) else { return false }
        let moverFacts = movers.map { facts[$0] }
        let earliest = moverFacts.map(\.earliest).max() ?? sitting.date
        let latest = moverFacts.map(\.latest).min() ?? sitting.date
        var options: [(DraftSession, CivilDate)] = []
        for session in sessions where session !== source && session.diploma == source.diploma {
            // A fixed session keeps the commissions it was given.
            guard session.candidateCount > 0, session.fixedID == nil else { continue }
            for date in Set(session.liveSittings.map(\.date))
            where date >= earliest && date <= latest {
                guard hasFreeCommission(session.organizer, on: date) else { continue }
                options.append((session, date))
            }
        }
        options.sort {
            let left = (pooling($0.0, from: source), -$0.0.candidateCount, $0.1, $0.0.number)
            let right = (pooling($1.0, from: source), -$1.0.candidateCount, $1.1, $1.0.number)
            return left < right
        }
        for (session, date) in options {
            var local = MoveJournal()
            let destination = openSitting(in: session, on: date)
            local.opened.append(destination)
            var placedAll = true
            for fact in moverFacts.sorted(by: Self.tightestFirst) {
                guard let fitted = fits(fact, in: destination), !makesTravel(fitted, fact) else {
                    placedAll = false
                    break
                }
                move(fact, from: sitting, to: destination, journal: &local)
            }
            if placedAll {
                removeSitting(sitting)
                local.removed.append(sitting)
                journal.append(local)
                return true
            }
            undo(local)
        }
        return false
    }

    /// Returns whether the move would make a candidate who refused the videoconference travel
    /// to another region. That is accepted to save a commission, not to save a session.
    private func makesTravel(_ interview: Interview, _ fact: CandidateFacts) -> Bool {
        interview.travels && fact.nationalRule == nil
    }

    private func otherSittings(of source: DraftSession) -> [Sitting] {
        sessions.lazy.filter { $0 !== source && $0.diploma == source.diploma }
            .flatMap(\.liveSittings)
            .filter { !$0.interviews.isEmpty }
    }

    private func pooling(_ session: DraftSession, from source: DraftSession) -> Int {
        session.organizer == source.organizer ? 0 : 1
    }

    private func preference(
        _ sitting: Sitting,
        from source: DraftSession
    ) -> (Int, Int, CivilDate, Int) {
        (
            pooling(sitting.session, from: source), -sitting.session.candidateCount, sitting.date,
            sitting.id
        )
    }
}
