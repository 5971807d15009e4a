import CertifAuth
import CertifDomain
import Foundation

/// An account with its stored password hash, for the login check only.
///
/// `description`, `debugDescription` and `dump` leave the hash out, so logging the value
/// does not write the hash to the log.
public struct AccountCredentials: Sendable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    public var account: Account
    /// libsodium's Argon2id string, to pass to `PasswordHasher.verify(_:against:)`.
    public var passwordHash: String
    public var passwordChangedAt: Date

    public var description: String {
        "AccountCredentials(account: \(account.id), passwordHash: redacted)"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(self, children: ["account": account, "passwordChangedAt": passwordChangedAt])
    }
}

extension StoreActor {
    /// Returns the actor of a request made in the web application by `account`,
    /// "web:<login>".
    public static func web(_ account: Account) -> StoreActor {
        StoreActor(name: "web:\(account.login)")
    }

    /// Returns the actor of a JSON API request authenticated by a token of `account`,
    /// "api:<login>".
    public static func api(_ account: Account) -> StoreActor {
        StoreActor(name: "api:\(account.login)")
    }
}

extension CertifStore {
    /// Unicode scalars that a normalised login may have, so that "web:" and the login fit in
    /// an audit actor name (`StoreActor.maxNameLength`).
    public static let maxLoginLength = 60
    /// Unicode scalars that a display name may have.
    public static let maxDisplayNameLength = 100

    /// Creates an active account and records it in the audit log, without its password hash.
    ///
    /// The login is stored as `Account.normalizedLogin(_:)` returns it, and the display name
    /// without the spaces around it. Throws, before writing:
    /// - `loginTaken` when another account has the same normalised login;
    /// - `invalidRequest` when the login or display name is empty, too long or contains a
    ///   control character, the login contains a space, the hash is not an Argon2id string,
    ///   or a regional officer's territory is not one that Certif serves.
    public func createAccount(
        login: String,
        displayName: String,
        role: Role,
        passwordHash: String,
        actor: StoreActor
    ) throws -> Account {
        let login = try Self.checkedLogin(login)
        let displayName = try Self.checkedDisplayName(displayName)
        try Self.checkPasswordHash(passwordHash)
        if case .regionalOfficer(let territory) = role {
            try Self.checkServedTerritory(territory)
        }
        return try write(as: actor) { timestamp in
            guard try credentials(login: login) == nil else {
                throw StoreError(
                    code: .loginTaken,
                    message: "another account already has the login \(login); choose another "
                        + "login"
                )
            }
            try database.execute(
                """
                INSERT INTO accounts (
                    login, display_name, role, territory, password_hash, active,
                    created_at, updated_at, password_changed_at
                ) VALUES (
                    \(login), \(displayName), \(role.storedName), \(role.storedTerritory?.rawValue),
                    \(passwordHash), \(true), \(timestamp), \(timestamp), \(timestamp)
                )
                """
            )
            let account = Account(
                id: AccountID(try database.lastInsertRowID),
                login: login,
                displayName: displayName,
                role: role,
                isActive: true
            )
            try appendAudit(
                at: timestamp,
                actor: actor,
                action: .accountCreate,
                entity: "account",
                entityID: account.id.description,
                before: nil,
                after: try StoreJSON.encode(account)
            )
            return account
        }
    }

    public func account(id: AccountID) throws -> Account? {
        try database.query("SELECT * FROM accounts WHERE id = \(id.rawValue)").first.map {
            try Self.account(from: $0)
        }
    }

    /// Returns the account whose login is `login` once normalised, with its password hash,
    /// or nil when no account has it. An inactive account is returned too. When `isActive`
    /// is false, verify the password against nil, so that the login check takes as long as
    /// for an active account.
    public func account(login: String) throws -> AccountCredentials? {
        try credentials(login: Account.normalizedLogin(login))
    }

    /// Returns every account, ordered by login.
    public func accounts() throws -> [Account] {
        try database.query("SELECT * FROM accounts ORDER BY login").map {
            try Self.account(from: $0)
        }
    }

    /// Returns the number of accounts, active or not.
    public func accountCount() throws -> Int {
        try database.query("SELECT count(*) AS n FROM accounts")[0].int("n")
    }

