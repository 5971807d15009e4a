extension Settings {
    /// Returns each way in which the settings contradict one another, in English for the
    /// command line; empty when they are consistent. Each value alone is checked where it is
    /// typed; this checks the day as a whole.
    public func inconsistencies() -> [String] {
        var problems: [String] = []
        let dayEnd = dayStartMinutes + dayLengthMinutes
        if dayEnd > 24 * 60 {
            problems.append(
                "the exam day starting at \(Self.clock(dayStartMinutes)) for \(dayLengthMinutes) minutes ends after midnight; shorten day-length-minutes or start earlier"
            )
        }
        if officeOpensMinutes >= officeClosesMinutes {
            problems.append(
                "office-opens \(Self.clock(officeOpensMinutes)) is not before office-closes \(Self.clock(officeClosesMinutes))"
            )
        }
        if lunchMinutes > 0,
            lunchStartMinutes <= dayStartMinutes || lunchStartMinutes + lunchMinutes >= dayEnd
        {
            problems.append(
                "the lunch break at \(Self.clock(lunchStartMinutes)) for \(lunchMinutes) minutes is not inside the exam day \(Self.clock(dayStartMinutes))-\(Self.clock(dayEnd)); move lunch-start or set lunch-minutes to 0"
            )
        }
        if dayLengthMinutes - (lunchMinutes > 0 ? lunchMinutes : 0) < 30 {
            problems.append("an exam day leaves less than 30 minutes for interviews")
        }
        return problems
    }

    static func clock(_ minutes: Int) -> String {
        let hours = minutes / 60
        let rest = minutes % 60
        return (hours < 10 ? "0" : "") + "\(hours):" + (rest < 10 ? "0" : "") + "\(rest)"
    }
}
