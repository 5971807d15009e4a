import CertifAuth
import CertifDomain
import CertifHTTP
import CertifPlanning
import CertifServices
import CertifStore
import Foundation
import Testing

@Suite("Journal page")
struct JournalTests {
    /// Returns the ids of the example's candidates who live in `territory`.
    static func ids(_ candidates: [Candidate], in territory: String) -> [String] {
        candidates.filter { $0.territory.rawValue == territory }.map(\.id)
    }

    @Test("Administrator sees entries newest first")
    func administratorSeesEntries() async throws {
        let web = try WebHarness()
        let candidates = try AdminPagesFixtures.importExample(into: web)
        try await web.login("admin")
        _ = try await web.post("/referentiel/reglages", [("session-target", "18")], as: "admin")

        let page = try await web.get("/journal", as: "admin")
        let text = AdminPagesFixtures.mainText(page)

        #expect(page.status == .ok)
        #expect(page.bodyText.contains("<h1>Journal</h1>"))
        // 4 accounts, 138 candidates, 1 login and 1 settings change.
        #expect(text.contains("144 entrées"))
        #expect(text.contains("Journal, entrées 1 à 50 sur 144, page 1 sur 3"))
        let settings = try #require(text.range(of: "web:admin Réglages modifiés"))
        let login = try #require(text.range(of: "web:admin Connexion"))
        #expect(settings.lowerBound < login.lowerBound)
        #expect(text.contains("candidats par session (R1) 20 → 18"))
        #expect(page.bodyText.contains("<dl class=\"certif-changes\">"))
        #expect(page.bodyText.contains("href=\"/journal?page=2\""))
        #expect(!text.contains(candidates[0].id), "the first candidate is on the last page")
    }

