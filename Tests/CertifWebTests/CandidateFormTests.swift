import CertifDomain
import CertifHTTP
import CertifStore
import Foundation
import Testing

@Suite("Candidate form")
struct CandidateFormTests {
    /// The fields of a valid candidate of Hauts-de-France.
    static let validFields: [(String, String)] = [
        ("identifiant", "HDF-2025-001"),
        ("nom_naissance", "DUPONT"),
        ("nom_usage", ""),
        ("prenoms", "Jeanne Marie"),
        ("date_naissance", "14/03/1979"),
        ("diplome", "DEAF"),
        ("voie", "VAE"),
        ("territoire", "32"),
        ("disponible_le", "2025-01-06"),
        ("date_limite", ""),
        ("distanciel", "oui"),
        ("majoration", "0"),
    ]

    static func fields(_ changes: [String: String]) -> [(String, String)] {
        validFields.map { name, value in (name, changes[name] ?? value) }
    }

    @Test("valid form creates the candidate with its audit entry")
    func createsCandidate() async throws {
        let web = try WebHarness()
        try await web.login("agent-hdf")

        let form = try await web.get("/candidats/nouveau", as: "agent-hdf")
        let response = try await web.post(
            "/candidats/nouveau",
            Self.validFields,
            as: "agent-hdf"
        )

        #expect(form.status == .ok)
        #expect(form.bodyText.contains("<h1>Nouveau candidat</h1>"))
        #expect(form.bodyText.contains("<label for=\"champ-nom_naissance\""))
        #expect(response.status == .seeOther)
        #expect(response.headers["Location"] == "/candidats/HDF-2025-001")
        let stored = try #require(try web.store().candidate(id: "HDF-2025-001"))
        #expect(stored.birthName == "DUPONT")
        #expect(stored.availableFrom == CivilDate(year: 2025, month: 1, day: 6))
        let entry = try #require(try web.store().auditLog(limit: 1).first)
        #expect(entry.action == .candidateInsert)
        #expect(entry.actor == "web:agent-hdf")
        let page = try await web.get("/candidats/HDF-2025-001", as: "agent-hdf")
        #expect(page.bodyText.contains("Le candidat a été créé."))
        #expect(page.bodyText.contains("06/04/2025"))
    }

    @Test("errors show next to their fields and keep the values")
    func errorsNextToFields() async throws {
        let web = try WebHarness()
        try await web.login("agent-hdf")

        let response = try await web.post(
            "/candidats/nouveau",
            Self.fields([
                "date_naissance": "31/02/1979",
                "diplome": "",
                "prenoms": "Jeanne Marie",
                "majoration": "150",
                "date_limite": "2024-12-01",
            ]),
            as: "agent-hdf"
        )
        let html = response.bodyText

        #expect(response.status == .unprocessableContent)
        #expect(html.contains("value=\"DUPONT\""))
        #expect(html.contains("value=\"Jeanne Marie\""))
        #expect(html.contains("value=\"31/02/1979\""))
        #expect(html.contains("id=\"champ-date_naissance-erreur\""))
        #expect(html.contains("Ce jour n&#39;existe pas"))
        #expect(html.contains("id=\"champ-diplome-erreur\""))
        #expect(html.contains("Valeur obligatoire manquante"))
        #expect(html.contains("id=\"champ-majoration-erreur\""))
        #expect(html.contains("Majoration invalide"))
        #expect(html.contains("id=\"champ-date_limite-erreur\""))
        #expect(html.contains("La date limite précède la date de disponibilité"))
        #expect(html.contains("aria-describedby=\"champ-diplome-erreur\""))
        #expect(html.contains("href=\"#champ-date_naissance\""))
        #expect(!html.contains("id=\"champ-nom_naissance-erreur\""))
        #expect(try web.store().candidates().isEmpty)
    }

    @Test("officer cannot create a candidate of another territory")
    func officerOtherTerritoryRejected() async throws {
        let web = try WebHarness()
        try await web.login("agent-hdf")

        let response = try await web.post(
            "/candidats/nouveau",
            Self.fields(["territoire": "11"]),
            as: "agent-hdf"
        )

        #expect(response.status == .unprocessableContent)
        #expect(response.bodyText.contains("id=\"champ-territoire-erreur\""))
        #expect(response.bodyText.contains("Île-de-France (11)"))
        #expect(try web.store().candidates().isEmpty)
    }

    @Test("taken identifier is an error on its field")
    func takenIdentifier() async throws {
        let web = try WebHarness()
        _ = try web.store().importCandidates(
            [sampleCandidate("HDF-2025-001", birthName: "AUTRE")],
            actor: testActor
        )
        try await web.login("agent-hdf")

        let response = try await web.post("/candidats/nouveau", Self.validFields, as: "agent-hdf")

        #expect(response.status == .unprocessableContent)
        #expect(response.bodyText.contains("id=\"champ-identifiant-erreur\""))
        #expect(try web.store().candidate(id: "HDF-2025-001")?.birthName == "AUTRE")
    }

