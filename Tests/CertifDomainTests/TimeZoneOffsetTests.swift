import CertifDomain
import Testing

@Suite("WorkingCalendar time zones")
struct TimeZoneOffsetTests {
    static let paris = TerritoryCode("11")

    @Test(
        "offset from Paris",
        arguments: [
            ("01", "2025-01-15", -300),
            ("01", "2025-07-15", -360),
            ("02", "2025-01-15", -300),
            ("03", "2025-01-15", -240),
            ("03", "2025-07-15", -300),
            ("04", "2025-01-15", 180),
            ("04", "2025-07-15", 120),
            ("06", "2025-01-15", 120),
            ("975", "2025-01-15", -240),
            ("975", "2025-07-15", -240),
            ("11", "2025-01-15", 0),
            ("11", "2025-07-15", 0),
            ("44", "2025-07-15", 0),
        ]
    )
    func offsetFromParis(territory: String, text: String, minutes: Int) throws {
        let calendar = try bundledWorkingCalendar()
        let date = try civilDate(text)

        let offset = calendar.minutesOffset(
            from: Self.paris,
            to: TerritoryCode(territory),
            on: date
        )

        #expect(offset == minutes)
    }

    // Saint-Pierre-et-Miquelon keeps summer time from the second Sunday of March to the first
    // Sunday of November, and Paris from the last Sunday of March to the last Sunday of October.
    // Between those dates only one of them is on summer time, and the gap shrinks to 3 hours.
    @Test(
        "Miquelon offset around transitions",
        arguments: [
            ("2025-03-08", -240),
            ("2025-03-09", -180),
            ("2025-03-12", -180),
            ("2025-03-29", -180),
            ("2025-03-30", -240),
            ("2025-03-31", -240),
            ("2025-10-25", -240),
            ("2025-10-26", -180),
            ("2025-10-29", -180),
            ("2025-11-01", -180),
            ("2025-11-02", -240),
            ("2026-03-11", -180),
            ("2026-04-01", -240),
        ]
    )
    func miquelonTransitions(text: String, minutes: Int) throws {
        let calendar = try bundledWorkingCalendar()
        let date = try civilDate(text)

        let offset = calendar.minutesOffset(
            from: Self.paris,
            to: TerritoryCode("975"),
            on: date
        )

        #expect(offset == minutes)
    }

    @Test(
        "reverse direction negates the offset",
        arguments: ["01", "04", "975"],
        ["2025-01-15", "2025-03-12", "2025-07-15"]
    )
    func reverseDirection(territory: String, text: String) throws {
        let calendar = try bundledWorkingCalendar()
        let date = try civilDate(text)
        let code = TerritoryCode(territory)

        let outward = calendar.minutesOffset(from: Self.paris, to: code, on: date)
        let back = calendar.minutesOffset(from: code, to: Self.paris, on: date)

        #expect(back == -outward)
    }
}
