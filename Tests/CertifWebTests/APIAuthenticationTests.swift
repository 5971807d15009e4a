import CertifHTTP
import CertifStore
import Foundation
import Testing

@Suite("The JSON API's tokens")
struct APIAuthenticationTests {
    @Test("A valid token acts for its account")
    func validToken() async throws {
        let web = try WebHarness()
        let token = try web.apiToken(for: "agent-hdf")
        let response = try await web.api(.get, "/api/v1/me", token: token)
        #expect(response.status == .ok)
        #expect(response.headers["Content-Type"] == "application/json")
        let body = try JSONSerialization.jsonObject(with: response.body) as? [String: Any]
        #expect(body?["login"] as? String == "agent-hdf")
        #expect(body?["role"] as? String == "regional-officer")
        #expect(body?["territory"] as? String == "32")
    }

    @Test("Bad tokens get a JSON 401")
    func refusedTokens() async throws {
        let web = try WebHarness()
        let token = try web.apiToken(for: "admin")
        let store = try web.store()
        let id = try #require(try store.apiTokens().first?.id)
        _ = try store.revokeAPIToken(id: id, actor: StoreActor(name: "test"))
        for candidate in [nil, "abc", "certif_" + String(repeating: "A", count: 43), token] {
            let response = try await web.api(.get, "/api/v1/me", token: candidate)
            #expect(response.status == .unauthorized, "token \(candidate ?? "none")")
            #expect(response.headers["WWW-Authenticate"]?.hasPrefix("Bearer") == true)
            let body = try JSONSerialization.jsonObject(with: response.body) as? [String: Any]
            let error = body?["error"] as? [String: Any]
            #expect(error?["code"] as? String == "unauthorized")
            #expect(error?["requestId"] is String)
        }
    }

    @Test("A browser session cookie does not open the API")
    func cookieIsIgnored() async throws {
        let web = try WebHarness()
        try await web.login("admin")
        let response = try await web.get("/api/v1/me", as: "admin")
        #expect(response.status == .unauthorized)
    }

    @Test("An unknown API path answers a JSON 404")
    func unknownPath() async throws {
        let web = try WebHarness()
        let token = try web.apiToken(for: "admin")
        let response = try await web.api(.get, "/api/v1/nothing-here", token: token)
        #expect(response.status == .notFound)
        #expect(response.headers["Content-Type"] == "application/json")
    }
}
