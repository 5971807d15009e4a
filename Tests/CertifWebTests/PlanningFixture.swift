import CertifDomain
import CertifImport
import CertifPlanning
import CertifStore
import Foundation
import Testing

/// A web harness whose database contains the candidates of examples/candidats-vae-2024.csv,
/// with every account logged in, for the planning and sessions tests.
struct PlanningFixture {
    let web: WebHarness
    /// The imported candidates by id.
    let candidates: [String: Candidate]

    init() async throws {
        web = try WebHarness()
        let imported = try web.importExampleCandidates()
        candidates = Dictionary(uniqueKeysWithValues: imported.map { ($0.id, $0) })
        for login in WebHarness.logins {
            try await web.login(login)
        }
    }

    /// Runs the planner from the page as `login` over the demonstration's period, or `to`
    /// when given, and returns the new draft's id.
    func runPlan(as login: String = "admin", to: String = "31/03/2026") async throws -> Int {
        let response = try await web.post(
            "/planification",
            [("du", "01/01/2025"), ("au", to)],
            as: login
        )
        try #require(response.status == .seeOther, "the plan runs: \(response.bodyText)")
        let location = try #require(response.headers["Location"])
        return try #require(Int(location.split(separator: "/").last ?? ""))
    }

    /// Returns the stored plan `id`.
    func plan(_ id: Int) throws -> Plan {
        try #require(try web.store().plan(id: id)).plan
    }
}
