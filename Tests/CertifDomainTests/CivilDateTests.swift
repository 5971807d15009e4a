import CertifDomain
import Foundation
import Testing

@Suite("CivilDate")
struct CivilDateTests {
    @Test(
        "day validity follows the Gregorian rules",
        arguments: [
            (2025, 2, 31, false),
            (2025, 2, 29, false),
            (2024, 2, 29, true),
            (1900, 2, 29, false),
            (2000, 2, 29, true),
            (2025, 4, 31, false),
            (2025, 12, 31, true),
            (2025, 1, 0, false),
            (2025, 13, 1, false),
            (2025, 0, 1, false),
            (0, 1, 1, false),
        ]
    )
    func dayValidity(year: Int, month: Int, day: Int, isValid: Bool) {
        let date = CivilDate(year: year, month: month, day: day)

        #expect((date != nil) == isValid)
    }

    @Test("epoch day round trip, 1900 to 2100")
    func epochDayRoundTrip() throws {
        let first = try #require(CivilDate(year: 1900, month: 1, day: 1))
        let last = try #require(CivilDate(year: 2100, month: 12, day: 31))
        var expectedDay = first.daysSinceEpoch
        var countMismatches: [String] = []
        var roundTripMismatches: [String] = []

        // Walks the calendar by year, month and day, independently of the epoch arithmetic, so
        // that a skipped or repeated day shows up as a count mismatch.
        for year in 1900...2100 {
            for month in 1...12 {
                for day in 1...CivilDate.daysInMonth(year: year, month: month) {
                    let date = try #require(CivilDate(year: year, month: month, day: day))
                    if date.daysSinceEpoch != expectedDay {
                        countMismatches.append("\(date): \(date.daysSinceEpoch) ≠ \(expectedDay)")
                    }
                    let back = CivilDate(daysSinceEpoch: expectedDay)
                    if back != date {
                        roundTripMismatches.append("\(expectedDay): \(back) ≠ \(date)")
                    }
                    expectedDay += 1
                }
            }
        }

        #expect(first.daysSinceEpoch == -25_567)
        #expect(last.daysSinceEpoch == 47_846)
        #expect(expectedDay == last.daysSinceEpoch + 1)
        #expect(countMismatches == [])
        #expect(roundTripMismatches == [])
    }

    @Test(
        "weekday of known dates",
        arguments: [
            ("2025-01-01", 3),
            ("2024-02-29", 4),
            ("1970-01-01", 4),
            ("1969-12-31", 3),
            ("1900-01-01", 1),
            ("2025-03-16", 7),
        ]
    )
    func knownWeekday(text: String, isoWeekday: Int) throws {
        let date = try civilDate(text)

        #expect(date.weekday == isoWeekday)
    }

    @Test(
        "weekend is Saturday and Sunday",
        arguments: [
            ("2025-03-14", false),
            ("2025-03-15", true),
            ("2025-03-16", true),
            ("2025-03-17", false),
        ]
    )
    func weekend(text: String, isWeekend: Bool) throws {
        let date = try civilDate(text)

        #expect(date.isWeekend == isWeekend)
    }

    @Test(
        "adding months clamps to month end",
        arguments: [
            ("31/01/2025", 1, "28/02/2025"),
            ("31/01/2024", 1, "29/02/2024"),
            ("30/11/2025", 3, "28/02/2026"),
            ("31/08/2025", 3, "30/11/2025"),
            ("15/01/2025", 3, "15/04/2025"),
            ("15/12/2025", 1, "15/01/2026"),
            ("29/02/2024", 12, "28/02/2025"),
            ("31/03/2025", -1, "28/02/2025"),
            ("15/01/2025", -13, "15/12/2023"),
            ("15/01/2025", 0, "15/01/2025"),
        ]
    )
    func addingMonths(start: String, months: Int, expected: String) throws {
        let date = try civilDate(start)

        let result = date.adding(months: months)

        #expect(result == (try civilDate(expected)))
    }

