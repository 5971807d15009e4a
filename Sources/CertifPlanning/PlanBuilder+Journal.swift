/// The record of a tentative change, so that a change that cannot finish is undone exactly: the
/// interviews of every sitting it touched as they were before, the sittings it opened and
/// removed, and the candidates it moved.
///
/// Sittings are restored from their snapshots rather than by seating the candidates again,
/// because a commission's timetable depends on the order of its interviews: seated back in
/// another order they might no longer fit.
struct MoveJournal {
    var moves: [(fact: CandidateFacts, origin: Sitting)] = []
    var opened: [Sitting] = []
    var removed: [Sitting] = []
    var snapshots: [ObjectIdentifier: (sitting: Sitting, interviews: [Interview])] = [:]

    mutating func record(_ sitting: Sitting) {
        let key = ObjectIdentifier(sitting)
        if snapshots[key] == nil { snapshots[key] = (sitting, sitting.interviews) }
    }

    /// Adds a later change; where both touched a sitting, the earlier snapshot is kept.
    mutating func append(_ other: MoveJournal) {
        moves += other.moves
        opened += other.opened
        removed += other.removed
        snapshots.merge(other.snapshots) { earlier, _ in earlier }
    }
}

extension PlanBuilder {
    /// Moves a candidate from one sitting to another and records it in the journal. The
    /// caller has checked with `fits` that the destination takes him.
    func move(
        _ fact: CandidateFacts,
        from origin: Sitting,
        to destination: Sitting,
        journal: inout MoveJournal
    ) {
        journal.record(origin)
        journal.record(destination)
        unplace(fact.index)
        place(fact, in: destination)
        journal.moves.append((fact, origin))
    }

    /// Puts back every sitting, candidate and commission count as it was before the journal.
    func undo(_ journal: MoveJournal) {
        for sitting in journal.removed.reversed() { restoreSitting(sitting) }
        for (sitting, interviews) in journal.snapshots.values {
            sitting.interviews = interviews
            sitting.recompute(timetable: timetable)
        }
        for (fact, origin) in journal.moves.reversed() { sittingOf[fact.index] = origin }
        for sitting in journal.opened.reversed() {
            removeSitting(sitting)
            sitting.session.sittings.removeAll { $0 === sitting }
        }
    }
}
