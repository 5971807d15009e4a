import CertifDomain
import CertifHTTP
import CertifPlanning
import CertifStore
import CertifWeb
import Foundation
import Testing

@Suite("Planning pages")
struct PlanningPageTests {
    @Test("Run saves audited draft")
    func runPlanShowsDraft() async throws {
        let fixture = try await PlanningFixture()
        let web = fixture.web

        let id = try await fixture.runPlan()
        let page = try await web.get(Paths.plan(id), as: "admin")
        let list = try await web.get("/planification", as: "admin")
        let store = try web.store()
        let stored = try #require(try store.plan(id: id))
        let audit = try store.auditLog().filter { $0.action == .planDraft }

        #expect(stored.status == .draft)
        #expect(stored.plan.today.iso == "2024-12-02")
        #expect(stored.plan.summary.candidates == fixture.candidates.count)
        #expect(audit.map(\.entityID) == [String(id)])
        #expect(audit.first?.actor == "web:admin")
        #expect(page.status == .ok)
        #expect(page.bodyText.contains("<h1>Plan n° \(id)</h1>"))
        #expect(page.bodyText.contains("Brouillon"))
        #expect(page.bodyText.contains("Chiffres de l’ensemble du plan"))
        #expect(page.bodyText.contains("S-DEAF-52-20250404"))
        #expect(page.bodyText.contains("Accepter la sélection"))
        #expect(page.bodyText.contains("Accepter tout"))
        #expect(list.bodyText.contains("href=\"/planification/plans/\(id)\""))
    }

    @Test("Run notice shown once")
    func runPlanNotice() async throws {
        let fixture = try await PlanningFixture()

        let id = try await fixture.runPlan()
        let first = try await fixture.web.get(Paths.plan(id), as: "admin")
        let second = try await fixture.web.get(Paths.plan(id), as: "admin")

        #expect(first.bodyText.contains("Le brouillon n° \(id) est enregistré"))
        #expect(!second.bodyText.contains("Le brouillon n° \(id) est enregistré"))
    }

    @Test("Diploma page lists placements")
    func diplomaPage() async throws {
        let fixture = try await PlanningFixture()
        let id = try await fixture.runPlan()
        let plan = try fixture.plan(id)
        let session = try #require(plan.sessions.first { $0.diploma == DiplomaCode("DEAF") })
        let placed = try #require(session.days.first?.candidates.first)
        let candidate = try #require(fixture.candidates[placed.id])

        let page = try await fixture.web.get(Paths.plan(id) + "?diplome=DEAF", as: "admin")
        let text = page.bodyText

        #expect(page.status == .ok)
        #expect(text.contains("<h1>Plan n° \(id) : sessions DEAF</h1>"))
        #expect(text.contains("Organisées par la DREETS Pays de la Loire"))
        #expect(text.contains(candidate.birthName))
        #expect(text.contains("href=\"/candidats/\(placed.id)\""))
        #expect(text.contains(placed.start))
        #expect(text.contains("R1 non atteint"))
        #expect(text.contains("règle manquée"))
        #expect(text.contains("règle respectée"))
        #expect(text.contains("Raisons de sa place"))
        #expect(text.contains("Jours de la session " + session.id))
        #expect(!text.contains("S-DEIS-44-20250410"), "other diplomas stay on their page")
    }

    @Test("Unplanned show reason and fix")
    func unplannedCandidates() async throws {
        let fixture = try await PlanningFixture()
        let id = try await fixture.runPlan(to: "30/06/2025")
        let plan = try fixture.plan(id)
        let missed = try #require(plan.unplanned.first)
        let diploma = try #require(fixture.candidates[missed.id]?.diploma)

        let page = try await fixture.web.get(
            Paths.plan(id) + "?diplome=" + diploma.rawValue,
            as: "admin"
        )

        #expect(page.status == .ok)
        #expect(page.bodyText.contains("Candidats non planifiés"))
        #expect(page.bodyText.contains(WebHarness.htmlEscaped(missed.reason)))
        #expect(page.bodyText.contains(WebHarness.htmlEscaped(missed.fix)))
    }

    @Test("Accept two, release one")
    func acceptTwoThenRelease() async throws {
        let fixture = try await PlanningFixture()
        let web = fixture.web
        let id = try await fixture.runPlan()
        let chosen = try Array(fixture.plan(id).sessions.prefix(2)).map(\.id)

        let accepted = try await web.post(
            Paths.plan(id) + "/accepter",
            [("sessions", chosen[0]), ("sessions", chosen[1]), ("portee", "selection")],
            as: "admin"
        )
        let sessions = try await web.get("/sessions", as: "admin")
        let fixedIDs = try web.store().fixedSessions().map(\.id)
        let released = try await web.post(
            Paths.session("P\(id)-" + chosen[0]) + "/liberer",
            [],
            as: "admin"
        )
        let afterRelease = try web.store().fixedSessions().map(\.id)
        let gone = try await web.get(Paths.session("P\(id)-" + chosen[0]), as: "admin")
        let audit = try web.store().auditLog().map(\.action)

        #expect(accepted.status == .seeOther)
        #expect(accepted.headers["Location"] == "/sessions")
        #expect(fixedIDs == chosen.map { "P\(id)-" + $0 })
        #expect(try web.store().plan(id: id)?.status == .accepted)
        #expect(sessions.bodyText.contains("2 sessions fixées"))
        #expect(sessions.bodyText.contains("P\(id)-" + chosen[0]))
        #expect(sessions.bodyText.contains("P\(id)-" + chosen[1]))
        #expect(released.status == .seeOther)
        #expect(afterRelease == ["P\(id)-" + chosen[1]])
        #expect(gone.status == .notFound)
        #expect(audit.contains(.planAccept))
        #expect(audit.contains(.sessionRelease))
    }

