import CertifDomain
import CertifHTTP
import CertifServices
import CertifStore
import CertifWeb
import Foundation
import Testing

@Suite("Candidate list")
struct CandidateListTests {
    /// 120 candidates of Hauts-de-France named NOM000 to NOM119, the first 40 by training
    /// and DEAF (so their deadline is six months after 15/01/2025), the others DEAF by VAE.
    private func storeHundredAndTwenty(_ web: WebHarness) throws {
        let candidates = (0..<120).map { index in
            sampleCandidate(
                String(format: "C-%03d", index),
                birthName: String(format: "NOM%03d", index),
                route: index < 40 ? .training : .vae
            )
        }
        _ = try web.store().importCandidates(candidates, actor: testActor)
    }

    @Test("list counts and paginates")
    func countsAndPaginates() async throws {
        let web = try WebHarness()
        try storeHundredAndTwenty(web)
        try await web.login("admin")

        let first = try await web.get("/candidats", as: "admin")
        let last = try await web.get("/candidats?page=3", as: "admin")

        #expect(first.status == .ok)
        #expect(first.bodyText.contains("<h1>Candidats</h1>"))
        #expect(first.bodyText.contains("120 candidats"))
        #expect(first.bodyText.contains("Page 1 sur 3"))
        #expect(first.bodyText.occurrences(of: "href=\"/candidats/C-") == 50)
        #expect(first.bodyText.contains("href=\"/candidats/C-000\""))
        #expect(first.bodyText.contains("href=\"/candidats?page=2\""))
        #expect(!first.bodyText.contains("Page précédente"))
        #expect(last.bodyText.contains("Page 3 sur 3"))
        #expect(last.bodyText.occurrences(of: "href=\"/candidats/C-") == 20)
        #expect(last.bodyText.contains("href=\"/candidats/C-119\""))
        #expect(last.bodyText.contains("href=\"/candidats?page=2\""))
        #expect(!last.bodyText.contains("Page suivante"))
    }

