/// A random 256-bit token that another system presents to the JSON API, shown once to the
/// administrator who creates it. The server stores only `hash()`.
///
/// The text starts with `certif_`, so a token pasted into a repository, a ticket or a log can
/// be found by searching for the pattern `certif_[A-Za-z0-9_-]{43}`. `description` never shows
/// the token.
public struct APIToken: Sendable, CustomStringConvertible {
    /// The visible start of every API token.
    public static let prefix = "certif_"

    private let secret: RandomSecret

    private init(secret: RandomSecret) {
        self.secret = secret
    }

    /// Returns a new token from libsodium's random generator.
    public static func generate() throws -> APIToken {
        APIToken(secret: try .generate())
    }

    /// Reads a token that a client presented, or returns nil unless `text` is `prefix`
    /// followed by 43 characters of URL-safe base64 that encode 32 bytes.
    public init?(text: String) {
        guard text.hasPrefix(Self.prefix),
            let secret = RandomSecret(text: text.dropFirst(Self.prefix.count))
        else { return nil }
        self.secret = secret
    }

    /// The token as the client sends it, `certif_` and 43 characters: 50 in all.
    public var text: String { Self.prefix + secret.text }

    /// Returns the digest to store and to look the token up by. It covers the 32 random bytes,
    /// so it stays the same if the prefix ever changes.
    public func hash() throws -> TokenHash {
        try secret.hash()
    }

    public var description: String { "APIToken(redacted)" }
}
