import CertifDomain

/// A session being built: its diploma, organiser and commission sittings.
final class DraftSession {
    let number: Int
    let diploma: DiplomaCode
    let organizer: TerritoryCode
    /// The id of the fixed session it stands for, or nil for a new session.
    let fixedID: String?
    var sittings: [Sitting] = []
    /// The organiser's row in the planner's dense calendar.
    var organizerIndex: Int?
    /// The candidate whose deadline chose the session's first day, for the explanations.
    var anchor: Int?

    init(number: Int, diploma: DiplomaCode, organizer: TerritoryCode, fixedID: String?) {
        self.number = number
        self.diploma = diploma
        self.organizer = organizer
        self.fixedID = fixedID
    }

    var liveSittings: [Sitting] { sittings.filter { !$0.removed } }
    /// The first exam day, found without building an array because the placement rules ask
    /// for it on every tentative move.
    var firstDate: CivilDate? {
        var first: CivilDate?
        for sitting in sittings where !sitting.removed {
            if first.map({ sitting.date < $0 }) ?? true { first = sitting.date }
        }
        return first
    }

    var candidateCount: Int {
        var count = 0
        for sitting in sittings where !sitting.removed { count += sitting.interviews.count }
        return count
    }
}

/// One commission of examiners on one exam day: the unit that the instruction counts as a jury
/// and that costs examiner-days.
final class Sitting {
    let id: Int
    let date: CivilDate
    unowned let session: DraftSession
    var interviews: [Interview] = []
    /// Minutes taken by the interviews and the change-overs between them.
    var usedMinutes = 0
    /// Whether the sitting belongs to a fixed session, which is never dissolved.
    let fixed: Bool
    var removed = false

    init(id: Int, date: CivilDate, session: DraftSession, fixed: Bool, emptyDay: [Range<Int>]) {
        self.id = id
        self.date = date
        self.session = session
        self.fixed = fixed
        self.wholeDayFreeTime = emptyDay
    }

    var diploma: DiplomaCode { session.diploma }
    var organizer: TerritoryCode { session.organizer }

    func minutes(adding interview: Interview, changeover: Int) -> Int {
        usedMinutes + (interviews.isEmpty ? 0 : changeover) + interview.durationMinutes
    }

    /// The free time left when every interview may take place at any hour, kept up to date
    /// so that the usual case needs no new timetable; nil once an interview has a narrower
    /// span.
    var wholeDayFreeTime: [Range<Int>]?

    /// Returns whether `interview` fits in the day with the ones already seated.
    func canAdd(_ interview: Interview, timetable: Timetable) -> Bool {
        // A change-over is not needed across the lunch break, hence one more change-over of
        // slack before the exact check.
        let minutes = minutes(adding: interview, changeover: timetable.changeover)
        guard minutes <= timetable.usableMinutes + timetable.changeover else { return false }
        if timetable.isWholeDay(interview), var free = wholeDayFreeTime {
            return timetable.seat(interview, in: &free) != nil
        }
        return timetable.starts(for: interviews + [interview]) != nil
    }

    func add(_ interview: Interview, timetable: Timetable) {
        usedMinutes = minutes(adding: interview, changeover: timetable.changeover)
        interviews.append(interview)
        if timetable.isWholeDay(interview), var free = wholeDayFreeTime,
            timetable.seat(interview, in: &free) != nil
        {
            wholeDayFreeTime = free
        } else {
            wholeDayFreeTime = nil
        }
    }

    func remove(candidate: Int, timetable: Timetable) {
        interviews.removeAll { $0.candidate == candidate }
        recompute(timetable: timetable)
    }

    func recompute(timetable: Timetable) {
        usedMinutes =
            interviews.reduce(0) { $0 + $1.durationMinutes }
            + max(0, interviews.count - 1) * timetable.changeover
        var free: [Range<Int>]? = timetable.emptyDay()
        for interview in interviews {
            guard timetable.isWholeDay(interview), var time = free,
                timetable.seat(interview, in: &time) != nil
            else {
                free = nil
                break
            }
            free = time
        }
        wholeDayFreeTime = free
    }
}
