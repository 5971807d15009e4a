import CertifAuth
import Foundation

/// An account with the facts that the list of accounts shows beside it.
public struct AccountSummary: Sendable, Hashable {
    public var account: Account
    /// The start of the account's latest web session, or nil when it never logged in.
    public var lastLoginAt: Date?
    /// API tokens of the account that are not revoked.
    public var activeTokenCount: Int
}

extension CertifStore {
    /// Returns every account with its latest login and its count of unrevoked API tokens,
    /// ordered by login.
    public func accountSummaries() throws -> [AccountSummary] {
        let rows = try database.query(
            """
            SELECT accounts.*,
                (SELECT max(created_at) FROM web_sessions
                    WHERE web_sessions.account_id = accounts.id) AS last_login_at,
                (SELECT count(*) FROM api_tokens
                    WHERE api_tokens.account_id = accounts.id
                        AND api_tokens.revoked_at IS NULL) AS active_token_count
            FROM accounts ORDER BY login
            """
        )
        return try rows.map { row in
            AccountSummary(
                account: try Self.account(from: row),
                lastLoginAt: try row.optionalTimestamp("last_login_at"),
                activeTokenCount: try row.int("active_token_count")
            )
        }
    }
}
