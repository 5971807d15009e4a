import CertifAuth
import Foundation
import Testing

@Suite("Tokens")
struct TokenTests {
    static let alphabet = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")

    @Test("session token length and alphabet")
    func sessionTokenForm() throws {
        let token = try SessionToken.generate()

        #expect(token.cookieValue.count == 43)
        #expect(token.cookieValue.allSatisfy { Self.alphabet.contains($0) })
    }

    @Test("API token prefix and length")
    func apiTokenForm() throws {
        let token = try APIToken.generate()
        let secretPart = token.text.dropFirst(APIToken.prefix.count)

        #expect(token.text.hasPrefix("certif_"))
        #expect(token.text.count == 50)
        #expect(secretPart.allSatisfy { Self.alphabet.contains($0) })
    }

    @Test("generated tokens are distinct")
    func distinctTokens() throws {
        let values = try (0..<200).map { _ in try SessionToken.generate().cookieValue }

        #expect(Set(values).count == 200)
    }

    @Test("session token parses back")
    func sessionTokenRoundTrip() throws {
        let token = try SessionToken.generate()

        let parsed = try #require(SessionToken(cookieValue: token.cookieValue))

        #expect(parsed.cookieValue == token.cookieValue)
        #expect(try parsed.hash() == token.hash())
    }

    @Test("API token parses back")
    func apiTokenRoundTrip() throws {
        let token = try APIToken.generate()

        let parsed = try #require(APIToken(text: token.text))

        #expect(try parsed.hash() == token.hash())
    }

    @Test(
        "malformed session cookies rejected",
        arguments: [
            "",
            String(repeating: "A", count: 42),
            String(repeating: "A", count: 44),
            String(repeating: "A", count: 42) + "+",
            String(repeating: "A", count: 42) + "=",
            String(repeating: "A", count: 42) + "B",
            String(repeating: "A", count: 41) + " A",
            String(repeating: "é", count: 43),
        ]
    )
    func malformedCookie(value: String) {
        #expect(SessionToken(cookieValue: value) == nil)
    }

    @Test("malformed API tokens rejected")
    func malformedAPIToken() throws {
        let secret = try SessionToken.generate().cookieValue

        #expect(APIToken(text: secret) == nil)
        #expect(APIToken(text: "certif-" + secret) == nil)
        #expect(APIToken(text: "CERTIF_" + secret) == nil)
        #expect(APIToken(text: "certif_" + secret.dropLast()) == nil)
        #expect(APIToken(text: "certif_") == nil)
    }

    @Test("token hash is stable")
    func stableHash() throws {
        let token = try SessionToken.generate()

        let first = try token.hash()
        let second = try token.hash()

        #expect(first == second)
        #expect(first.hex == second.hex)
    }

    @Test("token hashes are distinct")
    func distinctHashes() throws {
        let first = try SessionToken.generate().hash()
        let second = try SessionToken.generate().hash()

        #expect(first != second)
    }

    @Test("token hash is BLAKE2b-256 hex")
    func knownDigest() throws {
        // 43 "A" decode to 32 zero bytes; the digest comes from Python's
        // hashlib.blake2b(bytes(32), digest_size=32).
        let token = try #require(SessionToken(cookieValue: String(repeating: "A", count: 43)))

        let hash = try token.hash()

        #expect(hash.hex == "89eb0d6a8a691dae2cd15ed0369931ce0a949ecafa5c3f93f8121833646e15c3")
    }

    @Test("API token hash covers random part")
    func apiHashMatchesSecret() throws {
        let zeros = String(repeating: "A", count: 43)
        let apiToken = try #require(APIToken(text: "certif_" + zeros))
        let sessionToken = try #require(SessionToken(cookieValue: zeros))

        #expect(try apiToken.hash() == sessionToken.hash())
    }

    @Test("stored token hash reads back")
    func storedHash() throws {
        let hash = try SessionToken.generate().hash()

        #expect(TokenHash(hex: hash.hex) == hash)
        #expect(TokenHash(hex: hash.hex.uppercased()) == nil)
        #expect(TokenHash(hex: String(hash.hex.dropLast())) == nil)
        #expect(TokenHash(hex: String(hash.hex.dropLast()) + "g") == nil)
    }

    @Test("token hash JSON round trip")
    func hashCoding() throws {
        let hash = try SessionToken.generate().hash()

        let data = try JSONEncoder().encode([hash])
        let decoded = try JSONDecoder().decode([TokenHash].self, from: data)

        #expect(decoded == [hash])
        #expect(String(decoding: data, as: UTF8.self) == "[\"\(hash.hex)\"]")
    }

    @Test("descriptions hide secrets")
    func redactedDescriptions() throws {
        let session = try SessionToken.generate()
        let api = try APIToken.generate()
        let hash = try session.hash()

        #expect("\(session)" == "SessionToken(redacted)")
        #expect("\(api)" == "APIToken(redacted)")
        #expect("\(hash)" == "TokenHash(\(hash.hex.prefix(8))…)")
    }
}