    @Test("Filters narrow the entries")
    func filtersNarrowEntries() async throws {
        let web = try WebHarness()
        let candidates = try AdminPagesFixtures.importExample(into: web)
        try await web.login("admin")
        let candidate = candidates[0]
        let store = try web.store()
        var changed = candidate
        changed.usageName = "MARTIN"
        _ = try store.importCandidates([changed], actor: StoreActor(name: "cli:correction"))
        try store.close()

        let byActor = try await web.get("/journal?acteur=CORRECTION", as: "admin")
        let byAction = try await web.get("/journal?action=account.create", as: "admin")
        let byEntity = try await web.get("/journal?entite=account", as: "admin")
        let byCandidate = try await web.get(
            "/journal?candidat=" + WebHarness.percent(candidate.id),
            as: "admin"
        )
        let today = CivilDate(year: 2024, month: 12, day: 2)?.iso ?? ""
        let past = try await web.get("/journal?au=" + today, as: "admin")
        let page3 = try await web.get("/journal?page=3", as: "admin")
        let beyond = try await web.get("/journal?page=9", as: "admin")
        let absentAction = try await web.get(
            "/journal?action=national-scheme.update",
            as: "admin"
        )

        #expect(AdminPagesFixtures.mainText(byActor).contains("1 entrée"))
        #expect(AdminPagesFixtures.mainText(byActor).contains("nom d’usage"))
        #expect(AdminPagesFixtures.mainText(byActor).contains("MARTIN"))
        #expect(AdminPagesFixtures.mainText(byAction).contains("4 entrées"))
        // Four accounts created and the administrator's login.
        #expect(AdminPagesFixtures.mainText(byEntity).contains("5 entrées"))
        let history = AdminPagesFixtures.mainText(byCandidate)
        #expect(history.contains("2 entrées"))
        #expect(history.contains("Candidat modifié"))
        #expect(history.contains("Candidat ajouté"))
        #expect(byCandidate.bodyText.contains("href=\"/candidats/" + candidate.id + "\""))
        // The entries were written today, after the last day of the filter.
        #expect(AdminPagesFixtures.mainText(past).contains("0 entrée"))
        #expect(AdminPagesFixtures.mainText(past).contains("Aucune entrée ne correspond"))
        #expect(AdminPagesFixtures.mainText(page3).contains("entrées 101 à 144 sur 144"))
        #expect(AdminPagesFixtures.mainText(page3).contains(candidates[0].id))
        #expect(beyond.status == .ok)
        #expect(AdminPagesFixtures.mainText(beyond).contains("au-delà de la dernière"))
        // An action that no entry has yet stays chosen in the list.
        #expect(
            absentAction.bodyText.contains(
                "<option value=\"national-scheme.update\" selected>Dispositif national modifié"
            )
        )
        #expect(AdminPagesFixtures.mainText(absentAction).contains("0 entrée"))
    }

    @Test("Invalid filters get French errors")
    func invalidFilters() async throws {
        let web = try WebHarness()
        try await web.login("admin")

        let response = try await web.get(
            "/journal?du=31/02/2024&au=2024-13-01&page=zero&action=DROP%20TABLE",
            as: "admin"
        )
        let reversed = try await web.get("/journal?du=2024-12-02&au=2024-12-01", as: "admin")

        #expect(response.status == .badRequest)
        #expect(
            AdminPagesFixtures.fieldError("champ-du", in: response)
                == "Date invalide : indiquez une date au format JJ/MM/AAAA, comme 02/12/2024."
        )
        #expect(AdminPagesFixtures.fieldError("champ-au", in: response) != nil)
        // The page number has no field of its own, so the summary carries its message.
        #expect(AdminPagesFixtures.mainText(response).contains("Numéro de page invalide"))
        #expect(AdminPagesFixtures.mainText(response).contains("Corrigez les filtres"))
        #expect(AdminPagesFixtures.fieldError("champ-action", in: response) != nil)
        #expect(!response.bodyText.contains("<table"))
        #expect(reversed.status == .badRequest)
        #expect(
            AdminPagesFixtures.fieldError("champ-au", in: reversed)
                == "La date de fin (01/12/2024) précède la date de début (02/12/2024)."
        )
    }

    @Test("Officer never sees another territory's candidates")
    func officerSeesOwnTerritoryOnly() async throws {
        let web = try WebHarness()
        let candidates = try AdminPagesFixtures.importExample(into: web)
        let own = Self.ids(candidates, in: "32")
        let other = Self.ids(candidates, in: "11")
        try #require(!own.isEmpty)
        try #require(!other.isEmpty)
        try await web.login("agent-idf")
        try await web.login("agent-hdf")
        try await web.login("admin")
        _ = try await web.post("/referentiel/reglages", [("session-target", "18")], as: "admin")

        var seen = ""
        var page = 1
        while true {
            let response = try await web.get("/journal?page=\(page)", as: "agent-hdf")
            #expect(response.status == .ok)
            seen += AdminPagesFixtures.mainText(response)
            guard response.bodyText.contains("fr-pagination__link--next") else { break }
            page += 1
        }
        let filtered = try await web.get(
            "/journal?candidat=" + WebHarness.percent(other[0]),
            as: "agent-hdf"
        )

        for id in other {
            #expect(!seen.contains(id), "\(id) lives in Île-de-France")
        }
        for id in own {
            #expect(seen.contains(id), "\(id) lives in Hauts-de-France")
        }
        // His candidates' insertions, his login and the creation of his account.
        #expect(seen.contains("\(own.count + 2) entrées"))
        #expect(seen.contains("web:agent-hdf Connexion"))
        #expect(!seen.contains("web:agent-idf"))
        #expect(!seen.contains("Réglages modifiés"))
        #expect(AdminPagesFixtures.mainText(filtered).contains("0 entrée"))
    }

    @Test("Officer sees his organised sessions only")
    func officerSeesOrganisedSessions() throws {
        let web = try WebHarness()
        let store = try web.store()
        let actor = StoreActor(name: "cli:calendar")
        let day = try #require(CivilDate(year: 2025, month: 3, day: 4))
        for (id, organizer) in [("CAL-32", "32"), ("CAL-11", "11"), ("CAL-32-OLD", "32")] {
            try store.addCalendarSession(
                FixedSession(
                    id: id,
                    diploma: DiplomaCode("DEAF"),
                    organizer: TerritoryCode(organizer),
                    days: [FixedSession.Day(date: day, commissions: 1, candidates: [])]
                ),
                actor: actor
            )
        }
        try store.releaseSession(id: "CAL-32-OLD", actor: actor)
        let officer = try #require(try store.account(login: "agent-hdf")).account
        let services = CertifServices(
            store: store,
            account: officer,
            reference: try ReferenceData.bundled(),
            channel: .web
        )

        let entries = try services.journal(JournalQuery(entity: "session")).entries

        // A released session still counts through its JSON before the change.
        #expect(entries.map(\.entityID) == ["CAL-32-OLD", "CAL-32-OLD", "CAL-32"])
        #expect(entries.map(\.action) == [.sessionRelease, .sessionCreate, .sessionCreate])
    }

    @Test("Reader gets 404")
    func readerGetsNotFound() async throws {
        let web = try WebHarness()
        try await web.login("lecteur")

        let response = try await web.get("/journal", as: "lecteur")
        let filtered = try await web.get("/journal?candidat=X", as: "lecteur")

        #expect(response.status == .notFound)
        #expect(filtered.status == .notFound)
    }

    @Test("Candidate history checks visibility")
    func candidateHistoryChecksVisibility() throws {
        let web = try WebHarness()
        let candidates = try AdminPagesFixtures.importExample(into: web)
        let store = try web.store()
        let own = try #require(Self.ids(candidates, in: "32").first)
        let other = try #require(Self.ids(candidates, in: "11").first)
        func services(_ login: String) throws -> CertifServices {
            CertifServices(
                store: store,
                account: try #require(try store.account(login: login)).account,
                reference: try ReferenceData.bundled(),
                channel: .web
            )
        }

        let history = try services("agent-hdf").candidateHistory(id: own)

        #expect(history.map(\.action) == [.candidateInsert])
        #expect(history.first?.entityID == own)
        #expect(throws: ServiceError.self) {
            try services("agent-hdf").candidateHistory(id: other)
        }
        #expect(throws: ServiceError.self) {
            try services("lecteur").candidateHistory(id: own)
        }
        #expect(throws: ServiceError.self) {
            try services("admin").candidateHistory(id: "nobody")
        }
        #expect(try services("admin").candidateHistory(id: other).count == 1)
    }

    @Test("Changed fields are escaped")
    func changedFieldsEscaped() async throws {
        let web = try WebHarness()
        let candidates = try AdminPagesFixtures.importExample(into: web)
        var changed = candidates[0]
        changed.usageName = "<script>alert('x')</script>"
        let store = try web.store()
        _ = try store.importCandidates([changed], actor: StoreActor(name: "<b>cli</b>"))
        try store.close()
        try await web.login("admin")

        let page = try await web.get("/journal?action=candidate.update", as: "admin")

        #expect(page.status == .ok)
        #expect(!page.bodyText.contains("<script>alert"))
        #expect(!page.bodyText.contains("<b>cli</b>"))
        #expect(page.bodyText.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(page.bodyText.contains("&lt;b&gt;cli&lt;/b&gt;"))
    }

    @Test("Audit changes flatten nested JSON")
    func auditChangesFlatten() {
        let changes = CertifServices.auditChanges(
            before: #"{"a":1,"list":["x","y"],"nested":{"k":true},"rules":[{"o":"52"}]}"#,
            after: #"{"a":1,"list":["x"],"nested":{"k":false},"rules":[{"o":"32"}],"n":null}"#
        )

        #expect(changes.map(\.path) == [["list"], ["nested", "k"], ["rules", "1", "o"]])
        #expect(changes.map(\.before) == ["x, y", "oui", "52"])
        #expect(changes.map(\.after) == ["x", "non", "32"])
        #expect(CertifServices.auditChanges(before: nil, after: #"{"b":2}"#).first?.after == "2")
        let role = CertifServices.auditChanges(
            before: #"{"role":{"nationalReader":{}}}"#,
            after: #"{"role":{"regionalOfficer":{"territory":"32"}}}"#
        )
        #expect(
            role.map(\.path) == [
                ["role", "nationalReader"], ["role", "regionalOfficer", "territory"],
            ]
        )
        #expect(role.map(\.before) == ["oui", nil])
        #expect(role.map(\.after) == [nil, "32"])
        #expect(
            CertifServices.auditChanges(before: "not json", after: nil).first?.before == "not json"
        )
    }
}
