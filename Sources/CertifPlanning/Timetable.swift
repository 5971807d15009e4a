import CertifDomain

/// One interview to seat in a commission's day, with the span of the organiser's clock in which
/// it may take place.
struct Interview: Hashable {
    /// Index of the candidate in the problem, or -1 for a candidate pinned by a fixed session.
    var candidate: Int
    var id: String
    var durationMinutes: Int
    /// Earliest start and latest end, in minutes after midnight on the organiser's clock.
    var earliestStart: Int
    var latestEnd: Int
    var mode: ExamMode
    var host: TerritoryCode
    var travels: Bool
}

/// Seats the interviews of one commission's day, around the examiners' lunch break.
///
/// Interviews are taken by latest end, then earliest start (earliest-due-date order), and each
/// goes to the earliest free time that its span allows, with the change-over after each
/// interview. This is exact when every span is the whole day and all interviews have one
/// length, the usual case. With mixed lengths or overseas candidates' narrower spans it can
/// reject a day that another order would fit, never the reverse.
struct Timetable {
    var dayStart: Int
    var dayEnd: Int
    var changeover: Int
    /// The lunch break, in minutes after midnight; empty when `lunchStart == lunchEnd`.
    var lunchStart: Int
    var lunchEnd: Int

    /// Returns whether the interview may take place at any hour of the day.
    func isWholeDay(_ interview: Interview) -> Bool {
        interview.earliestStart <= dayStart && interview.latestEnd >= dayEnd
    }

    /// Minutes of the day open to interviews and change-overs.
    var usableMinutes: Int { dayEnd - dayStart - max(0, lunchEnd - lunchStart) }

    /// Returns each interview's start, in the order given, or nil when they do not all fit.
    /// Interviews with the same span keep the order given, so that seating them one by one
    /// with `seat(_:in:)` gives the same starts.
    func starts(for interviews: [Interview]) -> [Int]? {
        let order = interviews.indices.sorted {
            let left = interviews[$0]
            let right = interviews[$1]
            if left.latestEnd != right.latestEnd { return left.latestEnd < right.latestEnd }
            if left.earliestStart != right.earliestStart {
                return left.earliestStart < right.earliestStart
            }
            return $0 < $1
        }
        var free = emptyDay()
        var starts = Array(repeating: 0, count: interviews.count)
        for index in order {
            guard let start = seat(interviews[index], in: &free) else { return nil }
            starts[index] = start
        }
        return starts
    }

    /// Returns the free time of a day with no interview: the morning and the afternoon.
    func emptyDay() -> [Range<Int>] {
        guard lunchEnd > lunchStart, lunchStart > dayStart, lunchEnd < dayEnd else {
            return [dayStart..<dayEnd]
        }
        return [dayStart..<lunchStart, lunchEnd..<dayEnd]
    }

    /// Seats the interview at the earliest free time that its span allows, removes that time
    /// and the change-overs around it from `free`, and returns its start; nil when none fits.
    func seat(_ interview: Interview, in free: inout [Range<Int>]) -> Int? {
        for (position, span) in free.enumerated() {
            let start = max(span.lowerBound, interview.earliestStart)
            let end = start + interview.durationMinutes
            guard end <= span.upperBound, end <= interview.latestEnd else { continue }
            free.remove(at: position)
            if end + changeover < span.upperBound {
                free.insert((end + changeover)..<span.upperBound, at: position)
            }
            if start - changeover > span.lowerBound {
                free.insert(span.lowerBound..<(start - changeover), at: position)
            }
            return start
        }
        return nil
    }

    static func clock(_ minutes: Int) -> String {
        let hours = minutes / 60
        let rest = minutes % 60
        return (hours < 10 ? "0" : "") + "\(hours):" + (rest < 10 ? "0" : "") + "\(rest)"
    }
}
