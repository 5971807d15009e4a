import Foundation

/// The kind of change that an audit entry records, "candidate.insert".
public struct AuditAction: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }

    public static let candidateInsert = AuditAction(rawValue: "candidate.insert")
    public static let candidateUpdate = AuditAction(rawValue: "candidate.update")
    /// A candidate file imported after its preview; each candidate written has its own entry.
    public static let candidateFileImport = AuditAction(rawValue: "candidate-file.import")
    public static let settingsUpdate = AuditAction(rawValue: "settings.update")
    public static let planDraft = AuditAction(rawValue: "plan.draft")
    public static let planAccept = AuditAction(rawValue: "plan.accept")
    /// A fixed session created from a session of an accepted plan.
    public static let sessionCreate = AuditAction(rawValue: "session.create")
    /// A fixed session given more candidates by an accepted plan.
    public static let sessionExtend = AuditAction(rawValue: "session.extend")
    public static let sessionRelease = AuditAction(rawValue: "session.release")
    public static let accountCreate = AuditAction(rawValue: "account.create")
    /// A new password set for an account, which ends its web sessions.
    public static let accountPassword = AuditAction(rawValue: "account.password")
    /// The same password hashed again with current parameters, after a login.
    public static let accountRehash = AuditAction(rawValue: "account.rehash")
    public static let accountActivate = AuditAction(rawValue: "account.activate")
    /// An account that may no longer log in, whose web sessions end.
    public static let accountDeactivate = AuditAction(rawValue: "account.deactivate")
    /// A web session started after a correct password.
    public static let accountLogin = AuditAction(rawValue: "account.login")
    /// A web session ended by its person.
    public static let accountLogout = AuditAction(rawValue: "account.logout")
    public static let apiTokenCreate = AuditAction(rawValue: "api-token.create")
    public static let apiTokenRevoke = AuditAction(rawValue: "api-token.revoke")
}

/// One row of the audit log: who changed which entity, when, and its JSON before and after.
public struct AuditEntry: Sendable, Hashable {
    public var id: Int64
    public var at: Date
    public var actor: String
    public var action: AuditAction
    /// The kind of entity changed: "candidate", "candidate-file", "settings", "plan",
    /// "session", "account" or "api-token".
    public var entity: String
    public var entityID: String?
    /// The entity as JSON before the change, or nil when the change created it.
    public var before: String?
    /// The entity as JSON after the change, or nil when the change deleted it.
    public var after: String?
}

extension CertifStore {
    /// Returns the `limit` latest entries of the audit log, newest first.
    public func auditLog(limit: Int = 100) throws -> [AuditEntry] {
        guard limit >= 0 else {
            throw StoreError(
                code: .invalidRequest,
                message: "the audit log limit must be 0 or more, got \(limit)"
            )
        }
        let rows = try database.query(
            """
            SELECT id, at, actor, action, entity, entity_id, before, after
            FROM audit_log ORDER BY id DESC LIMIT \(limit)
            """
        )
        return try rows.map { row in
            AuditEntry(
                id: try row.int64("id"),
                at: try row.timestamp("at"),
                actor: try row.string("actor"),
                action: AuditAction(rawValue: try row.string("action")),
                entity: try row.string("entity"),
                entityID: try row.optionalString("entity_id"),
                before: try row.optionalString("before"),
                after: try row.optionalString("after")
            )
        }
    }

    /// Appends one entry to the audit log. Call it inside the transaction of the write it
    /// records, so that both are committed together.
    func appendAudit(
        at timestamp: String,
        actor: StoreActor,
        action: AuditAction,
        entity: String,
        entityID: String?,
        before: String?,
        after: String?
    ) throws {
        guard database.isInTransaction else {
            throw StoreError(
                code: .misuse,
                message: "an audit entry must be written in the transaction of its change"
            )
        }
        try database.execute(
            """
            INSERT INTO audit_log (at, actor, action, entity, entity_id, before, after)
            VALUES (\(timestamp), \(actor.name), \(action.rawValue), \(entity), \(entityID), \
            \(before), \(after))
            """
        )
    }
}
