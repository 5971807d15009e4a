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

/// Seats the interviews of one commission's day one after the other.
///
/// Interviews are taken by latest end, then earliest start (earliest-due-date order), each as
/// early as its span and the previous interview allow, with the change-over between two. This
/// order is exact when every span is the whole day, the usual case; with overseas candidates'
/// narrower spans it can reject a day that another order would fit, never the reverse.
struct Timetable {
    var dayStart: Int
    var dayEnd: Int
    var changeover: Int

    /// Returns each interview's start, in the order given, or nil when they do not all fit.
    func starts(for interviews: [Interview]) -> [Int]? {
        let order = interviews.indices.sorted {
            let left = interviews[$0]
            let right = interviews[$1]
            if left.latestEnd != right.latestEnd { return left.latestEnd < right.latestEnd }
            if left.earliestStart != right.earliestStart {
                return left.earliestStart < right.earliestStart
            }
            return left.id < right.id
        }
        var starts = Array(repeating: 0, count: interviews.count)
        var clock = dayStart
        for index in order {
            let interview = interviews[index]
            let start = max(clock, interview.earliestStart, dayStart)
            let end = start + interview.durationMinutes
            guard end <= interview.latestEnd, end <= dayEnd else { return nil }
            starts[index] = start
            clock = end + changeover
        }
        return starts
    }

    static func clock(_ minutes: Int) -> String {
        let hours = minutes / 60
        let rest = minutes % 60
        return (hours < 10 ? "0" : "") + "\(hours):" + (rest < 10 ? "0" : "") + "\(rest)"
    }
}
