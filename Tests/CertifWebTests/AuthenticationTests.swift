import CertifAuth
import CertifHTTP
import Foundation
import Testing

@Suite("Logging in and out")
struct AuthenticationTests {
    @Test("A person without a session is sent to the login page, which brings him back")
    func anonymousIsRedirected() async throws {
        let web = try WebHarness()
        let home = try await web.get("/")
        #expect(home.status == .seeOther)
        #expect(home.headers["Location"] == "/connexion")
        let deep = try await web.get("/compte?onglet=mot de passe")
        // The page's own query is encoded once, then the whole target once more.
        let target = "/connexion?suite=/compte%3Fonglet%3Dmot%2520de%2520passe"
        #expect(deep.headers["Location"] == target)
    }

    @Test("The right password opens a session and the dashboard names the person")
    func loginSucceeds() async throws {
        let web = try WebHarness()
        let response = try await web.login("agent-hdf")
        #expect(response.status == .seeOther)
        #expect(response.headers["Location"] == "/")
        let cookie = try #require(
            response.headers.values(for: "Set-Cookie").first { $0.hasPrefix("certif_session=") }
        )
        #expect(cookie.contains("HttpOnly"))
        #expect(cookie.contains("SameSite=Lax"))
        let home = try await web.get("/", as: "agent-hdf")
        #expect(home.status == .ok)
        #expect(home.bodyText.contains("Hélène Nord"))
        #expect(home.headers["Cache-Control"] == "no-store")
        #expect(home.headers["Content-Security-Policy"]?.contains("script-src 'self'") == true)
        #expect(home.headers["X-Content-Type-Options"] == "nosniff")
        #expect(home.headers["Content-Security-Policy"]?.contains("frame-ancestors 'none'") == true)
    }

    @Test("A wrong password is refused with the same message as an unknown login")
    func wrongPassword() async throws {
        let web = try WebHarness()
        let wrong = try await web.login("admin", password: "Not-The-Password-1")
        let unknown = try await web.login("nobody", password: "Not-The-Password-1")
        #expect(wrong.status == .unauthorized)
        #expect(unknown.status == .unauthorized)
        #expect(wrong.bodyText.contains("Identifiant ou mot de passe incorrect."))
        #expect(unknown.bodyText.contains("Identifiant ou mot de passe incorrect."))
        #expect(wrong.bodyText.contains("value=\"admin\""))
        #expect(WebHarness.cookie(named: "certif_session", in: wrong) == nil)
    }

    @Test("Repeated failures are throttled, even with the right password afterwards")
    func throttling() async throws {
        let web = try WebHarness()
        var statuses: [Int] = []
        for _ in 0..<6 {
            statuses.append(try await web.login("admin", password: "Wrong-password-42").status.code)
        }
        #expect(statuses.first == 401)
        #expect(statuses.contains(429))
        let right = try await web.login("admin")
        #expect(right.status == .tooManyRequests)
        #expect(
            right.bodyText.contains("patienter") || right.bodyText.contains("Trop de tentatives")
        )
    }

    @Test("A session id planted before login does not survive it")
    func sessionFixation() async throws {
        let web = try WebHarness()
        let planted = try SessionToken.generate().cookieValue
        web.setCookie(planted, for: "admin")
        #expect(try await web.get("/", as: "admin").status == .seeOther)
        try await web.login("admin")
        let current = try #require(web.cookiesForTest["admin"])
        #expect(current != planted)
        #expect(try await web.get("/", as: "admin").status == .ok)
    }

    @Test("The login page never sends a person to another site")
    func openRedirect() async throws {
        for target in ["//evil.example/", "/\\evil.example", "https://evil.example/", "/connexion"]
        {
            let web = try WebHarness()
            let page = try await web.get("/connexion?suite=" + WebHarness.percent(target))
            let formCookie = try #require(WebHarness.cookie(named: "certif_connexion", in: page))
            let token = try #require(WebHarness.csrfField(in: page.bodyText))
            var headers: HTTPHeaders = ["Cookie": "certif_connexion=\(formCookie)"]
            headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
            let body = WebHarness.encode([
                ("csrf_token", token), ("identifiant", "admin"),
                ("mot_de_passe", WebHarness.password), ("suite", target),
            ])
            let response = try await web.send(
                HTTPRequest(method: .post, path: "/connexion", headers: headers, body: body)
            )
            #expect(response.headers["Location"] == "/", "suite \(target)")
        }
    }

    @Test("The login form is refused without the cookie set with it")
    func loginWithoutFormCookie() async throws {
        let web = try WebHarness()
        var headers: HTTPHeaders = ["Content-Type": "application/x-www-form-urlencoded"]
        headers.add(name: "Cookie", value: "certif_connexion=abc")
        let body = WebHarness.encode([
            ("csrf_token", "abd"), ("identifiant", "admin"), ("mot_de_passe", WebHarness.password),
        ])
        let response = try await web.send(
            HTTPRequest(method: .post, path: "/connexion", headers: headers, body: body)
        )
        #expect(response.status == .forbidden)
        #expect(WebHarness.cookie(named: "certif_session", in: response) == nil)
    }

    @Test("A form posted without its CSRF token, or with another form's, is refused")
    func csrfMissing() async throws {
        let web = try WebHarness()
        try await web.login("admin")
        let missing = try await web.post("/deconnexion", [], as: "admin", csrf: false)
        #expect(missing.status == .forbidden)
        let other = try await web.post(
            "/deconnexion",
            [("csrf_token", try web.csrfToken(for: "/compte/mot-de-passe", as: "admin"))],
            as: "admin",
            csrf: false
        )
        #expect(other.status == .forbidden)
        #expect(try await web.get("/", as: "admin").status == .ok)
    }

    @Test("Logging out ends the session for good")
    func logout() async throws {
        let web = try WebHarness()
        try await web.login("admin")
        let response = try await web.post("/deconnexion", [], as: "admin")
        #expect(response.status == .seeOther)
        #expect(response.headers["Location"] == "/connexion?fin=1")
        #expect(try await web.get("/", as: "admin").status == .seeOther)
        let entries = try web.store().auditLog().map(\.action.rawValue)
        #expect(entries.contains("account.logout"))
    }

    @Test("A session idle longer than its time-out ends")
    func idleTimeout() async throws {
        let clock = TestClock()
        let web = try WebHarness(now: { clock.now })
        try await web.login("admin")
        #expect(try await web.get("/", as: "admin").status == .ok)
        clock.advance(by: 31 * 60)
        #expect(try await web.get("/", as: "admin").status == .seeOther)
    }

    @Test("Changing one's password checks the current one and keeps this browser logged in")
    func passwordChange() async throws {
        let web = try WebHarness()
        try await web.login("agent-idf")
        let old = try #require(web.cookiesForTest["agent-idf"])
        let wrong = try await web.post(
            "/compte/mot-de-passe",
            [("actuel", "nope"), ("nouveau", "short"), ("confirmation", "other")],
            as: "agent-idf"
        )
        #expect(wrong.status == .unprocessableContent)
        #expect(wrong.bodyText.contains("Le mot de passe actuel n’est pas celui-ci."))
        #expect(wrong.bodyText.contains("au moins 12 caractères"))
        #expect(!wrong.bodyText.contains("nope"))
        let new = "Nouveau-Mot-De-Passe-2026"
        let changed = try await web.post(
            "/compte/mot-de-passe",
            [("actuel", WebHarness.password), ("nouveau", new), ("confirmation", new)],
            as: "agent-idf"
        )
        #expect(changed.status == .seeOther)
        let fresh = try #require(WebHarness.cookie(named: "certif_session", in: changed))
        #expect(fresh != old)
        web.setCookie(old, for: "agent-idf")
        #expect(try await web.get("/", as: "agent-idf").status == .seeOther)
        web.setCookie(fresh, for: "agent-idf")
        let account = try await web.get("/compte", as: "agent-idf")
        #expect(account.bodyText.contains("Votre mot de passe a été changé."))
        #expect(try await web.login("agent-idf", password: new).status == .seeOther)
    }

    @Test("An unknown page answers 404 with the French page and its reference")
    func notFoundPage() async throws {
        let web = try WebHarness()
        try await web.login("admin")
        let response = try await web.get("/static/dsfr/../../etc/passwd", as: "admin")
        #expect(response.status == .notFound)
        #expect(response.bodyText.contains("Page introuvable"))
        #expect(response.bodyText.contains("Référence"))
    }
}

/// A clock that a test moves forward.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current = Date()

    var now: Date {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    func advance(by seconds: TimeInterval) {
        lock.lock()
        current += seconds
        lock.unlock()
    }
}