    @Test(
        "adding days crosses months and years",
        arguments: [
            ("2024-02-28", 1, "2024-02-29"),
            ("2025-02-28", 1, "2025-03-01"),
            ("2025-12-31", 1, "2026-01-01"),
            ("2025-03-01", -1, "2025-02-28"),
            ("2025-01-01", 365, "2026-01-01"),
        ]
    )
    func addingDays(start: String, days: Int, expected: String) throws {
        let date = try civilDate(start)

        let result = date.adding(days: days)

        #expect(result == (try civilDate(expected)))
        #expect(date.days(until: result) == days)
    }

    @Test(
        "end of month",
        arguments: [
            ("2024-02-10", "2024-02-29"),
            ("2025-02-10", "2025-02-28"),
            ("1900-02-01", "1900-02-28"),
            ("2025-04-30", "2025-04-30"),
            ("2025-12-01", "2025-12-31"),
        ]
    )
    func endOfMonth(text: String, expected: String) throws {
        let date = try civilDate(text)

        #expect(date.endOfMonth == (try civilDate(expected)))
    }

    @Test("ordering follows the calendar")
    func ordering() throws {
        let earlier = try civilDate("2024-12-31")
        let later = try civilDate("2025-01-01")

        #expect(earlier < later)
        #expect(!(later < earlier))
        #expect(later.adding(days: -1) == earlier)
    }

    @Test(
        "parses ISO and French forms",
        arguments: [
            ("2025-03-15", 2025, 3, 15),
            ("15/03/2025", 2025, 3, 15),
            ("  2025-03-15 ", 2025, 3, 15),
            ("29/02/2024", 2024, 2, 29),
            ("5/3/2025", 2025, 3, 5),
        ]
    )
    func parsesBothForms(text: String, year: Int, month: Int, day: Int) {
        let date = CivilDate(parsing: text)

        #expect(date == CivilDate(year: year, month: month, day: day))
    }

    @Test(
        "parsing rejects malformed text",
        arguments: [
            "2025-2-30",
            "15/03/25",
            "2025/03/15",
            " ",
            "",
            "١٥/٠٣/٢٠٢٥",
            "１５/０３/２０２５",
            "31/04/2025",
            "29/02/2025",
            "15-03-2025",
            "2025-03-15T10:00",
            "2025-03",
            "2025--03-15",
            "15/03/2025/",
            "+5/03/2025",
            "2025-+3-15",
            "15/-3/2025",
            "015/03/2025",
            "20250315",
        ]
    )
    func rejectsMalformedText(text: String) {
        #expect(CivilDate(parsing: text) == nil)
    }

    @Test("ISO and French text forms")
    func textForms() throws {
        let date = try #require(CivilDate(year: 2025, month: 3, day: 5))

        #expect(date.iso == "2025-03-05")
        #expect(date.french == "05/03/2025")
        #expect(date.description == "2025-03-05")
    }

    @Test("JSON round trip uses ISO text")
    func jsonRoundTrip() throws {
        let dates = [try civilDate("2025-03-15"), try civilDate("1900-02-28")]

        let data = try JSONEncoder().encode(dates)
        let decoded = try JSONDecoder().decode([CivilDate].self, from: data)

        #expect(String(decoding: data, as: UTF8.self) == #"["2025-03-15","1900-02-28"]"#)
        #expect(decoded == dates)
    }

    @Test("JSON decoding accepts the French form")
    func jsonDecodesFrenchForm() throws {
        let data = Data(#"["15/03/2025"]"#.utf8)

        let decoded = try JSONDecoder().decode([CivilDate].self, from: data)

        #expect(decoded == [try civilDate("2025-03-15")])
    }

    @Test("JSON decoding rejects a missing day")
    func jsonRejectsMissingDay() {
        let data = Data(#"["2025-02-30"]"#.utf8)

        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([CivilDate].self, from: data)
        }
    }
}
