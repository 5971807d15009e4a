/// The per-session secret from which the CSRF tokens of that session's forms derive: 32 random
/// bytes, stored with the session on the server and never sent to the browser.
///
/// A form's token is a random 16-byte nonce followed by BLAKE2b-256 (`crypto_generichash`)
/// keyed with the secret over a label, the nonce and the form's name, all in URL-safe base64
/// (64 characters). A token is therefore valid for one session and one form only, and it is
/// new on every page, so that a compression side channel on HTTPS (BREACH) cannot recover it
/// across responses. `description` never shows the secret.
public struct CSRFSecret: Sendable, CustomStringConvertible {
    private let secret: RandomSecret

    private static let nonceByteCount = 16
    /// Separates these digests from any other keyed hash that might use the same key later.
    private static let label = Array("certif-csrf-v1".utf8) + [0]

    private init(secret: RandomSecret) {
        self.secret = secret
    }

    /// Returns a new secret from libsodium's random generator.
    public static func generate() throws -> CSRFSecret {
        CSRFSecret(secret: try .generate())
    }

    /// Reads a secret from `storedText`, and throws `invalidSecret` unless it is 43 characters
    /// of URL-safe base64 that encode 32 bytes.
    public init(storedText: String) throws {
        guard let secret = RandomSecret(text: storedText) else {
            throw AuthError(
                code: .invalidSecret,
                message: "the stored CSRF secret is not 32 bytes in URL-safe base64"
                    + " (\(storedText.utf8.count) characters); end the session to make a new one"
            )
        }
        self.secret = secret
    }

    /// The text to store with the session.
    public var storedText: String { secret.text }

    /// Returns a new token for the hidden field of `form`, a name that the server gives the
    /// form and checks against, such as the path it posts to ("/candidats/import").
    public func token(for form: String) throws -> String {
        let nonce = try Sodium.randomBytes(Self.nonceByteCount)
        return Sodium.base64URL(nonce + (try digest(nonce: nonce, form: form)))
    }

    /// Returns whether `token` came from `token(for: form)` with this secret. The digests are
    /// compared in constant time (`sodium_memcmp`).
    public func isValid(_ token: String, for form: String) throws -> Bool {
        let byteCount = Self.nonceByteCount + Sodium.digestByteCount
        guard let bytes = Sodium.bytes(fromBase64URL: token, byteCount: byteCount) else {
            return false
        }
        let nonce = Array(bytes.prefix(Self.nonceByteCount))
        let presented = Array(bytes.dropFirst(Self.nonceByteCount))
        return Sodium.constantTimeEqual(presented, try digest(nonce: nonce, form: form))
    }

    /// Returns the keyed digest of the label, the nonce and the form's name. The nonce has a
    /// fixed length, so the name that follows it cannot shift bytes into it.
    private func digest(nonce: [UInt8], form: String) throws -> [UInt8] {
        try Sodium.genericHash(Self.label + nonce + Array(form.utf8), key: secret.bytes)
    }

    public var description: String { "CSRFSecret(redacted)" }
}