    /// Replaces the account's password hash and ends every active web session of the account
    /// with the reason `revoked`, so that a stolen session does not outlive the old password.
    /// Returns the number of sessions ended. API tokens stay valid.
    ///
    /// Throws `accountNotFound`, and `invalidRequest` when the hash is not an Argon2id string.
    @discardableResult
    public func setPassword(
        accountID: AccountID,
        passwordHash: String,
        actor: StoreActor
    ) throws -> Int {
        try Self.checkPasswordHash(passwordHash)
        return try write(as: actor) { timestamp in
            let stored = try existingCredentials(id: accountID)
            try database.execute(
                """
                UPDATE accounts
                SET password_hash = \(passwordHash), password_changed_at = \(timestamp),
                    updated_at = \(timestamp)
                WHERE id = \(accountID.rawValue)
                """
            )
            let ended = try endWebSessions(of: accountID, at: try Self.date(of: timestamp))
            try appendAudit(
                at: timestamp,
                actor: actor,
                action: .accountPassword,
                entity: "account",
                entityID: accountID.description,
                before: try StoreJSON.encode(
                    PasswordChange(passwordChangedAt: Timestamp.string(stored.passwordChangedAt))
                ),
                after: try StoreJSON.encode(
                    PasswordChange(passwordChangedAt: timestamp, endedWebSessions: ended)
                )
            )
            return ended
        }
    }

    /// Replaces the account's password hash with a new hash of the same password, made with
    /// the current Argon2id parameters after `PasswordHasher.needsRehash(_:)` returned true at
    /// login. Unlike `setPassword`, it keeps the web sessions and `password_changed_at`.
    ///
    /// Throws `accountNotFound`, and `invalidRequest` when the hash is not an Argon2id string.
    public func rehashPassword(
        accountID: AccountID,
        passwordHash: String,
        actor: StoreActor
    ) throws {
        try Self.checkPasswordHash(passwordHash)
        try write(as: actor) { timestamp in
            _ = try existingCredentials(id: accountID)
            try database.execute(
                """
                UPDATE accounts SET password_hash = \(passwordHash), updated_at = \(timestamp)
                WHERE id = \(accountID.rawValue)
                """
            )
            try appendAudit(
                at: timestamp,
                actor: actor,
                action: .accountRehash,
                entity: "account",
                entityID: accountID.description,
                before: nil,
                after: nil
            )
        }
    }

    /// Activates or deactivates the account. Deactivating ends its active web sessions with
    /// the reason `revoked`, and `apiToken(hash:)` then rejects its tokens. Returns false,
    /// writing nothing, when the account already had that state.
    ///
    /// Throws `accountNotFound`, and `invalidRequest` when the account is the last active
    /// national administrator, because no account could then manage the accounts.
    @discardableResult
    public func setActive(accountID: AccountID, active: Bool, actor: StoreActor) throws -> Bool {
        try write(as: actor) { timestamp in
            let before = try existingCredentials(id: accountID).account
            guard before.isActive != active else {
                return false
            }
            if !active, before.role == .nationalAdministrator {
                let administrators = try database.query(
                    """
                    SELECT count(*) AS n FROM accounts
                    WHERE role = \(Role.nationalAdministrator.storedName) AND active = 1
                    """
                )[0].int("n")
                guard administrators > 1 else {
                    throw StoreError(
                        code: .invalidRequest,
                        message: "account \(accountID) is the last active national "
                            + "administrator, so it cannot be deactivated; activate or create "
                            + "another national administrator first"
                    )
                }
            }
            try database.execute(
                """
                UPDATE accounts SET active = \(active), updated_at = \(timestamp)
                WHERE id = \(accountID.rawValue)
                """
            )
            if !active {
                _ = try endWebSessions(of: accountID, at: try Self.date(of: timestamp))
            }
            var after = before
            after.isActive = active
            try appendAudit(
                at: timestamp,
                actor: actor,
                action: active ? .accountActivate : .accountDeactivate,
                entity: "account",
                entityID: accountID.description,
                before: try StoreJSON.encode(before),
                after: try StoreJSON.encode(after)
            )
            return true
        }
    }

    // MARK: Helpers

    /// The audit entry of a password change, which names no hash.
    private struct PasswordChange: Encodable {
        /// The timestamp text, as the store writes it.
        var passwordChangedAt: String
        var endedWebSessions: Int?
    }

    private func credentials(login normalizedLogin: String) throws -> AccountCredentials? {
        try database.query("SELECT * FROM accounts WHERE login = \(normalizedLogin)").first.map(
            Self.credentials(from:)
        )
    }

    /// Returns the stored account `id`, or throws `accountNotFound`.
    func existingCredentials(id: AccountID) throws -> AccountCredentials {
        let rows = try database.query("SELECT * FROM accounts WHERE id = \(id.rawValue)")
        guard let row = rows.first else {
            throw StoreError(
                code: .accountNotFound,
                message: "no account has id \(id); list the accounts to find it"
            )
        }
        return try Self.credentials(from: row)
    }

    /// Returns the `Date` of a timestamp that `write(as:)` made.
    static func date(of timestamp: String) throws -> Date {
        guard let date = Timestamp.date(timestamp) else {
            throw StoreError(
                code: .misuse,
                message: "the write timestamp \(timestamp) is not an ISO 8601 timestamp"
            )
        }
        return date
    }

