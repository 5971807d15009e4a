import Foundation

/// A person who can log in. The password hash and the sessions are stored apart from it.
public struct Account: Sendable, Hashable, Codable, Identifiable {
    public var id: AccountID
    /// The name typed at login, stored as `normalizedLogin(_:)` returns it.
    public var login: String
    /// The name shown in pages and in the audit log, "Marie Dupont".
    public var displayName: String
    public var role: Role
    /// False for an account that may no longer log in; it keeps its place in the audit log.
    public var isActive: Bool

    public init(
        id: AccountID,
        login: String,
        displayName: String,
        role: Role,
        isActive: Bool = true
    ) {
        self.id = id
        self.login = login
        self.displayName = displayName
        self.role = role
        self.isActive = isActive
    }

    /// Returns the form of `login` that accounts are stored and looked up by: without the
    /// spaces around it, in Unicode NFC and in lowercase, so "Marie.Dupont " and
    /// "marie.dupont" name the same account.
    public static func normalizedLogin(_ login: String) -> String {
        login.trimmingCharacters(in: .whitespacesAndNewlines)
            .precomposedStringWithCanonicalMapping
            .lowercased()
    }
}

/// The database's identifier of an account.
public struct AccountID: RawRepresentable, Hashable, Comparable, Sendable, Codable,
    CustomStringConvertible
{
    public let rawValue: Int64

    public init(rawValue: Int64) { self.rawValue = rawValue }
    public init(_ rawValue: Int64) { self.rawValue = rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { String(rawValue) }

    public static func < (lhs: AccountID, rhs: AccountID) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
