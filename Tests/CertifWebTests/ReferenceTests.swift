import CertifDomain
import CertifHTTP
import CertifStore
import Foundation
import Testing

@Suite("Référentiel pages")
struct ReferenceTests {
    /// Every route of the Référentiel, with the fields that a valid request would send.
    static let routes: [(method: HTTPMethod, path: String, fields: [(String, String)])] = [
        (.get, "/referentiel", []),
        (
            .post, "/referentiel/dispositif/DEAF/VAE",
            [("organisateur", "32"), ("portee", "tout")]
        ),
        (.post, "/referentiel/reglages", [("session-target", "15")]),
    ]

    @Test("Administrator sees every part of the reference data")
    func pageShowsReferenceData() async throws {
        let web = try WebHarness()
        try await web.login("admin")

        let page = try await web.get("/referentiel", as: "admin")
        let text = AdminPagesFixtures.mainText(page)

        #expect(page.status == .ok)
        #expect(page.bodyText.contains("<h1>Référentiel</h1>"))
        #expect(text.contains("32 Hauts-de-France DREETS Hauts-de-France Lille Europe/Paris"))
        #expect(text.contains("Fériés nationaux ; Vendredi saint, Saint-Étienne"))
        #expect(text.contains("America/Miquelon"))
        #expect(text.contains("Polynésie française"))
        #expect(text.contains("Version 2025, depuis le 01/04/2025 : niveau 4, 4 blocs"))
        #expect(text.contains("Entretien de 60 minutes, commission de 2 examinateurs"))
        #expect(
            text.contains("DEAF VAE Tout le territoire DREETS Pays de la Loire Livré avec Certif")
        )
        #expect(text.contains("session-target 20 R1 : candidats qu’une session devrait réunir"))
        #expect(text.contains("pooling all : chaque organisateur accepte tous les autres"))
        #expect(page.bodyText.contains("action=\"/referentiel/dispositif/DEIS/VAE\""))
        #expect(page.bodyText.contains("action=\"/referentiel/reglages\""))
        #expect(page.bodyText.contains("<caption>Territoires servis par Certif"))
    }

    @Test("Officer and reader get 404 on every route", arguments: ["agent-hdf", "lecteur"])
    func otherRolesGetNotFound(login: String) async throws {
        let web = try WebHarness()
        try await web.login(login)

        for route in Self.routes {
            let response: HTTPResponse
            if route.method == .get {
                response = try await web.get(route.path, as: login)
            } else {
                response = try await web.post(route.path, route.fields, as: login)
            }
            #expect(response.status == .notFound, "\(route.method) \(route.path) as \(login)")
        }

        let store = try web.store()
        #expect(try store.nationalSchemeOverrides().isEmpty)
        #expect(try store.settings() == Settings())
        let actions = try store.auditLog().map(\.action)
        #expect(!actions.contains(.settingsUpdate))
        #expect(!actions.contains(.nationalSchemeUpdate))
    }

    @Test("Scheme change is audited and shown")
    func schemeChangeAudited() async throws {
        let web = try WebHarness()
        try await web.login("admin")

        let response = try await web.post(
            "/referentiel/dispositif/DEAF/VAE",
            [
                ("organisateur", "32"), ("portee", "liste"), ("territoires", "11"),
                ("territoires", "32"),
            ],
            as: "admin"
        )
        let page = try await web.get("/referentiel", as: "admin")

        #expect(response.status == .seeOther)
        #expect(response.headers["Location"] == "/referentiel#dispositif-DEAF-VAE")
        let text = AdminPagesFixtures.mainText(page)
        #expect(text.contains("Dispositif national du DEAF, voie VAE enregistré"))
        #expect(
            text.contains(
                "DEAF VAE Hauts-de-France, Île-de-France DREETS Hauts-de-France Modifié le"
            )
        )
        let store = try web.store()
        let overrides = try store.nationalSchemeOverrides()
        #expect(overrides.count == 1)
        #expect(overrides.first?.rules.first?.organizer == TerritoryCode("32"))
        #expect(
            overrides.first?.rules.first?.homeTerritories == [
                TerritoryCode("32"), TerritoryCode("11"),
            ]
        )
        #expect(overrides.first?.updatedBy == "web:admin")
        let entry = try #require(
            try store.auditLog().first { $0.action == .nationalSchemeUpdate }
        )
        #expect(entry.actor == "web:admin")
        #expect(entry.entityID == "DEAF/VAE")
        #expect(entry.before == #"{"rules":[{"organizer":"52"}]}"#)
        #expect(entry.after == #"{"rules":[{"homeTerritories":["32","11"],"organizer":"32"}]}"#)
    }

    @Test("Same scheme twice writes once")
    func unchangedSchemeWritesNothing() async throws {
        let web = try WebHarness()
        try await web.login("admin")
        let fields = [("organisateur", "44"), ("portee", "tout")]

        _ = try await web.post("/referentiel/dispositif/DEIS/VAE", fields, as: "admin")
        let again = try await web.post("/referentiel/dispositif/DEIS/VAE", fields, as: "admin")
        let page = try await web.get("/referentiel", as: "admin")

        #expect(again.status == .seeOther)
        #expect(AdminPagesFixtures.mainText(page).contains("inchangé"))
        let store = try web.store()
        #expect(try store.nationalSchemeOverrides().isEmpty)
        #expect(try !store.auditLog().contains { $0.action == .nationalSchemeUpdate })
    }

    @Test("Shipped rules again remove the override")
    func shippedRulesRemoveOverride() async throws {
        let web = try WebHarness()
        try await web.login("admin")

        _ = try await web.post(
            "/referentiel/dispositif/DEMF/VAE",
            [("organisateur", "11"), ("portee", "tout")],
            as: "admin"
        )
        let changed = try web.store().nationalSchemeOverrides()
        _ = try await web.post(
            "/referentiel/dispositif/DEMF/VAE",
            [("organisateur", "75"), ("portee", "tout")],
            as: "admin"
        )

        #expect(changed.count == 1)
        let store = try web.store()
        #expect(try store.nationalSchemeOverrides().isEmpty)
        let entries = try store.auditLog().filter { $0.action == .nationalSchemeUpdate }
        #expect(entries.count == 2)
        #expect(entries.first?.after == #"{"rules":[{"organizer":"75"}]}"#)
    }

    @Test("No organiser takes the diploma out")
    func emptyOrganizerRemovesDiploma() async throws {
        let web = try WebHarness()
        try await web.login("admin")

        let response = try await web.post(
            "/referentiel/dispositif/DEIS/VAE",
            [("organisateur", ""), ("portee", "tout")],
            as: "admin"
        )
        let page = try await web.get("/referentiel", as: "admin")

        #expect(response.status == .seeOther)
        let store = try web.store()
        let scheme = try store.effectiveScheme(shipped: try ReferenceData.bundled().scheme)
        #expect(!scheme.rules.contains { $0.diploma == DiplomaCode("DEIS") })
        #expect(scheme.rules.count == 3)
        #expect(
            AdminPagesFixtures.mainText(page).contains(
                "Sortis du dispositif livré avec Certif : DEIS (VAE)."
            )
        )
    }

    @Test("Invalid scheme values get field errors")
    func invalidSchemeValues() async throws {
        let web = try WebHarness()
        try await web.login("admin")
        let prefix = "dispositif-DETISF-VAE"

        let unknownOrganizer = try await web.post(
            "/referentiel/dispositif/DETISF/VAE",
            [("organisateur", "99"), ("portee", "tout")],
            as: "admin"
        )
        let emptyList = try await web.post(
            "/referentiel/dispositif/DETISF/VAE",
            [("organisateur", "76"), ("portee", "liste")],
            as: "admin"
        )
        let unknownHome = try await web.post(
            "/referentiel/dispositif/DETISF/VAE",
            [("organisateur", "76"), ("portee", "liste"), ("territoires", "987")],
            as: "admin"
        )
        let noCoverage = try await web.post(
            "/referentiel/dispositif/DETISF/VAE",
            [("organisateur", "76"), ("territoires", "84")],
            as: "admin"
        )
        let unknownDiploma = try await web.post(
            "/referentiel/dispositif/DEXX/VAE",
            [("organisateur", "76"), ("portee", "tout")],
            as: "admin"
        )
        let unknownRoute = try await web.post(
            "/referentiel/dispositif/DEAF/apprentissage",
            [("organisateur", "76"), ("portee", "tout")],
            as: "admin"
        )

        #expect(unknownOrganizer.status == .unprocessableContent)
        #expect(
            AdminPagesFixtures.fieldError(prefix + "-organisateur", in: unknownOrganizer)
                == "Le territoire « 99 » n’est pas servi par Certif : choisissez l’organisateur "
                + "dans la liste."
        )
        #expect(unknownOrganizer.bodyText.contains("id=\"\(prefix)\" class=\"fr-mb-2w\" open"))
        #expect(emptyList.status == .unprocessableContent)
        #expect(
            AdminPagesFixtures.groupError(prefix + "-territoires", in: emptyList)
                == "Cochez au moins un territoire de domiciliation, ou choisissez tout le "
                + "territoire."
        )
        // The values typed are kept: the list coverage stays checked.
        #expect(
            emptyList.bodyText.contains(
                "id=\"\(prefix)-portee-liste\" name=\"portee\" value=\"liste\" checked"
            )
        )
        #expect(
            AdminPagesFixtures.groupError(prefix + "-territoires", in: unknownHome)?.contains(
                "« 987 » n’est pas servi"
            ) == true
        )
        #expect(noCoverage.status == .unprocessableContent)
        #expect(AdminPagesFixtures.groupError(prefix + "-portee", in: noCoverage) != nil)
        #expect(
            noCoverage.bodyText.contains(
                "id=\"\(prefix)-territoires-84\" name=\"territoires\" value=\"84\" checked"
            )
        )
        #expect(unknownDiploma.status == .notFound)
        #expect(unknownRoute.status == .notFound)
        #expect(try web.store().nationalSchemeOverrides().isEmpty)
    }

    @Test("Settings change is saved and audited")
    func settingsChangeSaved() async throws {
        let web = try WebHarness()
        try await web.login("admin")

        let response = try await web.post(
            "/referentiel/reglages",
            [
                ("session-target", "15"), ("day-start", "08:30"),
                ("vae-delay-reading", "fin-de-mois"), ("pooling", "52:11,32 76:-"),
            ],
            as: "admin"
        )

        #expect(response.status == .seeOther)
        let settings = try web.store().settings()
        #expect(settings.sessionTarget == 15)
        #expect(settings.dayStartMinutes == 8 * 60 + 30)
        #expect(settings.vaeDelayReading == .endOfMonth)
        #expect(
            settings.voluntaryPooling.accepted == [
                TerritoryCode("52"): [TerritoryCode("11"), TerritoryCode("32")],
                TerritoryCode("76"): [],
            ]
        )
        #expect(settings.dayMinimum == Settings().dayMinimum)
        let entry = try #require(try web.store().auditLog().first)
        #expect(entry.action == .settingsUpdate)
        #expect(entry.actor == "web:admin")
        let page = try await web.get("/referentiel", as: "admin")
        #expect(AdminPagesFixtures.mainText(page).contains("pooling 52:11,32 76:-"))
    }

    @Test("Invalid settings get field errors")
    func invalidSettings() async throws {
        let web = try WebHarness()
        try await web.login("admin")

        let response = try await web.post(
            "/referentiel/reglages",
            [
                ("session-target", "vingt"), ("lunch-minutes", "-5"), ("pooling", "52:99"),
                ("office-opens", "25:00"), ("vae-delay-reading", "trois-mois"),
                ("day-minimum", ""),
            ],
            as: "admin"
        )
        let inconsistent = try await web.post(
            "/referentiel/reglages",
            [("day-start", "23:00")],
            as: "admin"
        )

        #expect(response.status == .unprocessableContent)
        #expect(
            AdminPagesFixtures.fieldError("reglage-session-target", in: response)
                == "Valeur invalide : nombre entier de 1 à 500 attendu."
        )
        #expect(
            AdminPagesFixtures.fieldError("reglage-lunch-minutes", in: response)
                == "Valeur invalide : nombre entier de 0 à 180 attendu."
        )
        #expect(
            AdminPagesFixtures.fieldError("reglage-pooling", in: response)?.hasPrefix(
                "Le territoire « 99 » n’est pas un territoire servi par Certif"
            ) == true
        )
        #expect(AdminPagesFixtures.fieldError("reglage-office-opens", in: response) != nil)
        #expect(AdminPagesFixtures.fieldError("reglage-vae-delay-reading", in: response) != nil)
        #expect(
            AdminPagesFixtures.fieldError("reglage-day-minimum", in: response)?.hasPrefix(
                "Indiquez une valeur"
            ) == true
        )
        #expect(AdminPagesFixtures.fieldError("reglage-day-length-minutes", in: response) == nil)
        #expect(
            response.bodyText.contains(
                "id=\"reglage-session-target\" name=\"session-target\" value=\"vingt\""
            )
        )
        #expect(response.bodyText.contains("value=\"52:99\""))
        #expect(response.bodyText.contains("<details id=\"reglages-formulaire\" open>"))
        #expect(inconsistent.status == .unprocessableContent)
        #expect(
            AdminPagesFixtures.fieldError("reglage-day-start", in: inconsistent)?.contains(
                "finit après minuit"
            ) == true
        )
        let store = try web.store()
        #expect(try store.settings() == Settings())
        #expect(try !store.auditLog().contains { $0.action == .settingsUpdate })
    }

    @Test("Forms without CSRF token get 403")
    func missingCSRFToken() async throws {
        let web = try WebHarness()
        try await web.login("admin")

        for route in Self.routes where route.method == .post {
            let response = try await web.post(route.path, route.fields, as: "admin", csrf: false)
            #expect(response.status == .forbidden, "POST \(route.path)")
        }

        let store = try web.store()
        #expect(try store.nationalSchemeOverrides().isEmpty)
        #expect(try store.settings() == Settings())
    }
}