    @Test("Accept everything fixes all")
    func acceptEverything() async throws {
        let fixture = try await PlanningFixture()
        let id = try await fixture.runPlan()
        let count = try fixture.plan(id).sessions.count

        let response = try await fixture.web.post(
            Paths.plan(id) + "/accepter",
            [("portee", "tout")],
            as: "admin"
        )

        #expect(response.status == .seeOther)
        #expect(try fixture.web.store().fixedSessions().count == count)
    }

    @Test("Empty selection rejected")
    func emptySelection() async throws {
        let fixture = try await PlanningFixture()
        let id = try await fixture.runPlan()

        let response = try await fixture.web.post(
            Paths.plan(id) + "/accepter",
            [("portee", "selection")],
            as: "admin"
        )

        #expect(response.status == .unprocessableContent)
        #expect(response.bodyText.contains("Cochez au moins une session à accepter"))
        #expect(response.bodyText.contains("id=\"sessions-erreur\""))
        #expect(try fixture.web.store().fixedSessions().isEmpty)
    }

    @Test("Second acceptance rejected")
    func acceptTwice() async throws {
        let fixture = try await PlanningFixture()
        let id = try await fixture.runPlan()
        let first = try fixture.plan(id).sessions[0].id
        let second = try fixture.plan(id).sessions[1].id
        _ = try await fixture.web.post(
            Paths.plan(id) + "/accepter",
            [("sessions", first), ("portee", "selection")],
            as: "admin"
        )

        let again = try await fixture.web.post(
            Paths.plan(id) + "/accepter",
            [("sessions", second), ("portee", "selection")],
            as: "admin"
        )

        #expect(again.status == .conflict)
        #expect(again.bodyText.contains("Ce plan a déjà été accepté"))
        #expect(try fixture.web.store().fixedSessions().map(\.id) == ["P\(id)-" + first])
    }

    @Test("Stale candidate blocks acceptance")
    func staleCandidate() async throws {
        let fixture = try await PlanningFixture()
        let id = try await fixture.runPlan()
        let session = try fixture.plan(id).sessions[0]
        let placed = try #require(session.days.first?.candidates.first)
        var changed = try #require(fixture.candidates[placed.id])
        changed.availableFrom = try #require(CivilDate(year: 2026, month: 1, day: 5))
        _ = try fixture.web.store().importCandidates([changed], actor: StoreActor(name: "test"))

        let response = try await fixture.web.post(
            Paths.plan(id) + "/accepter",
            [("sessions", session.id), ("portee", "selection")],
            as: "admin"
        )

        #expect(response.status == .conflict)
        #expect(response.bodyText.contains("Le dossier d’un candidat ou les paramètres ont changé"))
        #expect(!response.bodyText.contains("no longer fits"))
        #expect(try fixture.web.store().fixedSessions().isEmpty)
        #expect(try fixture.web.store().plan(id: id)?.status == .draft)
    }

    @Test("Two drafts compared")
    func compareDrafts() async throws {
        let fixture = try await PlanningFixture()
        let first = try await fixture.runPlan()
        let second = try await fixture.runPlan(to: "30/06/2025")
        let one = try fixture.plan(first).summary
        let two = try fixture.plan(second).summary

        let page = try await fixture.web.get(
            "/planification/comparer?a=\(first)&b=\(second)",
            as: "agent-hdf"
        )
        let text = page.bodyText

        #expect(page.status == .ok)
        #expect(text.contains("<h1>Comparaison des plans n° \(first) et n° \(second)</h1>"))
        #expect(text.contains("<td>\(one.planned)</td><td>\(two.planned)</td>"))
        #expect(text.contains("<td>−\(one.planned - two.planned)</td>"))
        #expect(text.contains("Par diplôme"))
        #expect(text.contains("Attente moyenne"))
    }

    @Test(
        "Invalid comparison numbers rejected",
        arguments: [
            ("a=abc&b=1", "« abc » n’est pas un numéro de plan"),
            ("a=1&b=99", "Aucun plan ne porte le numéro 99"),
            ("a=1&b=1", "Choisissez deux plans différents."),
            ("a=-3&b=1", "« -3 » n’est pas un numéro de plan"),
        ]
    )
    func compareErrors(query: String, message: String) async throws {
        let fixture = try await PlanningFixture()
        _ = try await fixture.runPlan()

        let page = try await fixture.web.get("/planification/comparer?" + query, as: "admin")

        #expect(page.status == .badRequest)
        #expect(page.bodyText.contains(message))
        #expect(page.bodyText.contains("fr-error-text"))
    }