    /// Reads an account from `row`, which has the columns of `accounts` under their own
    /// names, except the account's id, which is read from `idColumn`.
    static func account(from row: Row, idColumn: String = "id") throws -> Account {
        let roleName = try row.string("role")
        let territory = try row.optionalString("territory").map(TerritoryCode.init(rawValue:))
        guard let role = Role(storedName: roleName, territory: territory) else {
            throw StoreError(
                code: .invalidStoredData,
                message: "column accounts.role contains an unknown role, or a territory that "
                    + "does not match it"
            )
        }
        return Account(
            id: AccountID(try row.int64(idColumn)),
            login: try row.string("login"),
            displayName: try row.string("display_name"),
            role: role,
            isActive: try row.bool("active")
        )
    }

    private static func credentials(from row: Row) throws -> AccountCredentials {
        AccountCredentials(
            account: try account(from: row),
            passwordHash: try row.string("password_hash"),
            passwordChangedAt: try row.timestamp("password_changed_at")
        )
    }

    // MARK: Checks

    private static func checkedLogin(_ login: String) throws -> String {
        let normalized = Account.normalizedLogin(login)
        guard !normalized.isEmpty else {
            throw StoreError(
                code: .invalidRequest,
                message: "the login is empty; give a login such as marie.dupont"
            )
        }
        guard normalized.unicodeScalars.count <= maxLoginLength else {
            throw StoreError(
                code: .invalidRequest,
                message: "the login has \(normalized.unicodeScalars.count) characters, more "
                    + "than the maximum of \(maxLoginLength); choose a shorter login"
            )
        }
        let scalars = normalized.unicodeScalars
        guard !scalars.contains(where: { $0.isControlOrFormat || $0.properties.isWhitespace })
        else {
            throw StoreError(
                code: .invalidRequest,
                message: "the login contains a space or a control character; use letters, "
                    + "digits and signs such as . - _ @"
            )
        }
        return normalized
    }

    private static func checkedDisplayName(_ displayName: String) throws -> String {
        let trimmed = displayName.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw StoreError(
                code: .invalidRequest,
                message: "the display name is empty; give the person's name, such as "
                    + "Marie Dupont"
            )
        }
        guard trimmed.unicodeScalars.count <= maxDisplayNameLength else {
            throw StoreError(
                code: .invalidRequest,
                message: "the display name has \(trimmed.unicodeScalars.count) characters, "
                    + "more than the maximum of \(maxDisplayNameLength); shorten it"
            )
        }
        guard !trimmed.unicodeScalars.contains(where: \.isControlOrFormat) else {
            throw StoreError(
                code: .invalidRequest,
                message: "the display name contains a control or format character, such as a "
                    + "line break; remove it"
            )
        }
        return trimmed
    }

    /// Rejects anything but libsodium's Argon2id string, so that a plain password passed by
    /// mistake is never stored. The message does not quote the value.
    static func checkPasswordHash(_ passwordHash: String) throws {
        // libsodium's strings are shorter than crypto_pwhash_STRBYTES, 128 bytes.
        guard passwordHash.hasPrefix("$argon2id$"), passwordHash.utf8.count < 128,
            passwordHash.unicodeScalars.allSatisfy({ $0.isASCII && !$0.isControlOrFormat })
        else {
            throw StoreError(
                code: .invalidRequest,
                message: "the password hash is not an Argon2id string from PasswordHasher; "
                    + "hash the password before storing it"
            )
        }
    }

    private static func checkServedTerritory(_ territory: TerritoryCode) throws {
        let reference: ReferenceData
        do {
            reference = try ReferenceData.bundled()
        } catch {
            throw StoreError(
                code: .misuse,
                message: "the reference data shipped with Certif could not be loaded, so "
                    + "territory \(territory) cannot be checked",
                cause: error
            )
        }
        // NOTE: The territories come from the reference files shipped with Certif, because
        // the database stores none yet.
        guard reference.territory(territory) != nil else {
            let known = reference.territories.map(\.code.rawValue).sorted()
            throw StoreError(
                code: .invalidRequest,
                message: "territory \(territory) is not one that Certif serves; give one of "
                    + known.joined(separator: ", ")
            )
        }
    }
}

extension Role {
    /// The text of the `accounts.role` column.
    var storedName: String {
        switch self {
        case .nationalAdministrator: return "national-administrator"
        case .regionalOfficer: return "regional-officer"
        case .nationalReader: return "national-reader"
        }
    }

    /// The text of the `accounts.territory` column: set for a regional officer only.
    var storedTerritory: TerritoryCode? {
        if case .regionalOfficer(let territory) = self {
            return territory
        }
        return nil
    }

    /// Reads the `role` and `territory` columns, or returns nil when they do not match.
    init?(storedName: String, territory: TerritoryCode?) {
        switch (storedName, territory) {
        case ("national-administrator", nil): self = .nationalAdministrator
        case ("regional-officer", .some(let territory)):
            self = .regionalOfficer(territory: territory)
        case ("national-reader", nil): self = .nationalReader
        default: return nil
        }
    }
}
