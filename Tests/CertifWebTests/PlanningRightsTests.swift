import CertifDomain
import CertifHTTP
import CertifPlanning
import CertifStore
import CertifWeb
import Foundation
import Testing

@Suite("Who sees and accepts what in the planning pages")
struct PlanningRightsTests {
    static let hautsDeFrance = TerritoryCode("32")

    @Test("Officer sees related sessions only")
    func officerSessions() async throws {
        let fixture = try await PlanningFixture()
        let id = try await fixture.runPlan()
        let plan = try fixture.plan(id)
        let visible = plan.sessions.filter { session in
            session.organizer == Self.hautsDeFrance
                || session.days.flatMap(\.candidates).contains {
                    fixture.candidates[$0.id]?.territory == Self.hautsDeFrance
                }
        }
        let hidden = plan.sessions.filter { !visible.map(\.id).contains($0.id) }
        try #require(!hidden.isEmpty, "the example has sessions without Hauts-de-France")

        let page = try await fixture.web.get(Paths.plan(id), as: "agent-hdf")
        let text = page.bodyText

        #expect(page.status == .ok)
        #expect(text.contains("La planification est nationale"))
        for session in visible {
            #expect(text.contains(">" + session.id + "<"), "\(session.id) is listed")
        }
        for session in hidden {
            #expect(!text.contains(session.id), "\(session.id) is not listed")
        }
        #expect(text.contains("\(hidden.count) sessions du plan ne concernent ni votre service"))
    }

    @Test("Officer sees no foreign names")
    func officerCandidateNames() async throws {
        let fixture = try await PlanningFixture()
        let id = try await fixture.runPlan()
        let plan = try fixture.plan(id)
        let placed = plan.sessions.flatMap(\.days).flatMap(\.candidates).map(\.id)
        let others = placed.filter { fixture.candidates[$0]?.territory != Self.hautsDeFrance }
        let own = placed.filter { fixture.candidates[$0]?.territory == Self.hautsDeFrance }
        try #require(!own.isEmpty)
        var pages = ""

        for diploma in Set(plan.sessions.map(\.diploma)) {
            let page = try await fixture.web.get(
                Paths.plan(id) + "?diplome=" + diploma.rawValue,
                as: "agent-hdf"
            )
            #expect(page.status == .ok)
            pages += page.bodyText
        }

        for candidateID in others {
            #expect(!pages.contains(candidateID), "\(candidateID) of another territory")
        }
        for candidateID in own {
            #expect(pages.contains(candidateID), "\(candidateID) of Hauts-de-France")
        }
        #expect(pages.contains("Candidat d’un autre territoire (Île-de-France)"))
    }

    @Test("Officer accepts own sessions only")
    func officerAcceptance() async throws {
        let fixture = try await PlanningFixture()
        let id = try await fixture.runPlan()
        let plan = try fixture.plan(id)
        let own = try #require(plan.sessions.first { $0.organizer == Self.hautsDeFrance })
        // A session with a candidate of Hauts-de-France, which the officer may therefore see.
        let other = try #require(
            plan.sessions.first { session in
                session.organizer != Self.hautsDeFrance
                    && session.days.flatMap(\.candidates).contains {
                        fixture.candidates[$0.id]?.territory == Self.hautsDeFrance
                    }
            }
        )

        let refused = try await fixture.web.post(
            Paths.plan(id) + "/accepter",
            [("sessions", own.id), ("sessions", other.id), ("portee", "selection")],
            as: "agent-hdf"
        )
        let afterRefusal = try fixture.web.store().fixedSessions()
        let statusAfterRefusal = try fixture.web.store().plan(id: id)?.status
        let everything = try await fixture.web.post(
            Paths.plan(id) + "/accepter",
            [("portee", "tout")],
            as: "agent-hdf"
        )

        #expect(refused.status == .notFound)
        #expect(afterRefusal.isEmpty)
        #expect(statusAfterRefusal == .draft)
        #expect(everything.status == .seeOther)
        #expect(try fixture.web.store().fixedSessions().map(\.id) == ["P\(id)-" + own.id])
    }

    @Test("Officer checkboxes for own sessions")
    func officerCheckboxes() async throws {
        let fixture = try await PlanningFixture()
        let id = try await fixture.runPlan()
        let own = try fixture.plan(id).sessions.filter { $0.organizer == Self.hautsDeFrance }

        let page = try await fixture.web.get(Paths.plan(id), as: "agent-hdf")
        let boxes = page.bodyText.components(separatedBy: "type=\"checkbox\"").count - 1

        #expect(boxes == own.count)
        #expect(page.bodyText.contains("Autre service"))
    }

    @Test("Reader gets 404 everywhere")
    func readerGets404() async throws {
        let fixture = try await PlanningFixture()
        let id = try await fixture.runPlan()
        let session = try fixture.plan(id).sessions[0].id
        _ = try await fixture.web.post(
            Paths.plan(id) + "/accepter",
            [("portee", "tout")],
            as: "admin"
        )
        let fixed = Paths.session("P\(id)-" + session)

        for path in [
            "/planification", Paths.plan(id), Paths.plan(id) + "?diplome=DEAF",
            Paths.plan(id) + "/calendrier", "/planification/comparer?a=1&b=1", "/sessions",
            fixed, fixed + "/liberer", "/sessions/nouvelle",
        ] {
            let response = try await fixture.web.get(path, as: "lecteur")
            #expect(response.status == .notFound, "GET \(path)")
        }
        for (path, fields) in [
            ("/planification", [("du", "01/01/2025"), ("au", "31/03/2026")]),
            (Paths.plan(id) + "/accepter", [("portee", "tout")]),
            (fixed + "/liberer", []),
            ("/sessions/nouvelle", [("diplome", "DEAF"), ("organisateur", "52")]),
        ] {
            let response = try await fixture.web.post(path, fields, as: "lecteur")
            #expect(response.status == .notFound, "POST \(path)")
        }
        #expect(try fixture.web.store().plans().count == 1)
        #expect(try fixture.web.store().fixedSessions().count == fixture.plan(id).sessions.count)
    }

    @Test("Dashboard links resolve")
    func dashboardLinks() async throws {
        let fixture = try await PlanningFixture()
        let id = try await fixture.runPlan()
        let session = try fixture.plan(id).sessions[0].id
        _ = try await fixture.web.post(
            Paths.plan(id) + "/accepter",
            [("sessions", session), ("portee", "selection")],
            as: "admin"
        )
        _ = try await fixture.runPlan()

        let home = try await fixture.web.get("/", as: "admin").bodyText
        let planPage = try await fixture.web.get(Paths.plan(id + 1), as: "admin")
        let sessionPage = try await fixture.web.get(Paths.session("P\(id)-" + session), as: "admin")

        #expect(home.contains("href=\"\(Paths.plan(id + 1))\""))
        #expect(home.contains("href=\"\(Paths.session("P\(id)-" + session))\""))
        #expect(planPage.status == .ok)
        #expect(sessionPage.status == .ok)
    }
}