    @Test("Invalid dates get field errors")
    func invalidDates() async throws {
        let fixture = try await PlanningFixture()

        let wrong = try await fixture.web.post(
            "/planification",
            [("du", "32/13/2025"), ("au", "")],
            as: "admin"
        )
        let reversed = try await fixture.web.post(
            "/planification",
            [("du", "31/03/2026"), ("au", "01/01/2025")],
            as: "admin"
        )
        let tooLong = try await fixture.web.post(
            "/planification",
            [("du", "01/01/2025"), ("au", "01/01/2029")],
            as: "admin"
        )
        let past = try await fixture.web.post(
            "/planification",
            [("du", "01/01/2024"), ("au", "30/11/2024")],
            as: "admin"
        )

        #expect(wrong.status == .unprocessableContent)
        #expect(wrong.bodyText.contains("id=\"champ-du-erreur\""))
        #expect(wrong.bodyText.contains("La date « 32/13/2025 » n’est pas valide"))
        #expect(wrong.bodyText.contains("value=\"32/13/2025\""))
        #expect(wrong.bodyText.contains("id=\"champ-au-erreur\""))
        #expect(reversed.bodyText.contains("précède le premier"))
        #expect(tooLong.bodyText.contains("plus que les 1099 permis"))
        #expect(past.bodyText.contains("avant la date du plan, le 02/12/2024"))
        #expect(try fixture.web.store().plans().isEmpty)
    }

    @Test("Run without candidates rejected")
    func noCandidate() async throws {
        let web = try WebHarness()
        try await web.login("admin")

        let response = try await web.post(
            "/planification",
            [("du", "01/01/2025"), ("au", "31/03/2026")],
            as: "admin"
        )

        #expect(response.status == .conflict)
        #expect(response.bodyText.contains("Aucun candidat n’attend de session"))
        #expect(try web.store().plans().isEmpty)
    }

    @Test("Missing CSRF token rejected")
    func missingCSRF() async throws {
        let fixture = try await PlanningFixture()
        let id = try await fixture.runPlan()

        let accept = try await fixture.web.post(
            Paths.plan(id) + "/accepter",
            [("portee", "tout")],
            as: "admin",
            csrf: false
        )
        let run = try await fixture.web.post(
            "/planification",
            [("du", "01/01/2025"), ("au", "31/03/2026")],
            as: "admin",
            csrf: false
        )

        #expect(accept.status == .forbidden)
        #expect(run.status == .forbidden)
        #expect(try fixture.web.store().fixedSessions().isEmpty)
        #expect(try fixture.web.store().plans().count == 1)
    }

    @Test("Month calendar marks closed days")
    func calendar() async throws {
        let fixture = try await PlanningFixture()
        let id = try await fixture.runPlan()

        let page = try await fixture.web.get(
            Paths.plan(id) + "/calendrier?mois=2025-04",
            as: "admin"
        )
        let text = page.bodyText

        #expect(page.status == .ok)
        #expect(text.contains("<h1>Plan n° \(id) : calendrier de avril 2025</h1>"))
        #expect(text.contains("<caption>Sessions du plan n° \(id) en avril 2025, jour par jour"))
        #expect(text.contains("<th scope=\"row\">ven. 04/04</th>"))
        #expect(text.contains("<th scope=\"row\">sam. 05/04 (week-end)</th>"))
        #expect(text.contains("<th scope=\"row\">lun. 21/04 (férié : Lundi de Pâques)</th>"))
        #expect(text.contains("S-DEAF-52-20250404"))
        #expect(text.contains("6 candidats, 1 commission"))
        #expect(text.contains("mois=2025-03"), "a link to the previous month")
        #expect(text.contains("mois=2025-05"), "a link to the next month")
    }

    @Test(
        "Invalid months rejected",
        arguments: [
            ("2025-13", "Le mois « 2025-13 » n’est pas valide"),
            ("mars", "Le mois « mars » n’est pas valide"),
            ("2024-06", "hors de la période du plan"),
        ]
    )
    func calendarErrors(month: String, message: String) async throws {
        let fixture = try await PlanningFixture()
        let id = try await fixture.runPlan()

        let page = try await fixture.web.get(
            Paths.plan(id) + "/calendrier?mois=" + month,
            as: "admin"
        )

        #expect(page.status == .badRequest)
        #expect(page.bodyText.contains(message))
    }

    @Test("Unknown plan not found")
    func missingPlan() async throws {
        let fixture = try await PlanningFixture()

        let missing = try await fixture.web.get("/planification/plans/42", as: "admin")
        let word = try await fixture.web.get("/planification/plans/abc", as: "admin")
        let zero = try await fixture.web.get("/planification/plans/0/calendrier", as: "admin")

        #expect(missing.status == .notFound)
        #expect(word.status == .notFound)
        #expect(zero.status == .notFound)
    }
}

extension WebHarness {
    /// `text` as the HTML builder escapes it.
    static func htmlEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }
}
