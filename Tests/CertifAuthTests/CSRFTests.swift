import CertifAuth
import Testing

@Suite("CSRF tokens")
struct CSRFTests {
    @Test("token valid for its form")
    func validToken() throws {
        let secret = try CSRFSecret.generate()

        let token = try secret.token(for: "/candidats/import")

        #expect(token.count == 64)
        #expect(try secret.isValid(token, for: "/candidats/import"))
    }

    @Test("token of another form invalid")
    func otherForm() throws {
        let secret = try CSRFSecret.generate()

        let token = try secret.token(for: "/candidats/import")

        #expect(try !secret.isValid(token, for: "/planification"))
    }

    @Test("token of another session invalid")
    func otherSession() throws {
        let secret = try CSRFSecret.generate()
        let otherSecret = try CSRFSecret.generate()

        let token = try otherSecret.token(for: "/candidats/import")

        #expect(try !secret.isValid(token, for: "/candidats/import"))
    }

    @Test("tampered token invalid")
    func tamperedToken() throws {
        let secret = try CSRFSecret.generate()
        let token = try secret.token(for: "/candidats/import")
        var characters = Array(token)
        characters[40] = characters[40] == "A" ? "B" : "A"

        let tampered = String(characters)

        #expect(try !secret.isValid(tampered, for: "/candidats/import"))
    }

    @Test(
        "malformed tokens invalid",
        arguments: [
            "",
            "abc",
            String(repeating: "A", count: 64),
            String(repeating: "A", count: 63),
            String(repeating: "A", count: 65),
        ]
    )
    func malformedToken(token: String) throws {
        let secret = try CSRFSecret.generate()

        #expect(try !secret.isValid(token, for: "/candidats/import"))
    }

    @Test("each page gets a new token")
    func freshTokens() throws {
        let secret = try CSRFSecret.generate()

        let first = try secret.token(for: "/candidats/import")
        let second = try secret.token(for: "/candidats/import")

        #expect(first != second)
        #expect(try secret.isValid(first, for: "/candidats/import"))
        #expect(try secret.isValid(second, for: "/candidats/import"))
    }

    @Test("stored secret reads back")
    func storedSecret() throws {
        let secret = try CSRFSecret.generate()
        let token = try secret.token(for: "/sessions/12/accepter")

        let restored = try CSRFSecret(storedText: secret.storedText)

        #expect(secret.storedText.count == 43)
        #expect(try restored.isValid(token, for: "/sessions/12/accepter"))
    }

    @Test("malformed stored secret throws")
    func malformedStoredSecret() {
        let error = #expect(throws: AuthError.self) {
            try CSRFSecret(storedText: "not-a-secret-value")
        }

        #expect(error?.code == .invalidSecret)
        #expect(error?.description.contains("not-a-secret-value") == false)
    }

    @Test("description hides secret")
    func redactedDescription() throws {
        let secret = try CSRFSecret.generate()

        #expect("\(secret)" == "CSRFSecret(redacted)")
    }
}
