import CertifDomain

/// The working days and UTC offsets of every territory over the plan period, in arrays indexed
/// by territory and day. The planner checks them millions of times, and a look-up by hashed
/// code and date dominated its running time.
struct DenseCalendar {
    private let firstDay: Int
    private let dayCount: Int
    private let indexByCode: [TerritoryCode: Int]
    /// `open[territory * dayCount + day]`.
    private let open: [Bool]
    /// Minutes east of UTC at noon, `offsets[territory * dayCount + day]`.
    private let offsets: [Int]
    private let calendar: WorkingCalendar

    init(calendar: WorkingCalendar, territories: [TerritoryCode], from: CivilDate, to: CivilDate) {
        self.calendar = calendar
        let codes = Array(Set(territories)).sorted()
        indexByCode = Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($1, $0) })
        firstDay = from.daysSinceEpoch
        dayCount = max(1, from.days(until: to) + 1)
        var open = Array(repeating: false, count: codes.count * dayCount)
        var offsets = Array(repeating: 0, count: codes.count * dayCount)
        let reference = TerritoryCode("11")
        for (territory, code) in codes.enumerated() {
            for day in 0..<dayCount {
                let date = CivilDate(daysSinceEpoch: firstDay + day)
                open[territory * dayCount + day] = calendar.isWorkingDay(date, territory: code)
                offsets[territory * dayCount + day] = calendar.minutesOffset(
                    from: reference,
                    to: code,
                    on: date
                )
            }
        }
        self.open = open
        self.offsets = offsets
    }

    /// The territory's row in the arrays, or nil for a territory that the reference data does
    /// not list; the planner keeps it with each candidate and session.
    func index(of code: TerritoryCode) -> Int? { indexByCode[code] }

    /// Returns whether the service of the territory at `index` is open on `date`.
    func isWorkingDay(_ date: CivilDate, index territory: Int?, code: TerritoryCode) -> Bool {
        let day = date.daysSinceEpoch - firstDay
        guard let territory, day >= 0, day < dayCount else {
            return calendar.isWorkingDay(date, territory: code)
        }
        return open[territory * dayCount + day]
    }

    /// Returns the same offset as `minutesOffset(from:to:on:)`, from the territories' rows.
    func minutesOffset(
        from territory: (index: Int?, code: TerritoryCode),
        to reference: (index: Int?, code: TerritoryCode),
        on date: CivilDate
    ) -> Int {
        let day = date.daysSinceEpoch - firstDay
        guard let here = territory.index, let there = reference.index, day >= 0, day < dayCount
        else {
            return calendar.minutesOffset(from: territory.code, to: reference.code, on: date)
        }
        return offsets[there * dayCount + day] - offsets[here * dayCount + day]
    }

    private func slot(_ code: TerritoryCode, _ date: CivilDate) -> Int? {
        let day = date.daysSinceEpoch - firstDay
        guard day >= 0, day < dayCount, let territory = indexByCode[code] else { return nil }
        return territory * dayCount + day
    }

    func isWorkingDay(_ date: CivilDate, territory: TerritoryCode) -> Bool {
        guard let slot = slot(territory, date) else {
            return calendar.isWorkingDay(date, territory: territory)
        }
        return open[slot]
    }

    /// Returns the minutes to add to a wall-clock time at `territory` for the same instant at
    /// `reference`, as `WorkingCalendar.minutesOffset` computes them.
    func minutesOffset(
        from territory: TerritoryCode,
        to reference: TerritoryCode,
        on date: CivilDate
    )
        -> Int
    {
        guard territory != reference else { return 0 }
        guard let here = slot(territory, date), let there = slot(reference, date) else {
            return calendar.minutesOffset(from: territory, to: reference, on: date)
        }
        return offsets[there] - offsets[here]
    }
}
