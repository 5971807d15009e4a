import CertifHTTP
import CertifWeb
import Foundation
import Testing

@Suite("Values echoed by the planning and session pages are escaped")
struct PlanningEscapingTests {
    static let payloads = [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "'; DROP TABLE plans; --",
    ]

    @Test("Query parameters escaped", arguments: payloads)
    func queryParameters(payload: String) async throws {
        let fixture = try await PlanningFixture()
        let id = try await fixture.runPlan()
        let value = WebHarness.percent(payload)
        var pages: [HTTPResponse] = []

        for target in [
            Paths.plan(id) + "?diplome=" + value,
            Paths.plan(id) + "?diplome=DEAF&organisateur=" + value,
            Paths.plan(id) + "/calendrier?mois=" + value,
            "/planification/comparer?a=" + value + "&b=1",
            "/sessions?diplome=" + value,
            "/sessions?organisateur=" + value + "&periode=" + value,
        ] {
            pages.append(try await fixture.web.get(target, as: "admin"))
        }

        for page in pages {
            #expect(page.status == .badRequest)
            #expect(!page.bodyText.contains(payload))
            #expect(page.bodyText.contains(WebHarness.htmlEscaped(payload)))
        }
        #expect(try fixture.web.store().plans().count == 1)
    }

    @Test("Posted fields escaped", arguments: payloads)
    func postedFields(payload: String) async throws {
        let fixture = try await PlanningFixture()

        let plan = try await fixture.web.post(
            "/planification",
            [("du", payload), ("au", payload)],
            as: "admin"
        )
        let session = try await fixture.web.post(
            "/sessions/nouvelle",
            [
                ("diplome", payload), ("organisateur", payload), ("identifiant", payload),
                ("lignes", "1"), ("jour-1-date", payload), ("jour-1-commissions", payload),
            ],
            as: "admin"
        )

        for page in [plan, session] {
            #expect(page.status == .unprocessableContent)
            #expect(!page.bodyText.contains(payload))
            #expect(page.bodyText.contains(WebHarness.htmlEscaped(payload)))
        }
        #expect(try fixture.web.store().fixedSessions().isEmpty)
    }

    @Test("Session id markup escaped")
    func sessionID() async throws {
        let fixture = try await PlanningFixture()
        let id = "C-<b>x</b>"

        let created = try await fixture.web.post(
            "/sessions/nouvelle",
            [
                ("diplome", "DEMF"), ("organisateur", "75"), ("identifiant", id),
                ("lignes", "1"), ("jour-1-date", "10/06/2025"), ("jour-1-commissions", "1"),
            ],
            as: "admin"
        )
        let list = try await fixture.web.get("/sessions", as: "admin")
        let page = try await fixture.web.get(Paths.session(id), as: "admin")

        #expect(created.status == .seeOther)
        #expect(created.headers["Location"] == "/sessions/C-%3Cb%3Ex%3C%2Fb%3E")
        #expect(list.bodyText.contains("C-&lt;b&gt;x&lt;/b&gt;"))
        #expect(!list.bodyText.contains(id))
        #expect(page.status == .ok)
        #expect(!page.bodyText.contains(id))
    }
}
