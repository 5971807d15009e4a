import CertifDomain
import CertifPlanning
import CertifServices
import Testing

@Suite("Checks of a published calendar's session")
struct SessionRequestTests {
    static let today = CivilDate(year: 2024, month: 12, day: 2) ?? CivilDate(daysSinceEpoch: 0)

    private func validate(
        _ request: CalendarSessionRequest,
        fixed: [FixedSession] = []
    ) throws -> Result<FixedSession, CalendarSessionRejection> {
        request.validate(
            reference: try ReferenceData.bundled(),
            settings: Settings(),
            fixedSessions: fixed,
            today: Self.today
        )
    }

    private func day(_ date: String, _ commissions: Int? = 1) -> CalendarSessionRequest.Day {
        CalendarSessionRequest.Day(date: date, commissions: commissions)
    }

    @Test("Valid request gets default id")
    func validRequest() throws {
        let request = CalendarSessionRequest(
            diploma: "deaf",
            organizer: "Pays de la Loire",
            days: [day("21/03/2025", 2), day("2025-03-20")]
        )

        let session = try validate(request).get()

        #expect(session.id == "C-DEAF-52-20250320")
        #expect(session.diploma == DiplomaCode("DEAF"))
        #expect(session.organizer == TerritoryCode("52"))
        #expect(session.days.map(\.date.iso) == ["2025-03-20", "2025-03-21"])
        #expect(session.days.map(\.commissions) == [1, 2])
        #expect(session.days.allSatisfy { $0.candidates.isEmpty })
    }

    @Test(
        "Problems name their field",
        arguments: [
            (CalendarSessionRequest(diploma: "", organizer: "52", days: []), ["diplome", "jours"]),
            (
                CalendarSessionRequest(diploma: "DEXX", organizer: "Atlantide", days: []),
                ["diplome", "organisateur", "jours"]
            ),
        ]
    )
    func fieldsOfProblems(request: CalendarSessionRequest, fields: [String]) throws {
        let issues = try #require(try validate(request).failureIssues)

        #expect(issues.map(\.field.formName) == fields)
    }

    @Test("Each day checked alone")
    func dayProblems() throws {
        let request = CalendarSessionRequest(
            diploma: "DEAF",
            organizer: "44",
            days: [
                day("26/12/2025"), day("15/03/2025"), day("02/12/2024"), day("31/02/2025"),
                day("17/03/2025", 9), day("18/03/2025", nil), day("17/03/2025"),
            ],
            id: "P1-x"
        )

        let issues = try #require(try validate(request).failureIssues)

        #expect(issues.count == 8)
        #expect(
            issues.contains(
                .holiday(
                    day: 0,
                    date("2025-12-26"),
                    service: "DREETS Grand Est",
                    name: "Saint-Étienne"
                )
            )
        )
        #expect(issues.contains(.weekend(day: 1, date("2025-03-15"))))
        #expect(issues.contains(.notAfterToday(day: 2, date("2024-12-02"), today: Self.today)))
        #expect(issues.contains(.invalidDate(day: 3, text: "31/02/2025")))
        #expect(issues.contains(.invalidCommissions(day: 4, max: 4)))
        #expect(issues.contains(.invalidCommissions(day: 5, max: 4)))
        #expect(issues.contains(.repeatedDay(day: 6, date("2025-03-17"))))
        #expect(issues.contains(.invalidID("P1-x", .reservedForPlans)))
    }

    @Test("Other sessions count commissions")
    func commissionLimit() throws {
        let existing = FixedSession(
            id: "C-DEMF-52-20250304",
            diploma: DiplomaCode("DEMF"),
            organizer: TerritoryCode("52"),
            days: [FixedSession.Day(date: date("2025-03-04"), commissions: 3, candidates: [])]
        )
        let request = CalendarSessionRequest(
            diploma: "DEAF",
            organizer: "52",
            days: [day("04/03/2025", 2)]
        )

        let issues = try #require(try validate(request, fixed: [existing]).failureIssues)

        #expect(
            issues.map(\.english) == [
                "DREETS Pays de la Loire already seats 3 commission(s) on 04/03/2025; with 2 more it "
                    + "would pass max-commissions-per-day (4)"
            ]
        )
        #expect(
            issues.first?.french.hasPrefix("La DREETS Pays de la Loire réunit déjà 3 commissions")
                == true
        )
    }

    @Test("Long span rejected")
    func spanTooLong() throws {
        let request = CalendarSessionRequest(
            diploma: "DEAF",
            organizer: "52",
            days: [day("03/03/2025"), day("18/03/2025")]
        )

        let issues = try #require(try validate(request).failureIssues)

        #expect(issues == [.spanTooLong(days: 16, limit: 14)])
        #expect(issues.first?.french.contains("plus que les 15 permis") == true)
    }

    @Test("Route id reserved")
    func reservedID() throws {
        let request = CalendarSessionRequest(
            diploma: "DEAF",
            organizer: "52",
            days: [day("20/03/2025")],
            id: "nouvelle"
        )

        let issues = try #require(try validate(request).failureIssues)

        #expect(issues == [.reservedID("nouvelle")])
    }

    @Test("Field messages joined")
    func joinedMessages() throws {
        let rejection = CalendarSessionRejection(issues: [
            .weekend(day: 0, date("2025-03-15")),
            .notAfterToday(day: 0, date("2025-03-15"), today: date("2025-04-01")),
        ])

        let message = rejection.frenchFieldErrors["jour-1-date"] ?? ""

        #expect(message.contains("tombe un week-end"))
        #expect(message.contains("n’est pas après aujourd’hui"))
    }

    private func date(_ text: String) -> CivilDate {
        CivilDate(parsing: text) ?? CivilDate(daysSinceEpoch: 0)
    }
}

extension Result where Failure == CalendarSessionRejection {
    /// The issues of a rejection, or nil when the request was valid.
    var failureIssues: [CalendarSessionIssue]? {
        if case .failure(let rejection) = self {
            return rejection.issues
        }
        return nil
    }
}
