import CertifAuth
import CertifDomain
import CertifHTTP
import CertifStore
import Foundation
import Testing

@Suite("Comptes pages")
struct AccountsTests {
    /// Returns the id of the account `login` in the harness's database.
    static func id(of login: String, in web: WebHarness) throws -> AccountID {
        try #require(try web.store().account(login: login)).account.id
    }

    /// Returns the text of the first `<code class="certif-secret">` of the page.
    static func secret(in response: HTTPResponse) -> String? {
        let html = response.bodyText
        guard let start = html.range(of: "<code class=\"certif-secret\">") else {
            return nil
        }
        return String(html[start.upperBound...].prefix { $0 != "<" })
    }

    static let newAccount: [(String, String)] = [
        ("identifiant", "Marie.Dupont"), ("nom", "Marie Dupont"), ("role", "agent-regional"),
        ("territoire", "53"),
    ]

    @Test("Officer and reader get 404 on every route", arguments: ["agent-hdf", "lecteur"])
    func otherRolesGetNotFound(login: String) async throws {
        let web = try WebHarness()
        try await web.login(login)
        let admin = try Self.id(of: "admin", in: web).rawValue
        let gets = ["/comptes", "/comptes/nouveau", "/comptes/\(admin)/jetons"]
        let posts: [(String, [(String, String)])] = [
            ("/comptes/nouveau", Self.newAccount),
            ("/comptes/\(admin)/desactiver", []),
            ("/comptes/\(admin)/activer", []),
            ("/comptes/\(admin)/mot-de-passe", []),
            ("/comptes/\(admin)/jetons", [("nom", "ASP")]),
            ("/comptes/\(admin)/jetons/1/revoquer", []),
        ]

        for path in gets {
            let response = try await web.get(path, as: login)
            #expect(response.status == .notFound, "GET \(path) as \(login)")
        }
        for (path, fields) in posts {
            let response = try await web.post(path, fields, as: login)
            #expect(response.status == .notFound, "POST \(path) as \(login)")
        }

        let store = try web.store()
        #expect(try store.accountCount() == 4)
        #expect(try store.apiTokens().isEmpty)
        #expect(try store.account(id: AccountID(admin))?.isActive == true)
    }

