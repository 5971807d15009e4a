import CertifAuth
import Foundation

/// A login session of the web application as stored, apart from its times and state, which
/// its `SessionLifetime` carries.
public struct WebSession: Sendable {
    /// The digest of the session cookie's token, the session's key.
    public var tokenHash: TokenHash
    public var accountID: AccountID
    /// The secret from which the session's CSRF tokens derive.
    public var csrfSecret: CSRFSecret
    /// The address that the login request came from.
    public var remoteAddress: String
}

extension CertifStore {
    /// Unicode scalars of a remote address that a session keeps: enough for any IPv6 address
    /// with a zone.
    static let maxRemoteAddressLength = 64

    /// Stores a new web session for `accountID` after a correct password, and appends an
    /// `account.login` audit entry that names the account and the remote address, never the
    /// token, its hash or the CSRF secret.
    ///
    /// The session's times and policy come from `lifetime`, made at login with
    /// `SessionLifetime(createdAt:policy:)`. Each control or format character of
    /// `remoteAddress` is stored as "?", and the address keeps its first 64 Unicode scalars.
    ///
    /// Throws `accountNotFound`, `accountInactive`, and `invalidRequest` when `lifetime` has
    /// already ended.
    public func createWebSession(
        tokenHash: TokenHash,
        accountID: AccountID,
        csrfSecret: CSRFSecret,
        lifetime: SessionLifetime,
        remoteAddress: String
    ) throws {
        guard lifetime.isActive else {
            throw StoreError(
                code: .invalidRequest,
                message: "a new web session must be active; start it with "
                    + "SessionLifetime(createdAt:policy:)"
            )
        }
        let address = Self.cleanRemoteAddress(remoteAddress)
        let account = try existingCredentials(id: accountID).account
        try write(as: .web(account)) { timestamp in
            // The account may have changed since the read above, which ran outside this
            // transaction.
            let current = try existingCredentials(id: accountID).account
            try Self.checkActive(current)
            try database.execute(
                """
                INSERT INTO web_sessions (
                    token_hash, account_id, csrf_secret, created_at, last_seen_at,
                    idle_timeout_seconds, absolute_timeout_seconds, expires_at, remote_address
                ) VALUES (
                    \(tokenHash.hex), \(accountID.rawValue), \(csrfSecret.storedText),
                    \(Timestamp.string(lifetime.createdAt)),
                    \(Timestamp.string(lifetime.lastSeenAt)),
                    \(lifetime.policy.idleTimeout), \(lifetime.policy.absoluteTimeout),
                    \(Timestamp.string(lifetime.expiresAt)), \(address)
                )
                """
            )
            try appendAudit(
                at: timestamp,
                actor: .web(current),
                action: .accountLogin,
                entity: "account",
                entityID: accountID.description,
                before: nil,
                after: try StoreJSON.encode(SessionAudit(remoteAddress: address))
            )
        }
    }

    /// Returns the session whose token has the digest `tokenHash`, with its account and its
    /// lifetime as last stored, or nil when no session has that digest.
    ///
    /// An ended session is returned too, and so is an active one whose time-out has passed
    /// since its last request: check the result of `touchWebSession(tokenHash:at:)`, not
    /// `lifetime.isActive`, before serving a request.
    public func webSession(
        tokenHash: TokenHash
    ) throws -> (session: WebSession, account: Account, lifetime: SessionLifetime)? {
        let rows = try database.query(
            """
            SELECT web_sessions.*, accounts.login, accounts.display_name, accounts.role,
                accounts.territory, accounts.active
            FROM web_sessions JOIN accounts ON accounts.id = web_sessions.account_id
            WHERE web_sessions.token_hash = \(tokenHash.hex)
            """
        )
        guard let row = rows.first else {
            return nil
        }
        let session = WebSession(
            tokenHash: tokenHash,
            accountID: AccountID(try row.int64("account_id")),
            csrfSecret: try Self.csrfSecret(from: row),
            remoteAddress: try row.string("remote_address")
        )
        return (
            session,
            try Self.account(from: row, idColumn: "account_id"),
            try Self.lifetime(from: row)
        )
    }

