import CertifDomain
import Testing

@Suite("WorkingCalendar")
struct WorkingCalendarTests {
    static let grandEst = TerritoryCode("44")
    static let bretagne = TerritoryCode("53")

    @Test(
        "Alsace-Moselle days close Grand Est only",
        arguments: ["2024-03-29", "2025-04-18", "2026-04-03", "2024-12-26", "2025-12-26"]
    )
    func alsaceMoselleDays(text: String) throws {
        let calendar = try bundledWorkingCalendar()
        let date = try civilDate(text)

        #expect(!date.isWeekend)
        #expect(!calendar.isWorkingDay(date, territory: Self.grandEst))
        #expect(calendar.holidayName(on: date, territory: Self.grandEst) != nil)
        #expect(calendar.isWorkingDay(date, territory: Self.bretagne))
        #expect(calendar.holidayName(on: date, territory: Self.bretagne) == nil)
    }

    @Test(
        "abolition day closes its territory only",
        arguments: [
            ("01", 5, 27),
            ("02", 5, 22),
            ("03", 6, 10),
            ("04", 12, 20),
            ("06", 4, 27),
        ],
        2024...2028
    )
    func abolitionDay(holiday: (territory: String, month: Int, day: Int), year: Int) throws {
        let reference = try ReferenceData.bundled()
        let calendar = WorkingCalendar(
            holidays: reference.holidays,
            territories: reference.territories
        )
        let code = TerritoryCode(holiday.territory)
        let date = try #require(CivilDate(year: year, month: holiday.month, day: holiday.day))

        #expect(calendar.holidayName(on: date, territory: code) == "Abolition de l'esclavage")
        #expect(!calendar.isWorkingDay(date, territory: code))
        for other in reference.territories where other.code != code {
            #expect(
                calendar.holidayName(on: date, territory: other.code) == nil,
                "\(date) in \(other.code)"
            )
            #expect(
                calendar.isWorkingDay(date, territory: other.code) == !date.isWeekend,
                "\(date) in \(other.code)"
            )
        }
    }

    @Test("Schœlcher day closes the Antilles only", arguments: 2024...2026)
    func schoelcherDay(year: Int) throws {
        let reference = try ReferenceData.bundled()
        let calendar = WorkingCalendar(
            holidays: reference.holidays,
            territories: reference.territories
        )
        let date = try #require(CivilDate(year: year, month: 7, day: 21))
        let antilles: Set = [TerritoryCode("01"), TerritoryCode("02")]

        for territory in reference.territories {
            let name = calendar.holidayName(on: date, territory: territory.code)
            if antilles.contains(territory.code) {
                #expect(name == "Fête de Victor Schœlcher", "\(date) in \(territory.code)")
            } else {
                #expect(name == nil, "\(date) in \(territory.code)")
            }
        }
    }

    @Test("weekends close every territory", arguments: ["2025-03-15", "2025-03-16", "2026-01-03"])
    func weekendsClosed(text: String) throws {
        let reference = try ReferenceData.bundled()
        let calendar = WorkingCalendar(
            holidays: reference.holidays,
            territories: reference.territories
        )
        let date = try civilDate(text)

        for territory in reference.territories {
            #expect(!calendar.isWorkingDay(date, territory: territory.code), "\(territory.code)")
        }
    }

    @Test("ordinary weekday is open everywhere")
    func ordinaryWeekdayOpen() throws {
        let reference = try ReferenceData.bundled()
        let calendar = WorkingCalendar(
            holidays: reference.holidays,
            territories: reference.territories
        )
        let date = try civilDate("2025-03-12")

        for territory in reference.territories {
            #expect(calendar.isWorkingDay(date, territory: territory.code), "\(territory.code)")
        }
    }

    @Test("Saint-Pierre-et-Miquelon keeps national days only", arguments: 2024...2028)
    func saintPierreEtMiquelon(year: Int) throws {
        let reference = try ReferenceData.bundled()
        let calendar = WorkingCalendar(
            holidays: reference.holidays,
            territories: reference.territories
        )

        let local = calendar.holidays(in: year, territory: TerritoryCode("975"))

        #expect(local == reference.holidays.holidays(in: year, sets: ["national"]))
    }

    @Test(
        "each territory's holiday count",
        arguments: [
            ("84", 11), ("11", 11), ("53", 11), ("44", 13), ("01", 13), ("02", 13),
            ("03", 12), ("04", 12), ("06", 12), ("975", 11),
        ]
    )
    func holidayCount(territory: String, count: Int) throws {
        let calendar = try bundledWorkingCalendar()

        let holidays = calendar.holidays(in: 2025, territory: TerritoryCode(territory))

        #expect(holidays.count == count)
    }

    @Test("unknown territory gets national days")
    func unknownTerritory() throws {
        let reference = try ReferenceData.bundled()
        let calendar = WorkingCalendar(
            holidays: reference.holidays,
            territories: reference.territories
        )

        let holidays = calendar.holidays(in: 2025, territory: TerritoryCode("99"))

        #expect(holidays == reference.holidays.holidays(in: 2025, sets: ["national"]))
    }

    @Test("concurrent lookups agree")
    func concurrentLookups() async throws {
        let calendar = try bundledWorkingCalendar()
        let date = try civilDate("2025-12-26")

        let answers = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<200 {
                let territory = index.isMultiple(of: 2) ? Self.grandEst : Self.bretagne
                group.addTask { calendar.isWorkingDay(date, territory: territory) }
            }
            var answers: [Bool] = []
            for await answer in group { answers.append(answer) }
            return answers
        }

        #expect(answers.filter { $0 }.count == 100)
    }
}