    @Test("List shows every account with its last login")
    func listShowsAccounts() async throws {
        let web = try WebHarness()
        try await web.login("agent-hdf")
        try await web.login("admin")

        let page = try await web.get("/comptes", as: "admin")
        let text = AdminPagesFixtures.mainText(page)

        #expect(page.status == .ok)
        #expect(page.bodyText.contains("<h1>Comptes</h1>"))
        #expect(text.contains("agent-hdf Hélène Nord Agent de certification Hauts-de-France Actif"))
        #expect(
            text.contains("agent-idf Ivan Paris Agent de certification Île-de-France Actif Jamais")
        )
        #expect(text.contains("lecteur Louis Lecteur Lecteur national — Actif Jamais"))
        #expect(
            !text.contains(
                "agent-hdf Hélène Nord Agent de certification Hauts-de-France Actif Jamais"
            )
        )
        #expect(page.bodyText.contains("<caption>Comptes de Certif, par identifiant</caption>"))
    }

    @Test("Created account's password shows once")
    func creationShowsPasswordOnce() async throws {
        let web = try WebHarness()
        try await web.login("admin")

        let created = try await web.post("/comptes/nouveau", Self.newAccount, as: "admin")
        let password = try #require(Self.secret(in: created))
        let form = try await web.get("/comptes/nouveau", as: "admin")
        let list = try await web.get("/comptes", as: "admin")
        let login = try await web.login("marie.dupont", password: password)

        #expect(created.status == .ok)
        #expect(created.bodyText.contains("<h1>Compte créé</h1>"))
        #expect(created.headers["Cache-Control"] == "no-store")
        #expect(password.count == 23)
        #expect(!form.bodyText.contains(password))
        #expect(!list.bodyText.contains(password))
        #expect(AdminPagesFixtures.mainText(list).contains("marie.dupont Marie Dupont"))
        #expect(login.status == .seeOther)
        let store = try web.store()
        let stored = try #require(try store.account(login: "marie.dupont"))
        #expect(stored.account.role == .regionalOfficer(territory: TerritoryCode("53")))
        #expect(stored.passwordHash.hasPrefix("$argon2id$"))
        #expect(!stored.passwordHash.contains(password))
        let entry = try #require(try store.auditLog().first { $0.action == .accountCreate })
        #expect(entry.actor == "web:admin")
        #expect(entry.after?.contains(password) == false)
    }

    @Test("Invalid account gets field errors")
    func invalidAccount() async throws {
        let web = try WebHarness()
        try await web.login("admin")

        let response = try await web.post(
            "/comptes/nouveau",
            [
                ("identifiant", "marie dupont"), ("nom", "  "), ("role", "agent-regional"),
                ("territoire", ""),
            ],
            as: "admin"
        )
        let taken = try await web.post(
            "/comptes/nouveau",
            [("identifiant", " AGENT-HDF "), ("nom", "Autre"), ("role", "lecteur-national")],
            as: "admin"
        )
        let noRole = try await web.post(
            "/comptes/nouveau",
            [("identifiant", "x.y"), ("nom", "X Y"), ("territoire", "99")],
            as: "admin"
        )
        let unknownTerritory = try await web.post(
            "/comptes/nouveau",
            [
                ("identifiant", "x.y"), ("nom", "X Y"), ("role", "agent-regional"),
                ("territoire", "987"),
            ],
            as: "admin"
        )

        #expect(response.status == .unprocessableContent)
        #expect(
            AdminPagesFixtures.fieldError("champ-identifiant", in: response)?.hasPrefix(
                "L’identifiant ne doit contenir ni espace"
            ) == true
        )
        #expect(
            AdminPagesFixtures.fieldError("champ-nom", in: response)
                == "Indiquez le nom de la personne, comme Marie Dupont."
        )
        #expect(
            AdminPagesFixtures.fieldError("champ-territoire", in: response)
                == "Choisissez le territoire du service de l’agent."
        )
        #expect(response.bodyText.contains("value=\"marie dupont\""))
        #expect(
            response.bodyText.contains(
                "id=\"compte-role-agent-regional\" name=\"role\" value=\"agent-regional\" checked"
            )
        )
        #expect(
            AdminPagesFixtures.fieldError("champ-identifiant", in: taken)
                == "Un autre compte a déjà l’identifiant « agent-hdf » : choisissez-en un autre."
        )
        #expect(
            AdminPagesFixtures.groupError("compte-role", in: noRole)
                == "Choisissez le rôle du compte."
        )
        #expect(
            AdminPagesFixtures.fieldError("champ-territoire", in: unknownTerritory)?.hasPrefix(
                "Le territoire « 987 » n’est pas servi"
            ) == true
        )
        #expect(try web.store().accountCount() == 4)
    }

    @Test("Last administrator cannot be deactivated")
    func lastAdministratorStays() async throws {
        let web = try WebHarness()
        try await web.login("admin")
        let admin = try Self.id(of: "admin", in: web)

        let response = try await web.post("/comptes/\(admin)/desactiver", [], as: "admin")

        #expect(response.status == .conflict)
        #expect(
            AdminPagesFixtures.mainText(response).contains(
                "Ce compte est le dernier administrateur national actif"
            )
        )
        #expect(response.bodyText.contains("<h1>Comptes</h1>"))
        #expect(try web.store().account(id: admin)?.isActive == true)
        #expect(try await web.get("/", as: "admin").status == .ok)
    }

    @Test("Deactivation ends sessions, activation restores")
    func deactivateAndActivate() async throws {
        let web = try WebHarness()
        try await web.login("admin")
        try await web.login("agent-hdf")
        let officer = try Self.id(of: "agent-hdf", in: web)

        let deactivated = try await web.post("/comptes/\(officer)/desactiver", [], as: "admin")
        let afterDeactivation = try await web.get("/", as: "agent-hdf")
        let refused = try await web.login("agent-hdf")
        let activated = try await web.post("/comptes/\(officer)/activer", [], as: "admin")
        let again = try await web.post("/comptes/\(officer)/activer", [], as: "admin")
        let list = try await web.get("/comptes", as: "admin")
        let accepted = try await web.login("agent-hdf")

        #expect(deactivated.status == .seeOther)
        #expect(deactivated.headers["Location"] == "/comptes")
        #expect(afterDeactivation.status == .seeOther)
        #expect(refused.status == .unauthorized)
        #expect(activated.status == .seeOther)
        #expect(again.status == .seeOther)
        #expect(AdminPagesFixtures.mainText(list).contains("Le compte agent-hdf était déjà actif."))
        #expect(accepted.status == .seeOther)
        let actions = try web.store().auditLog().map(\.action)
        #expect(actions.filter { $0 == .accountDeactivate }.count == 1)
        #expect(actions.filter { $0 == .accountActivate }.count == 1)
    }

    @Test("Password reset shows once, ends sessions")
    func passwordReset() async throws {
        let web = try WebHarness()
        try await web.login("admin")
        try await web.login("agent-idf")
        let officer = try Self.id(of: "agent-idf", in: web)

        let response = try await web.post("/comptes/\(officer)/mot-de-passe", [], as: "admin")
        let password = try #require(Self.secret(in: response))
        let oldSession = try await web.get("/", as: "agent-idf")
        let oldPassword = try await web.login("agent-idf")
        let list = try await web.get("/comptes", as: "admin")
        let newPassword = try await web.login("agent-idf", password: password)

        #expect(response.status == .ok)
        #expect(response.bodyText.contains("<h1>Nouveau mot de passe</h1>"))
        #expect(oldSession.status == .seeOther)
        #expect(oldPassword.status == .unauthorized)
        #expect(!list.bodyText.contains(password))
        #expect(newPassword.status == .seeOther)
        let entry = try #require(try web.store().auditLog().first { $0.action == .accountPassword })
        #expect(entry.actor == "web:admin")
        #expect(entry.entityID == officer.description)
    }

    @Test("Token shows once, only hash stored")
    func tokenCreation() async throws {
        let web = try WebHarness()
        try await web.login("admin")
        let reader = try Self.id(of: "lecteur", in: web)
        let path = "/comptes/\(reader)/jetons"

        let created = try await web.post(path, [("nom", "Tableau régional")], as: "admin")
        let text = try #require(Self.secret(in: created))
        let listing = try await web.get(path, as: "admin")
        let token = try #require(APIToken(text: text))

        #expect(created.status == .ok)
        #expect(created.bodyText.contains("<h1>Jeton d’API créé</h1>"))
        #expect(text.hasPrefix("certif_"))
        #expect(!listing.bodyText.contains(text))
        #expect(AdminPagesFixtures.mainText(listing).contains("Tableau régional"))
        #expect(AdminPagesFixtures.mainText(listing).contains("Valide"))
        let store = try web.store()
        let found = try #require(try store.apiToken(hash: try token.hash()))
        #expect(found.account.login == "lecteur")
        #expect(found.token.name == "Tableau régional")
        #expect(try store.apiTokens().count == 1)
        let file = try Data(contentsOf: URL(fileURLWithPath: web.databasePath))
        let wal = (try? Data(contentsOf: URL(fileURLWithPath: web.databasePath + "-wal"))) ?? Data()
        let secretBytes = Data(text.dropFirst(APIToken.prefix.count).utf8)
        #expect(file.range(of: secretBytes) == nil)
        #expect(wal.range(of: secretBytes) == nil)
        let entry = try #require(try store.auditLog().first { $0.action == .apiTokenCreate })
        #expect(entry.after?.contains(text) == false)
    }

    @Test("Revoked token stops working")
    func tokenRevocation() async throws {
        let web = try WebHarness()
        try await web.login("admin")
        let reader = try Self.id(of: "lecteur", in: web)
        let officer = try Self.id(of: "agent-hdf", in: web)
        let created = try await web.post(
            "/comptes/\(reader)/jetons",
            [("nom", "ASP")],
            as: "admin"
        )
        let text = try #require(Self.secret(in: created))
        let token = try #require(APIToken(text: text))
        let id = try #require(try web.store().apiTokens().first).id

        let wrongAccount = try await web.post(
            "/comptes/\(officer)/jetons/\(id)/revoquer",
            [],
            as: "admin"
        )
        let stillValid = try web.store().apiToken(hash: try token.hash())
        let revoked = try await web.post(
            "/comptes/\(reader)/jetons/\(id)/revoquer",
            [],
            as: "admin"
        )
        let again = try await web.post("/comptes/\(reader)/jetons/\(id)/revoquer", [], as: "admin")
        let listing = try await web.get("/comptes/\(reader)/jetons", as: "admin")

        #expect(wrongAccount.status == .notFound)
        #expect(stillValid != nil)
        #expect(revoked.status == .seeOther)
        #expect(again.status == .seeOther)
        #expect(try web.store().apiToken(hash: try token.hash()) == nil)
        #expect(
            AdminPagesFixtures.mainText(listing).contains("Le jeton n° \(id) était déjà révoqué.")
        )
        #expect(AdminPagesFixtures.mainText(listing).contains("Révoqué le"))
        #expect(!listing.bodyText.contains("/jetons/\(id)/revoquer\""))
        let actions = try web.store().auditLog().map(\.action)
        #expect(actions.filter { $0 == .apiTokenRevoke }.count == 1)
    }

    @Test("Invalid token requests are rejected")
    func invalidTokenRequests() async throws {
        let web = try WebHarness()
        try await web.login("admin")
        let reader = try Self.id(of: "lecteur", in: web)

        let emptyName = try await web.post("/comptes/\(reader)/jetons", [("nom", " ")], as: "admin")
        let unknown = try await web.get("/comptes/999/jetons", as: "admin")
        let notNumber = try await web.get("/comptes/abc/jetons", as: "admin")
        let unknownToken = try await web.post(
            "/comptes/\(reader)/jetons/77/revoquer",
            [],
            as: "admin"
        )

        #expect(emptyName.status == .unprocessableContent)
        #expect(
            AdminPagesFixtures.fieldError("champ-nom", in: emptyName)?.hasPrefix(
                "Nommez le système"
            ) == true
        )
        #expect(unknown.status == .notFound)
        #expect(notNumber.status == .notFound)
        #expect(unknownToken.status == .notFound)
        #expect(try web.store().apiTokens().isEmpty)
    }

    @Test("Forms without CSRF token get 403")
    func missingCSRFToken() async throws {
        let web = try WebHarness()
        try await web.login("admin")
        let officer = try Self.id(of: "agent-hdf", in: web)

        let create = try await web.post(
            "/comptes/nouveau",
            Self.newAccount,
            as: "admin",
            csrf: false
        )
        let deactivate = try await web.post(
            "/comptes/\(officer)/desactiver",
            [],
            as: "admin",
            csrf: false
        )
        let token = try await web.post(
            "/comptes/\(officer)/jetons",
            [("nom", "ASP")],
            as: "admin",
            csrf: false
        )
        let otherForm = try await web.post(
            "/comptes/\(officer)/desactiver",
            [("csrf_token", try web.csrfToken(for: "/comptes/\(officer)/activer", as: "admin"))],
            as: "admin",
            csrf: false
        )

        #expect(create.status == .forbidden)
        #expect(deactivate.status == .forbidden)
        #expect(token.status == .forbidden)
        #expect(otherForm.status == .forbidden)
        let store = try web.store()
        #expect(try store.accountCount() == 4)
        #expect(try store.account(id: officer)?.isActive == true)
        #expect(try store.apiTokens().isEmpty)
    }

    @Test("Names are escaped in every page")
    func namesEscaped() async throws {
        let web = try WebHarness()
        try await web.login("admin")
        let payload = "<script>alert(\"x\")</script>"

        let created = try await web.post(
            "/comptes/nouveau",
            [("identifiant", "<img>"), ("nom", payload), ("role", "lecteur-national")],
            as: "admin"
        )
        let id = try Self.id(of: "<img>", in: web)
        let token = try await web.post("/comptes/\(id)/jetons", [("nom", payload)], as: "admin")
        let list = try await web.get("/comptes", as: "admin")
        let tokens = try await web.get("/comptes/\(id)/jetons", as: "admin")

        for response in [created, token, list, tokens] {
            #expect(response.status == .ok)
            #expect(!response.bodyText.contains("<script>alert"))
            #expect(!response.bodyText.contains("<img>"))
            #expect(response.bodyText.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"))
        }
    }
}