    @Test("form without CSRF token is rejected")
    func missingCSRFRejected() async throws {
        let web = try WebHarness()
        try await web.login("admin")

        let response = try await web.post(
            "/candidats/nouveau",
            Self.validFields,
            as: "admin",
            csrf: false
        )

        #expect(response.status == .forbidden)
        #expect(try web.store().candidates().isEmpty)
    }

    @Test("edit is audited with before and after")
    func editAudited() async throws {
        let web = try WebHarness()
        _ = try web.store().importCandidates(
            [sampleCandidate("C-1", birthName: "DUPONT")],
            actor: testActor
        )
        try await web.login("agent-hdf")

        let form = try await web.get("/candidats/C-1/modifier", as: "agent-hdf")
        var fields = Self.fields(["nom_naissance": "DURAND", "date_naissance": "02/06/1985"])
        fields.removeAll { $0.0 == "identifiant" }
        fields = fields.map { name, value in
            (name, name == "disponible_le" ? "15/01/2025" : value)
        }
        let response = try await web.post("/candidats/C-1/modifier", fields, as: "agent-hdf")

        #expect(form.status == .ok)
        #expect(form.bodyText.contains("value=\"DUPONT\""))
        #expect(form.bodyText.contains("value=\"02/06/1985\""))
        #expect(response.status == .seeOther)
        #expect(response.headers["Location"] == "/candidats/C-1")
        #expect(try web.store().candidate(id: "C-1")?.birthName == "DURAND")
        let entry = try #require(try web.store().auditLog(limit: 1).first)
        #expect(entry.action == .candidateUpdate)
        #expect(entry.entityID == "C-1")
        #expect(entry.before?.contains("\"birthName\":\"DUPONT\"") == true)
        #expect(entry.after?.contains("\"birthName\":\"DURAND\"") == true)
        let page = try await web.get("/candidats/C-1", as: "agent-hdf")
        #expect(page.bodyText.contains("Nom de naissance : DUPONT → DURAND"))
        #expect(page.bodyText.contains("web:agent-hdf"))
    }

    @Test("edit page of a candidate one may only see is not found")
    func editOfVisibleOnlyNotFound() async throws {
        let web = try WebHarness()
        let store = try web.store()
        _ = try store.importCandidates(
            [sampleCandidate("IDF-1", territory: "11")],
            actor: testActor
        )
        try store.schedule(["IDF-1"], organizer: "32")
        try await web.login("agent-hdf")

        let form = try await web.get("/candidats/IDF-1/modifier", as: "agent-hdf")
        let post = try await web.post(
            "/candidats/IDF-1/modifier",
            Self.fields(["territoire": "11"]),
            as: "agent-hdf"
        )

        #expect(form.status == .notFound)
        #expect(post.status == .notFound)
        #expect(try web.store().candidate(id: "IDF-1")?.birthName == "MARTIN")
    }

    @Test("officer cannot move his candidate to another territory")
    func officerCannotMoveCandidate() async throws {
        let web = try WebHarness()
        _ = try web.store().importCandidates([sampleCandidate("C-1")], actor: testActor)
        try await web.login("agent-hdf")

        let response = try await web.post(
            "/candidats/C-1/modifier",
            Self.fields(["territoire": "11"]),
            as: "agent-hdf"
        )

        #expect(response.status == .unprocessableContent)
        #expect(response.bodyText.contains("id=\"champ-territoire-erreur\""))
        #expect(try web.store().candidate(id: "C-1")?.territory == TerritoryCode("32"))
    }

    @Test("script payloads in every text field are shown escaped")
    func scriptPayloadsEscaped() async throws {
        let web = try WebHarness()
        try await web.login("admin")
        let payloads = ["<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>"]

        for payload in payloads {
            let rejected = try await web.post(
                "/candidats/nouveau",
                Self.fields([
                    "identifiant": payload, "nom_naissance": payload, "nom_usage": payload,
                    "prenoms": payload, "date_naissance": payload, "diplome": payload,
                    "voie": payload, "territoire": payload, "disponible_le": payload,
                    "date_limite": payload, "distanciel": payload, "majoration": payload,
                ]),
                as: "admin"
            )
            #expect(rejected.status == .unprocessableContent)
            #expect(!rejected.bodyText.contains("<script>alert"))
            #expect(!rejected.bodyText.contains("<img src=x"))
            #expect(rejected.bodyText.contains("&lt;"))

            let created = try await web.post(
                "/candidats/nouveau",
                Self.fields([
                    "identifiant": "X-\(payload.count)", "nom_naissance": payload,
                    "nom_usage": payload, "prenoms": payload,
                ]),
                as: "admin"
            )
            #expect(created.status == .seeOther)
            for path in [
                "/candidats/X-\(payload.count)", "/candidats",
                "/candidats?q=" + WebHarness.percent(payload),
                "/candidats/X-\(payload.count)/modifier",
            ] {
                let page = try await web.get(path, as: "admin")
                #expect(!page.bodyText.contains("<script>alert"), "GET \(path)")
                #expect(!page.bodyText.contains("<img src=x"), "GET \(path)")
            }
        }
        let detail = try await web.get("/candidats/X-25", as: "admin")
        #expect(detail.bodyText.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }
}