    /// Records a request of the session at `now`, or ends the session at the deadline that
    /// passed before `now`, and returns its lifetime after the event. Returns nil when no
    /// session has the digest. An ended session is returned unchanged.
    ///
    /// Written on behalf of the system, with no audit entry.
    @discardableResult
    public func touchWebSession(tokenHash: TokenHash, at now: Date) throws -> SessionLifetime? {
        try systemWrite {
            guard var lifetime = try storedLifetime(tokenHash: tokenHash) else {
                return nil
            }
            guard lifetime.isActive else {
                return lifetime
            }
            lifetime.touch(at: now)
            try update(tokenHash: tokenHash, to: lifetime)
            return lifetime
        }
    }

    /// Ends the session for `reason` at `now` and returns its lifetime after the event, or nil
    /// when no session has the digest.
    ///
    /// A session whose time-out passed before `now` ends at that deadline, for the time-out,
    /// whatever `reason` is. `.idleTimeout` and `.absoluteTimeout` end the session only once
    /// their deadline has passed, and leave it active before. An ended session is returned
    /// unchanged. A session that ends because its person logged out gets an `account.logout`
    /// audit entry. Any other end is written on behalf of the system, without one.
    @discardableResult
    public func endWebSession(
        tokenHash: TokenHash,
        reason: SessionLifetime.EndReason,
        at now: Date
    ) throws -> SessionLifetime? {
        guard let (session, account, _) = try webSession(tokenHash: tokenHash) else {
            return nil
        }
        guard reason == .loggedOut else {
            return try systemWrite { try endStoredSession(tokenHash, reason, at: now)?.after }
        }
        return try write(as: .web(account)) { timestamp in
            guard let (before, after) = try endStoredSession(tokenHash, reason, at: now) else {
                return nil
            }
            if before.isActive, case .ended(.loggedOut, _) = after.state {
                try appendAudit(
                    at: timestamp,
                    actor: .web(account),
                    action: .accountLogout,
                    entity: "account",
                    entityID: account.id.description,
                    before: nil,
                    after: try StoreJSON.encode(SessionAudit(remoteAddress: session.remoteAddress))
                )
            }
            return after
        }
    }

    /// Ends every active session whose time-out has passed at `now`, at its deadline, and
    /// returns how many ended. Run it between requests, so that the table shows which
    /// sessions are still open. Written on behalf of the system, with no audit entry.
    @discardableResult
    public func endExpiredWebSessions(at now: Date) throws -> Int {
        try systemWrite {
            let rows = try database.query(
                """
                SELECT * FROM web_sessions
                WHERE ended_at IS NULL AND expires_at <= \(Timestamp.string(now))
                """
            )
            var ended = 0
            for row in rows {
                var lifetime = try Self.lifetime(from: row)
                lifetime.expire(at: now)
                guard !lifetime.isActive else {
                    continue
                }
                try update(tokenHash: try row.string("token_hash"), to: lifetime)
                ended += 1
            }
            return ended
        }
    }

    /// Ends every active session of the account with the reason `revoked` at `now`, inside
    /// the caller's transaction, and returns how many ended. A session whose time-out had
    /// passed ends for that time-out instead.
    func endWebSessions(of accountID: AccountID, at now: Date) throws -> Int {
        let rows = try database.query(
            """
            SELECT * FROM web_sessions
            WHERE account_id = \(accountID.rawValue) AND ended_at IS NULL
            """
        )
        for row in rows {
            var lifetime = try Self.lifetime(from: row)
            lifetime.revoke(at: now)
            try update(tokenHash: try row.string("token_hash"), to: lifetime)
        }
        return rows.count
    }

    // MARK: Helpers

