import CertifAuth
import Foundation

/// An API token as stored, without its digest.
public struct APITokenRecord: Sendable, Hashable, Identifiable {
    public var id: Int64
    /// The account whose rights the token's requests have.
    public var accountID: AccountID
    /// The administrator's name for the token, such as the system that uses it ("ASP").
    public var name: String
    public var createdAt: Date
    /// The time of the latest request that `recordAPITokenUse(id:at:)` recorded.
    public var lastUsedAt: Date?
    public var revokedAt: Date?

    public var isRevoked: Bool { revokedAt != nil }
}

extension CertifStore {
    /// Unicode scalars that an API token's name may have.
    public static let maxAPITokenNameLength = 100

    /// Stores the digest of a new API token of the account, and returns the token's id. The
    /// audit entry names the token's id, name and account, never the token or its digest.
    ///
    /// Throws `accountNotFound`, `accountInactive`, and `invalidRequest` when the name is
    /// empty, too long or contains a control character.
    public func createAPIToken(
        hash: TokenHash,
        name: String,
        accountID: AccountID,
        actor: StoreActor
    ) throws -> Int64 {
        let name = try Self.checkedTokenName(name)
        return try write(as: actor) { timestamp in
            try Self.checkActive(try existingCredentials(id: accountID).account)
            try database.execute(
                """
                INSERT INTO api_tokens (token_hash, account_id, name, created_at)
                VALUES (\(hash.hex), \(accountID.rawValue), \(name), \(timestamp))
                """
            )
            let id = try database.lastInsertRowID
            try appendAudit(
                at: timestamp,
                actor: actor,
                action: .apiTokenCreate,
                entity: "api-token",
                entityID: String(id),
                before: nil,
                after: try StoreJSON.encode(
                    TokenAudit(accountID: accountID, name: name, revokedAt: nil)
                )
            )
            return id
        }
    }

    /// Returns the token whose digest is `hash` and its account, or nil when no token has it,
    /// the token is revoked or the account is inactive.
    public func apiToken(hash: TokenHash) throws -> (token: APITokenRecord, account: Account)? {
        // Looking a digest up through the index reveals nothing useful by its timing: a
        // client cannot choose the digest of the token it sends.
        let rows = try database.query(
            """
            SELECT api_tokens.*, accounts.login, accounts.display_name, accounts.role,
                accounts.territory, accounts.active
            FROM api_tokens JOIN accounts ON accounts.id = api_tokens.account_id
            WHERE api_tokens.token_hash = \(hash.hex)
                AND api_tokens.revoked_at IS NULL AND accounts.active = 1
            """
        )
        guard let row = rows.first else {
            return nil
        }
        return (
            try Self.apiToken(from: row),
            try Self.account(from: row, idColumn: "account_id")
        )
    }

    /// Records a request made with the token at `now`. Written on behalf of the system, with
    /// no audit entry. Throws `apiTokenNotFound`.
    public func recordAPITokenUse(id: Int64, at now: Date) throws {
        try systemWrite {
            try database.execute(
                """
                UPDATE api_tokens SET last_used_at = \(Timestamp.string(now))
                WHERE id = \(id)
                """
            )
            guard try database.changes == 1 else {
                throw Self.tokenNotFound(id)
            }
        }
    }

    /// Revokes the token, so that `apiToken(hash:)` no longer returns it, and returns true.
    /// Returns false, writing nothing, when the token was already revoked.
    ///
    /// Throws `apiTokenNotFound`.
    @discardableResult
    public func revokeAPIToken(id: Int64, actor: StoreActor) throws -> Bool {
        try write(as: actor) { timestamp in
            let rows = try database.query("SELECT * FROM api_tokens WHERE id = \(id)")
            guard let row = rows.first else {
                throw Self.tokenNotFound(id)
            }
            let token = try Self.apiToken(from: row)
            guard !token.isRevoked else {
                return false
            }
            try database.execute(
                "UPDATE api_tokens SET revoked_at = \(timestamp) WHERE id = \(id)"
            )
            try appendAudit(
                at: timestamp,
                actor: actor,
                action: .apiTokenRevoke,
                entity: "api-token",
                entityID: String(id),
                before: try StoreJSON.encode(
                    TokenAudit(accountID: token.accountID, name: token.name, revokedAt: nil)
                ),
                after: try StoreJSON.encode(
                    TokenAudit(accountID: token.accountID, name: token.name, revokedAt: timestamp)
                )
            )
            return true
        }
    }

    /// Returns the tokens of the account, or of every account when `accountID` is nil,
    /// revoked ones included, ordered by id.
    public func apiTokens(accountID: AccountID? = nil) throws -> [APITokenRecord] {
        let rows: [Row]
        if let accountID {
            rows = try database.query(
                "SELECT * FROM api_tokens WHERE account_id = \(accountID.rawValue) ORDER BY id"
            )
        } else {
            rows = try database.query("SELECT * FROM api_tokens ORDER BY id")
        }
        return try rows.map(Self.apiToken(from:))
    }

    // MARK: Helpers

    /// The audit entry of a token, which names no token or digest.
    private struct TokenAudit: Encodable {
        var accountID: AccountID
        var name: String
        /// The timestamp text, as the store writes it.
        var revokedAt: String?
    }

    private static func apiToken(from row: Row) throws -> APITokenRecord {
        APITokenRecord(
            id: try row.int64("id"),
            accountID: AccountID(try row.int64("account_id")),
            name: try row.string("name"),
            createdAt: try row.timestamp("created_at"),
            lastUsedAt: try row.optionalTimestamp("last_used_at"),
            revokedAt: try row.optionalTimestamp("revoked_at")
        )
    }

    private static func tokenNotFound(_ id: Int64) -> StoreError {
        StoreError(
            code: .apiTokenNotFound,
            message: "no API token has id \(id); list the account's tokens to find it"
        )
    }

    private static func checkedTokenName(_ name: String) throws -> String {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw StoreError(
                code: .invalidRequest,
                message: "the API token's name is empty; name the system that will use it"
            )
        }
        guard trimmed.unicodeScalars.count <= maxAPITokenNameLength else {
            throw StoreError(
                code: .invalidRequest,
                message: "the API token's name has \(trimmed.unicodeScalars.count) characters, "
                    + "more than the maximum of \(maxAPITokenNameLength); shorten it"
            )
        }
        guard !trimmed.unicodeScalars.contains(where: \.isControlOrFormat) else {
            throw StoreError(
                code: .invalidRequest,
                message: "the API token's name contains a control or format character, such "
                    + "as a line break; remove it"
            )
        }
        return trimmed
    }
}
