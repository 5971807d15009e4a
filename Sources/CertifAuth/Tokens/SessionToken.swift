/// The random 256-bit token of a login session, sent to the browser as the session cookie's
/// value. The server stores only `hash()`, so a copy of the database opens no session.
///
/// Generate a new token at each login and discard any token the browser sent before, so that
/// a session id planted before login does not survive it. `description` never shows the token.
public struct SessionToken: Sendable, CustomStringConvertible {
    private let secret: RandomSecret

    private init(secret: RandomSecret) {
        self.secret = secret
    }

    /// Returns a new token from libsodium's random generator.
    public static func generate() throws -> SessionToken {
        SessionToken(secret: try .generate())
    }

    /// Reads the token of a session cookie, or returns nil unless `cookieValue` is 43
    /// characters of URL-safe base64 that encode 32 bytes.
    public init?(cookieValue: String) {
        guard let secret = RandomSecret(text: cookieValue) else { return nil }
        self.secret = secret
    }

    /// The cookie's value: 43 characters from `A`–`Z`, `a`–`z`, `0`–`9`, `-` and `_`.
    public var cookieValue: String { secret.text }

    /// Returns the digest to store and to look the session up by.
    public func hash() throws -> TokenHash {
        try secret.hash()
    }

    public var description: String { "SessionToken(redacted)" }
}
