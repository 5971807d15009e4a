import CertifDomain

/// The reader of the dates of a candidate file. It distinguishes a day that does not exist from
/// text in the wrong form, so that the user gets the right hint.
enum DateText {
    enum Reading: Equatable {
        case valid(CivilDate)
        /// The text has the form of a date but names no real day. The reason is French, such as
        /// "en février 2025, les jours vont de 01 à 28".
        case nonexistent(reason: String)
        case invalid
    }

    /// Reads `JJ/MM/AAAA` or `AAAA-MM-JJ` through `CivilDate(parsing:)`, with one or two digits
    /// for the day and month.
    static func read(_ text: String) -> Reading {
        if let date = CivilDate(parsing: text) {
            return .valid(date)
        }
        // The day needs no check here: the date is invalid although its form is right, so a
        // valid year and month leave only the day at fault.
        guard let (year, month) = yearAndMonth(in: text) else { return .invalid }
        guard (1...9999).contains(year) else {
            return .nonexistent(reason: "les années vont de 0001 à 9999")
        }
        guard (1...12).contains(month) else {
            return .nonexistent(reason: "les mois vont de 01 à 12")
        }
        let length = CivilDate.daysInMonth(year: year, month: month)
        return .nonexistent(
            reason: "en \(monthNames[month - 1]) \(year), les jours vont de 01 à \(length)"
        )
    }

    /// Reads the year and month of text in the form `JJ/MM/AAAA` or `AAAA-MM-JJ`, whatever
    /// their values. The text must already be trimmed.
    private static func yearAndMonth(in text: String) -> (year: Int, month: Int)? {
        if let parts = digitGroups(text, separator: "/", lengths: [1...2, 1...2, 4...4]) {
            return (parts[2], parts[1])
        }
        if let parts = digitGroups(text, separator: "-", lengths: [4...4, 1...2, 1...2]) {
            return (parts[0], parts[1])
        }
        return nil
    }

    private static func digitGroups(
        _ text: String,
        separator: Character,
        lengths: [ClosedRange<Int>]
    ) -> [Int]? {
        let groups = text.split(separator: separator, omittingEmptySubsequences: false)
        guard groups.count == lengths.count else { return nil }
        var numbers: [Int] = []
        for (group, length) in zip(groups, lengths) {
            guard length.contains(group.count), group.allSatisfy({ $0.isASCII && $0.isNumber }),
                let number = Int(group)
            else { return nil }
            numbers.append(number)
        }
        return numbers
    }

    private static let monthNames = [
        "janvier", "février", "mars", "avril", "mai", "juin",
        "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    ]
}
