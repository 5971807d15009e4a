/// How a public holiday's date is found each year.
public enum HolidayRule: Sendable, Hashable {
    /// The same day each year, 14/07.
    case fixed(month: Int, day: Int)
    /// A number of days after Easter Sunday (negative before it): Easter Monday is 1, Ascension
    /// 39, Whit Monday 50, Good Friday -2.
    case easter(offset: Int)
}

/// A named public holiday.
public struct Holiday: Sendable, Hashable {
    public var name: String
    public var rule: HolidayRule

    public init(name: String, rule: HolidayRule) {
        self.name = name
        self.rule = rule
    }

    public func date(in year: Int) -> CivilDate? {
        switch rule {
        case .fixed(let month, let day):
            return CivilDate(year: year, month: month, day: day)
        case .easter(let offset):
            return HolidayCalendar.easterSunday(year: year).adding(days: offset)
        }
    }
}

/// The public holidays of each holiday set ("national", "alsace-moselle", "la-reunion" …), from
/// holidays.json.
public struct HolidayCalendar: Sendable {
    public var sets: [String: [Holiday]]

    public init(sets: [String: [Holiday]]) { self.sets = sets }

    /// Returns the holidays of `year` for the given sets, by date. When two sets name the same
    /// day, the first set's name is kept.
    public func holidays(in year: Int, sets names: [String]) -> [CivilDate: String] {
        var result: [CivilDate: String] = [:]
        for name in names {
            for holiday in sets[name] ?? [] {
                if let date = holiday.date(in: year), result[date] == nil {
                    result[date] = holiday.name
                }
            }
        }
        return result
    }

    /// Computes Easter Sunday of the Gregorian calendar (the anonymous algorithm published by
    /// Meeus and Butcher, exact for every Gregorian year).
    public static func easterSunday(year: Int) -> CivilDate {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        // The formula only yields days of March and April, which always exist.
        return CivilDate(year: year, month: month, day: day) ?? CivilDate(daysSinceEpoch: 0)
    }
}
