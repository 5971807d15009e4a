import CertifDomain
import Testing

@Suite("HolidayCalendar")
struct HolidayCalendarTests {
    @Test(
        "Easter Sunday, 2019 to 2030",
        arguments: [
            (2019, "2019-04-21"),
            (2020, "2020-04-12"),
            (2021, "2021-04-04"),
            (2022, "2022-04-17"),
            (2023, "2023-04-09"),
            (2024, "2024-03-31"),
            (2025, "2025-04-20"),
            (2026, "2026-04-05"),
            (2027, "2027-03-28"),
            (2028, "2028-04-16"),
            (2029, "2029-04-01"),
            (2030, "2030-04-21"),
        ]
    )
    func easterSunday(year: Int, expected: String) throws {
        let easter = HolidayCalendar.easterSunday(year: year)

        #expect(easter == (try civilDate(expected)))
        #expect(easter.weekday == 7)
    }

    @Test("Easter Sunday stays within its range")
    func easterRange() {
        // The Gregorian computus puts Easter between 22 March and 25 April.
        var outOfRange: [String] = []

        for year in 1583...2400 {
            let easter = HolidayCalendar.easterSunday(year: year)
            let afterEarliest = (easter.month, easter.day) >= (3, 22)
            let beforeLatest = (easter.month, easter.day) <= (4, 25)
            if easter.weekday != 7 || !afterEarliest || !beforeLatest {
                outOfRange.append(easter.iso)
            }
        }

        #expect(outOfRange == [])
    }

    @Test(
        "movable national days",
        arguments: [
            (2024, "2024-04-01", "2024-05-09", "2024-05-20"),
            (2025, "2025-04-21", "2025-05-29", "2025-06-09"),
            (2026, "2026-04-06", "2026-05-14", "2026-05-25"),
        ]
    )
    func movableNationalDays(
        year: Int,
        easterMonday: String,
        ascension: String,
        whitMonday: String
    ) throws {
        let holidays = try ReferenceData.bundled().holidays

        let national = holidays.holidays(in: year, sets: ["national"])

        #expect(national[try civilDate(easterMonday)] == "Lundi de Pâques")
        #expect(national[try civilDate(ascension)] == "Ascension")
        #expect(national[try civilDate(whitMonday)] == "Lundi de Pentecôte")
    }

    @Test("all eleven national days", arguments: [2024, 2025, 2026])
    func elevenNationalDays(year: Int) throws {
        let holidays = try ReferenceData.bundled().holidays
        let expected: [String: (month: Int, day: Int)?] = [
            "Jour de l'an": (1, 1),
            "Lundi de Pâques": nil,
            "Fête du Travail": (5, 1),
            "Victoire 1945": (5, 8),
            "Ascension": nil,
            "Lundi de Pentecôte": nil,
            "Fête nationale": (7, 14),
            "Assomption": (8, 15),
            "Toussaint": (11, 1),
            "Armistice 1918": (11, 11),
            "Noël": (12, 25),
        ]

        let national = holidays.holidays(in: year, sets: ["national"])
        let dateByName = Dictionary(uniqueKeysWithValues: national.map { ($1, $0) })

        #expect(national.count == 11)
        #expect(Set(national.values) == Set(expected.keys))
        for (name, fixedDay) in expected {
            guard let fixedDay else { continue }
            let date = try #require(
                CivilDate(year: year, month: fixedDay.month, day: fixedDay.day)
            )
            #expect(dateByName[name] == date, "\(name) \(year)")
        }
    }

    @Test(
        "Alsace-Moselle adds Good Friday and 26 December",
        arguments: [
            (2024, "2024-03-29"),
            (2025, "2025-04-18"),
            (2026, "2026-04-03"),
        ]
    )
    func alsaceMoselleDays(year: Int, goodFriday: String) throws {
        let holidays = try ReferenceData.bundled().holidays

        let local = holidays.holidays(in: year, sets: ["national", "alsace-moselle"])

        #expect(local.count == 13)
        #expect(local[try civilDate(goodFriday)] == "Vendredi saint")
        #expect(local[try #require(CivilDate(year: year, month: 12, day: 26))] == "Saint-Étienne")
    }

    @Test("first set names a shared day")
    func firstSetNamesSharedDay() throws {
        let calendar = HolidayCalendar(sets: [
            "a": [Holiday(name: "first", rule: .fixed(month: 5, day: 1))],
            "b": [Holiday(name: "second", rule: .fixed(month: 5, day: 1))],
        ])
        let mayDay = try civilDate("2025-05-01")

        #expect(calendar.holidays(in: 2025, sets: ["a", "b"])[mayDay] == "first")
        #expect(calendar.holidays(in: 2025, sets: ["b", "a"])[mayDay] == "second")
    }

    @Test("unknown set adds no holiday")
    func unknownSet() {
        let calendar = HolidayCalendar(sets: [:])

        #expect(calendar.holidays(in: 2025, sets: ["atlantis"]).isEmpty)
    }

    @Test("fixed 29 February skips common years")
    func leapDayHoliday() throws {
        let holiday = Holiday(name: "leap", rule: .fixed(month: 2, day: 29))

        #expect(holiday.date(in: 2024) == (try civilDate("2024-02-29")))
        #expect(holiday.date(in: 2025) == nil)
    }
}
