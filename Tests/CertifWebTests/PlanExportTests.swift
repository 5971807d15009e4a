import CertifDomain
import Foundation
import Testing

@Suite("Plan exports")
struct PlanExportTests {
    @Test("An administrator exports the whole plan as CSV for French Excel")
    func administratorCSV() async throws {
        let fixture = try await PlanningFixture()
        let id = try await fixture.runPlan()
        let response = try await fixture.web.get(
            "/planification/plans/\(id)/export.csv",
            as: "admin"
        )
        #expect(response.status == .ok)
        #expect(response.headers["Content-Type"] == "text/csv; charset=utf-8")
        #expect(response.headers["Content-Disposition"]?.contains("plan-\(id).csv") == true)
        #expect(Array(response.body.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: response.body.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("identifiant;nom_naissance;"))
        #expect(text.contains("\r\n"))
        let planned = try fixture.plan(id).sessions.flatMap(\.days).flatMap(\.candidates)
        for placed in planned.prefix(20) {
            #expect(text.contains(placed.id + ";"), "\(placed.id)")
        }
    }

    @Test("An officer's export names only the candidates he may see")
    func officerSeesOwnCandidates() async throws {
        let fixture = try await PlanningFixture()
        let id = try await fixture.runPlan()
        let response = try await fixture.web.get(
            "/planification/plans/\(id)/export.csv",
            as: "agent-hdf"
        )
        #expect(response.status == .ok)
        let text = String(decoding: response.body, as: UTF8.self)
        let hdf = TerritoryCode(rawValue: "32")
        for candidate in fixture.candidates.values {
            let visibleHome = candidate.territory == hdf
            if !visibleHome {
                #expect(!text.contains(candidate.id + ";"), "\(candidate.id) leaked")
            }
        }
        let own = fixture.candidates.values.filter { $0.territory == hdf }
        #expect(own.contains { text.contains($0.id + ";") }, "no candidate of his own")
    }

    @Test("The XLSX export is a workbook, and a reader or an unknown plan gets 404")
    func workbookAndRights() async throws {
        let fixture = try await PlanningFixture()
        let id = try await fixture.runPlan()
        let workbook = try await fixture.web.get(
            "/planification/plans/\(id)/export.xlsx",
            as: "admin"
        )
        #expect(workbook.status == .ok)
        #expect(Array(workbook.body.prefix(2)) == [0x50, 0x4B])
        let reader = try await fixture.web.get(
            "/planification/plans/\(id)/export.csv",
            as: "lecteur"
        )
        #expect(reader.status == .notFound)
        let unknown = try await fixture.web.get("/planification/plans/999/export.csv", as: "admin")
        #expect(unknown.status == .notFound)
    }
}