    @Test("pagination links keep the filters")
    func paginationKeepsFilters() async throws {
        let web = try WebHarness()
        try storeHundredAndTwenty(web)
        try await web.login("admin")

        let page = try await web.get("/candidats?voie=VAE&statut=en-attente", as: "admin")

        #expect(page.bodyText.contains("80 candidats"))
        #expect(page.bodyText.contains("Page 1 sur 2"))
        #expect(
            page.bodyText.contains("href=\"/candidats?voie=VAE&amp;statut=en-attente&amp;page=2\"")
        )
        #expect(page.bodyText.contains("<option value=\"VAE\" selected>"))
    }

    @Test("filters by route, status and deadline")
    func filtersByRouteStatusAndDeadline() async throws {
        let web = try WebHarness()
        try storeHundredAndTwenty(web)
        try web.store().schedule(["C-050", "C-051"], organizer: "32")
        try await web.login("admin")

        let training = try await web.get("/candidats?voie=formation", as: "admin")
        let scheduled = try await web.get("/candidats?statut=planifie", as: "admin")
        let waiting = try await web.get("/candidats?statut=en-attente", as: "admin")
        // VAE deadlines fall on 15/04/2025, 134 days after 02/12/2024; training ones on
        // 15/07/2025.
        let soon = try await web.get("/candidats?echeance=134", as: "admin")
        let tooSoon = try await web.get("/candidats?echeance=133", as: "admin")
        let before = try await web.get("/candidats?avant=15/04/2025", as: "admin")
        let diploma = try await web.get("/candidats?diplome=DEIS", as: "admin")

        #expect(training.bodyText.contains("40 candidats"))
        #expect(scheduled.bodyText.contains("2 candidats"))
        #expect(scheduled.bodyText.contains("Planifié ("))
        #expect(waiting.bodyText.contains("118 candidats"))
        #expect(soon.bodyText.contains("80 candidats"))
        #expect(tooSoon.bodyText.contains("0 candidat"))
        #expect(tooSoon.bodyText.contains("Aucun candidat ne correspond à ces critères."))
        #expect(before.bodyText.contains("80 candidats"))
        #expect(diploma.bodyText.contains("0 candidat"))
    }

    @Test("search ignores case and accents")
    func searchIgnoresCaseAndAccents() async throws {
        let web = try WebHarness()
        _ = try web.store().importCandidates(
            [
                sampleCandidate("C-1", birthName: "LEFÈVRE", givenNames: "Élodie"),
                sampleCandidate("C-2", birthName: "DUPONT", givenNames: "Jean"),
            ],
            actor: testActor
        )
        try await web.login("admin")

        let byName = try await web.get("/candidats?q=elodie+lefevre", as: "admin")
        let byID = try await web.get("/candidats?q=c-2", as: "admin")

        #expect(byName.bodyText.contains("1 candidat"))
        #expect(byName.bodyText.contains("href=\"/candidats/C-1\""))
        #expect(byName.bodyText.contains("value=\"elodie lefevre\""))
        #expect(byID.bodyText.contains("href=\"/candidats/C-2\""))
        #expect(!byID.bodyText.contains("href=\"/candidats/C-1\""))
    }

    @Test(
        "SQL metacharacters in the search are plain text",
        arguments: ["'; DROP TABLE candidates; --", "DU%NT", "D_PONT", "\" OR 1=1 --"]
    )
    func searchMetacharacters(_ search: String) async throws {
        let web = try WebHarness()
        _ = try web.store().importCandidates(
            [
                sampleCandidate("C-1", birthName: "DUPONT"),
                sampleCandidate("C-2", birthName: "DURAND"),
            ],
            actor: testActor
        )
        try await web.login("admin")

        let page = try await web.get("/candidats?q=" + WebHarness.percent(search), as: "admin")

        #expect(page.status == .ok)
        #expect(page.bodyText.contains("0 candidat"))
        #expect(try web.store().candidates().count == 2)
    }

    @Test(
        "invalid filters get a French message",
        arguments: [
            ("echeance=abc", "Nombre de jours invalide"),
            ("echeance=-3", "Nombre de jours invalide"),
            ("echeance=99999", "Nombre de jours invalide"),
            ("page=0", "Numéro de page invalide"),
            ("page=deux", "Numéro de page invalide"),
            ("diplome=XYZ", "Diplôme inconnu"),
            ("voie=apprentissage", "Voie d’accès inconnue"),
            ("statut=fini", "Statut inconnu"),
            ("avant=31/02/2025", "Date invalide"),
        ]
    )
    func invalidFilters(_ query: String, message: String) async throws {
        let web = try WebHarness()
        try await web.login("admin")

        let page = try await web.get("/candidats?" + query, as: "admin")

        #expect(page.status == .badRequest)
        #expect(page.bodyText.contains(message))
        #expect(page.bodyText.contains("corrigez les filtres signalés"))
    }

    @Test("page past the last one says so")
    func pagePastTheLast() async throws {
        let web = try WebHarness()
        try storeHundredAndTwenty(web)
        try await web.login("admin")

        let page = try await web.get("/candidats?page=9", as: "admin")

        #expect(page.status == .ok)
        #expect(page.bodyText.contains("la liste compte 3 pages"))
    }

    @Test("officer of 32 sees his and his sessions' candidates only")
    func officerVisibility() async throws {
        let web = try WebHarness()
        let store = try web.store()
        _ = try store.importCandidates(
            [
                sampleCandidate("HOME-32", birthName: "ALPHA", territory: "32"),
                sampleCandidate("IDF-IN-32", birthName: "BRAVO", territory: "11"),
                sampleCandidate("IDF-ALONE", birthName: "CHARLIE", territory: "11"),
                sampleCandidate("BRE-ALONE", birthName: "DELTA", territory: "53"),
            ],
            actor: testActor
        )
        try store.schedule(["IDF-IN-32"], organizer: "32")
        try await web.login("agent-hdf")
        try await web.login("agent-idf")

        let hdf = try await web.get("/candidats", as: "agent-hdf")
        let idf = try await web.get("/candidats", as: "agent-idf")

        #expect(hdf.bodyText.contains("2 candidats"))
        #expect(hdf.bodyText.contains("href=\"/candidats/HOME-32\""))
        #expect(hdf.bodyText.contains("href=\"/candidats/IDF-IN-32\""))
        #expect(!hdf.bodyText.contains("IDF-ALONE"))
        #expect(!hdf.bodyText.contains("BRE-ALONE"))
        #expect(idf.bodyText.contains("2 candidats"))
        #expect(idf.bodyText.contains("href=\"/candidats/IDF-ALONE\""))
        #expect(!idf.bodyText.contains("HOME-32"))
        for hidden in ["IDF-ALONE", "BRE-ALONE"] {
            let detail = try await web.get("/candidats/" + hidden, as: "agent-hdf")
            #expect(detail.status == .notFound)
        }
        #expect(try await web.get("/candidats/IDF-IN-32", as: "agent-hdf").status == .ok)
        #expect(try await web.get("/candidats/NOBODY", as: "agent-hdf").status == .notFound)
    }

    @Test("national reader gets 404 on every candidate page")
    func readerSeesNoCandidate() async throws {
        let web = try WebHarness()
        _ = try web.store().importCandidates([sampleCandidate("C-1")], actor: testActor)
        try await web.login("lecteur")

        for path in [
            "/candidats", "/candidats?statut=en-attente", "/candidats/C-1",
            "/candidats/C-1/modifier", "/candidats/nouveau", "/candidats/import",
        ] {
            let page = try await web.get(path, as: "lecteur")
            #expect(page.status == .notFound, "GET \(path)")
            #expect(!page.bodyText.contains("MARTIN"), "GET \(path)")
        }
    }

    @Test("write buttons appear only for those who may write")
    func writeButtons() async throws {
        let web = try WebHarness()
        try await web.login("admin")
        try await web.login("agent-hdf")

        let admin = try await web.get("/candidats", as: "admin")
        let officer = try await web.get("/candidats", as: "agent-hdf")

        #expect(admin.bodyText.contains("href=\"/candidats/nouveau\""))
        #expect(admin.bodyText.contains("href=\"/candidats/import\""))
        #expect(officer.bodyText.contains("Nouveau candidat"))
        #expect(officer.bodyText.contains("Importer un fichier"))
    }

    @Test("dashboard figures match the lists that they link")
    func dashboardLinksMatchLists() async throws {
        let web = try WebHarness()
        let store = try web.store()
        let urgent = (0..<3).map {
            sampleCandidate("URGENT-\($0)", availableFrom: "2024-09-20")
        }
        let later = (0..<4).map { sampleCandidate("LATER-\($0)") }
        _ = try store.importCandidates(urgent + later, actor: testActor)
        let sessionID = try store.schedule(["LATER-3"], organizer: "32")
        try await web.login("agent-hdf")

        let home = try await web.get("/", as: "agent-hdf")
        let waiting = try await web.get("/candidats?statut=en-attente", as: "agent-hdf")
        let near = try await web.get("/candidats?statut=en-attente&echeance=30", as: "agent-hdf")

        #expect(home.bodyText.contains("href=\"/candidats?statut=en-attente&amp;echeance=30\""))
        #expect(waiting.bodyText.contains("6 candidats"))
        #expect(near.bodyText.contains("3 candidats"))
        #expect(home.bodyText.contains("href=\"/candidats/URGENT-0\""))
        #expect(!home.bodyText.contains("href=\"/candidats/LATER-0\""))
        #expect(home.bodyText.contains("href=\"/sessions/\(Paths.segment(sessionID))\""))
    }
}
