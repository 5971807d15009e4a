import Foundation

/// Working days and office hours of every territory's service: weekends and public holidays are
/// closed, and a service's clock is its own time zone's.
///
/// Holiday lists are computed once per year and territory and cached, because the planner asks
/// the same question many thousand times. The cache sits behind a lock, so one calendar can be
/// shared across threads.
public final class WorkingCalendar: @unchecked Sendable {
    public let holidays: HolidayCalendar
    private let territories: [TerritoryCode: Territory]
    // Guards `cache` and `timeZones`; this class is @unchecked Sendable because of this lock.
    private let lock = NSLock()
    private var cache: [Key: [CivilDate: String]] = [:]
    private var timeZones: [String: TimeZone] = [:]

    private struct Key: Hashable {
        var territory: TerritoryCode
        var year: Int
    }

    public init(holidays: HolidayCalendar, territories: [Territory]) {
        self.holidays = holidays
        self.territories = Dictionary(uniqueKeysWithValues: territories.map { ($0.code, $0) })
    }

    /// Returns the holidays that close the service of `territory` in `year`, by date.
    public func holidays(in year: Int, territory: TerritoryCode) -> [CivilDate: String] {
        let key = Key(territory: territory, year: year)
        lock.lock()
        defer { lock.unlock() }
        if let cached = cache[key] { return cached }
        let sets = territories[territory]?.holidaySets ?? ["national"]
        let computed = holidays.holidays(in: year, sets: sets)
        cache[key] = computed
        return computed
    }

    /// Returns the holiday's name when `date` is a public holiday at the service of `territory`.
    public func holidayName(on date: CivilDate, territory: TerritoryCode) -> String? {
        holidays(in: date.year, territory: territory)[date]
    }

    public func isWorkingDay(_ date: CivilDate, territory: TerritoryCode) -> Bool {
        !date.isWeekend && holidayName(on: date, territory: territory) == nil
    }

    /// Returns the offset, in minutes, to add to a wall-clock time at `territory` to get the same
    /// instant's wall-clock time at `reference`, on `date` at noon. Paris to Pointe-à-Pitre in
    /// January is -300.
    public func minutesOffset(
        from territory: TerritoryCode,
        to reference: TerritoryCode,
        on date: CivilDate
    )
        -> Int
    {
        guard territory != reference else { return 0 }
        let here = territories[territory]?.timeZone ?? "Europe/Paris"
        let there = territories[reference]?.timeZone ?? "Europe/Paris"
        guard here != there else { return 0 }
        let noon = Self.noonUTC(date)
        let hereSeconds = timeZone(identifier: here).secondsFromGMT(for: noon)
        let thereSeconds = timeZone(identifier: there).secondsFromGMT(for: noon)
        return (thereSeconds - hereSeconds) / 60
    }

    private func timeZone(identifier: String) -> TimeZone {
        lock.lock()
        defer { lock.unlock() }
        if let zone = timeZones[identifier] { return zone }
        // An identifier unknown to the system's time zone database falls back to UTC;
        // ReferenceData.validate rejects such identifiers when the data is loaded.
        let zone = TimeZone(identifier: identifier) ?? TimeZone(secondsFromGMT: 0) ?? .current
        timeZones[identifier] = zone
        return zone
    }

    private static func noonUTC(_ date: CivilDate) -> Date {
        Date(timeIntervalSince1970: Double(date.daysSinceEpoch * 86_400 + 12 * 3_600))
    }
}
