/// The digest that the database stores in place of a session or API token: BLAKE2b-256
/// (`crypto_generichash`) of the token's 32 bytes, in 64 lowercase hexadecimal digits.
///
/// A copy of the table gives no token that a client could present, and the digest of a
/// random 256-bit token needs no salt or slow hash. `==` compares in constant time
/// (`sodium_memcmp`), and `description` shows only the first 8 digits, enough to match log
/// lines.
public struct TokenHash: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The 64 lowercase hexadecimal digits, the form to store.
    public let hex: String

    /// Reads a stored digest, or returns nil unless `hex` is 64 lowercase hexadecimal digits.
    public init?(hex: String) {
        let digits = Array(hex.utf8)
        let isLowercaseHex = digits.allSatisfy {
            (0x30...0x39).contains($0) || (0x61...0x66).contains($0)
        }
        guard digits.count == Sodium.digestByteCount * 2, isLowercaseHex else { return nil }
        self.hex = hex
    }

    init(digest: [UInt8]) {
        self.hex = Sodium.hex(digest)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let hash = TokenHash(hex: text) else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: decoder.codingPath,
                    debugDescription: "a token hash must be 64 lowercase hexadecimal digits"
                )
            )
        }
        self = hash
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hex)
    }

    public static func == (lhs: TokenHash, rhs: TokenHash) -> Bool {
        Sodium.constantTimeEqual(Array(lhs.hex.utf8), Array(rhs.hex.utf8))
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(hex)
    }

    public var description: String { "TokenHash(\(hex.prefix(8))…)" }
}
