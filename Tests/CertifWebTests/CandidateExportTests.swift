import CertifDomain
import Foundation
import Testing

@Suite("Candidate list exports")
struct CandidateExportTests {
    @Test("Officer export has his candidates")
    func officerExport() async throws {
        let fixture = try await PlanningFixture()
        let response = try await fixture.web.get("/candidats/export.csv", as: "agent-hdf")
        #expect(response.status == .ok)
        #expect(response.headers["Content-Type"] == "text/csv; charset=utf-8")
        #expect(Array(response.body.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: response.body.dropFirst(3), as: UTF8.self)
        let lines = text.split(separator: "\r\n")
        let hdf = TerritoryCode(rawValue: "32")
        let own = fixture.candidates.values.filter { $0.territory == hdf }
        #expect(lines.count == own.count + 1, "a header and one line per candidate")
        for candidate in fixture.candidates.values {
            #expect(
                text.contains(candidate.id + ";") == (candidate.territory == hdf),
                "\(candidate.id)"
            )
        }
    }

    @Test("The list's filters apply to the export")
    func filtersApply() async throws {
        let fixture = try await PlanningFixture()
        let response = try await fixture.web.get("/candidats/export.csv?diplome=DEIS", as: "admin")
        let text = String(decoding: response.body, as: UTF8.self)
        let deis = fixture.candidates.values.filter { $0.diploma.rawValue == "DEIS" }
        let lines = text.split(separator: "\r\n")
        #expect(lines.count == deis.count + 1)
        #expect(!lines.dropFirst().contains { !$0.contains(";DEIS;") })
    }

    @Test("Workbook, bad filter and reader")
    func workbookAndRefusals() async throws {
        let fixture = try await PlanningFixture()
        let workbook = try await fixture.web.get("/candidats/export.xlsx", as: "admin")
        #expect(workbook.status == .ok)
        #expect(Array(workbook.body.prefix(2)) == [0x50, 0x4B])
        let bad = try await fixture.web.get("/candidats/export.csv?diplome=XYZ", as: "admin")
        #expect(bad.status == .unprocessableContent)
        let reader = try await fixture.web.get("/candidats/export.csv", as: "lecteur")
        #expect(reader.status == .notFound)
    }
}
