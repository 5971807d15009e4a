/// 32 random bytes and their text form, 43 characters of URL-safe base64 without padding: the
/// common core of the session tokens, API tokens and CSRF secrets.
///
/// NOTE: the bytes live in a Swift array, which the runtime may copy, so they are not wiped
/// from memory when the secret is dropped.
struct RandomSecret: Sendable {
    let bytes: [UInt8]

    /// The length of `text`.
    static let textLength = 43

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Returns a new secret from libsodium's random generator (`randombytes_buf`).
    static func generate() throws -> RandomSecret {
        RandomSecret(bytes: try Sodium.randomBytes(Sodium.secretByteCount))
    }

    /// Reads a secret from its text form, or returns nil unless `text` is the URL-safe base64
    /// of exactly 32 bytes.
    init?(text: some StringProtocol) {
        guard
            let bytes = Sodium.bytes(fromBase64URL: String(text), byteCount: Sodium.secretByteCount)
        else { return nil }
        self.bytes = bytes
    }

    var text: String { Sodium.base64URL(bytes) }

    func hash() throws -> TokenHash {
        TokenHash(digest: try Sodium.genericHash(bytes))
    }
}