    /// The audit entry of a login or logout. It names no token, digest or secret.
    private struct SessionAudit: Encodable {
        var remoteAddress: String
    }

    private func storedLifetime(tokenHash: TokenHash) throws -> SessionLifetime? {
        try database.query("SELECT * FROM web_sessions WHERE token_hash = \(tokenHash.hex)")
            .first.map(Self.lifetime(from:))
    }

    /// Applies the end `reason` at `now` to the stored session and writes the result.
    /// Returns the lifetime before and after, or nil when no session has the digest.
    private func endStoredSession(
        _ tokenHash: TokenHash,
        _ reason: SessionLifetime.EndReason,
        at now: Date
    ) throws -> (before: SessionLifetime, after: SessionLifetime)? {
        guard let before = try storedLifetime(tokenHash: tokenHash) else {
            return nil
        }
        var after = before
        switch reason {
        case .loggedOut: after.logout(at: now)
        case .revoked: after.revoke(at: now)
        case .idleTimeout, .absoluteTimeout: after.expire(at: now)
        }
        if after != before {
            try update(tokenHash: tokenHash, to: after)
        }
        return (before, after)
    }

    private func update(tokenHash: TokenHash, to lifetime: SessionLifetime) throws {
        try update(tokenHash: tokenHash.hex, to: lifetime)
    }

    /// Writes the times and state of `lifetime` to the session with the digest `hex`.
    private func update(tokenHash hex: String, to lifetime: SessionLifetime) throws {
        let endedAt: String?
        let endReason: String?
        switch lifetime.state {
        case .active:
            endedAt = nil
            endReason = nil
        case .ended(let reason, let at):
            endedAt = Timestamp.string(at)
            endReason = reason.rawValue
        }
        try database.execute(
            """
            UPDATE web_sessions
            SET last_seen_at = \(Timestamp.string(lifetime.lastSeenAt)),
                expires_at = \(Timestamp.string(lifetime.expiresAt)),
                ended_at = \(endedAt), end_reason = \(endReason)
            WHERE token_hash = \(hex)
            """
        )
    }

    private static func lifetime(from row: Row) throws -> SessionLifetime {
        let policy = SessionLifetime.Policy(
            idleTimeout: try row.double("idle_timeout_seconds"),
            absoluteTimeout: try row.double("absolute_timeout_seconds")
        )
        let state: SessionLifetime.State
        if let endedAt = try row.optionalTimestamp("ended_at") {
            let reasonText = try row.string("end_reason")
            guard let reason = SessionLifetime.EndReason(rawValue: reasonText) else {
                throw StoreError(
                    code: .invalidStoredData,
                    message: "column web_sessions.end_reason contains an unknown reason"
                )
            }
            state = .ended(reason, at: endedAt)
        } else {
            state = .active
        }
        return SessionLifetime(
            createdAt: try row.timestamp("created_at"),
            lastSeenAt: try row.timestamp("last_seen_at"),
            state: state,
            policy: policy
        )
    }

    private static func csrfSecret(from row: Row) throws -> CSRFSecret {
        do {
            return try CSRFSecret(storedText: try row.string("csrf_secret"))
        } catch let error as AuthError {
            throw StoreError(
                code: .invalidStoredData,
                message: "column web_sessions.csrf_secret is not a valid CSRF secret; end "
                    + "the session so that its person logs in again",
                cause: error
            )
        }
    }

    static func checkActive(_ account: Account) throws {
        guard account.isActive else {
            throw StoreError(
                code: .accountInactive,
                message: "account \(account.id) is inactive, so it cannot log in or use an "
                    + "API token; activate it first"
            )
        }
    }

    /// Returns `address` with each control or format character replaced by "?", cut to
    /// `maxRemoteAddressLength` Unicode scalars.
    private static func cleanRemoteAddress(_ address: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in address.unicodeScalars.prefix(maxRemoteAddressLength) {
            scalars.append(scalar.isControlOrFormat ? "?" : scalar)
        }
        return String(scalars)
    }
}
