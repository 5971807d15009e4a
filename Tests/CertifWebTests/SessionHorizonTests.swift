import Foundation
import Testing

@Suite("Fixing a session far ahead")
struct SessionHorizonTests {
    @Test("A day more than two years ahead is refused next to its field")
    func farDayRefused() async throws {
        let fixture = try await PlanningFixture()
        let response = try await fixture.web.post(
            "/sessions/nouvelle",
            [
                ("diplome", "DEMF"), ("organisateur", "75"), ("lignes", "1"),
                ("jour-1-date", "13/12/9999"), ("jour-1-commissions", "1"),
            ],
            as: "admin"
        )
        #expect(response.status == .unprocessableContent)
        #expect(response.bodyText.contains("est à plus de deux ans"))
        #expect(try fixture.web.store().fixedSessions().isEmpty)
    }
}
