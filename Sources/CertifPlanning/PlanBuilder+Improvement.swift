import CertifDomain

extension PlanBuilder {
    /// Removes commission sittings by moving all their candidates into free places of other
    /// sittings of the same diploma, the emptiest sittings first. A move may pool a candidate
    /// with another region, and does so only when it removes a sitting, so a region that fills
    /// its own commissions keeps them. Runs until a pass removes nothing, at most `maxPasses`.
    func dissolveSittings(maxPasses: Int = 6) {
        for _ in 0..<maxPasses {
            var removedAny = false
            let byDiploma = Dictionary(grouping: liveSittings()) { $0.diploma }
            for diploma in byDiploma.keys.sorted() {
                guard let sittings = byDiploma[diploma] else { continue }
                let index = SittingIndex(sittings)
                let sources = sittings.filter { !$0.fixed }.sorted {
                    ($0.interviews.count, $0.usedMinutes, $0.id)
                        < ($1.interviews.count, $1.usedMinutes, $1.id)
                }
                for source in sources where !source.removed {
                    if dissolve(source, index: index) { removedAny = true }
                }
            }
            if !removedAny { break }
        }
    }

    func liveSittings() -> [Sitting] {
        sessions.flatMap(\.sittings).filter { !$0.removed }
    }

    /// Moves every candidate of `source` elsewhere and removes it, or changes nothing.
    private func dissolve(_ source: Sitting, index: SittingIndex) -> Bool {
        let movers = source.interviews.map(\.candidate).compactMap { position in
            position >= 0 ? facts[position] : nil
        }
        guard movers.count == source.interviews.count else { return false }
        // A session that reaches R1 alone keeps its candidates in its own region: pooling is
        // the means to reach the target, not a reason to empty a full session.
        let count = source.session.candidateCount
        let keepsRegion =
            count >= settings.sessionTarget && count - movers.count < settings.sessionTarget
        var journal = MoveJournal()
        for fact in movers.sorted(by: Self.tightestFirst) {
            guard
                let target = bestTarget(
                    for: fact,
                    excluding: source,
                    index: index,
                    sameOrganizerOnly: keepsRegion
                )
            else {
                undo(journal)
                return false
            }
            move(fact, from: source, to: target, journal: &journal)
        }
        removeSitting(source)
        return true
    }

    /// Chooses where a candidate goes: his current organiser before pooling, then the fullest
    /// sitting that still fits him (best fit keeps room elsewhere), then the earliest date.
    private func bestTarget(
        for fact: CandidateFacts,
        excluding source: Sitting,
        index: SittingIndex,
        sameOrganizerOnly: Bool
    )
        -> Sitting?
    {
        var best: Sitting?
        var bestKey: (Int, Int, CivilDate, Int)?
        let dayLength = timetable.usableMinutes + timetable.changeover
        for sitting in index.sittings(from: fact.earliest, through: fact.latest)
        where sitting !== source && !sitting.removed && !sitting.interviews.isEmpty {
            // Most sittings are full: reject them on minutes before the placement rules.
            guard sitting.usedMinutes + timetable.changeover + fact.durationMinutes <= dayLength,
                let interview = fits(fact, in: sitting)
            else { continue }
            let pools = sitting.organizer != source.organizer ? 1 : 0
            if sameOrganizerOnly && pools == 1 { continue }
            let free =
                timetable.usableMinutes
                - sitting.minutes(adding: interview, changeover: timetable.changeover)
            let key = (pools, free, sitting.date, sitting.id)
            if let current = bestKey, !(key < current) { continue }
            best = sitting
            bestKey = key
        }
        return best
    }
}

/// The sittings of one diploma sorted by date, for range look-ups.
struct SittingIndex {
    private let sorted: [Sitting]

    init(_ sittings: [Sitting]) {
        sorted = sittings.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
    }

    func sittings(from start: CivilDate, through end: CivilDate) -> ArraySlice<Sitting> {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle].date < start { low = middle + 1 } else { high = middle }
        }
        var upper = low
        while upper < sorted.count && sorted[upper].date <= end { upper += 1 }
        return sorted[low..<upper]
    }
}
