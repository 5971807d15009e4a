import CertifAuth
import CertifDomain
import Foundation

/// The conditions of an audit log query. A nil condition filters nothing.
public struct AuditLogFilter: Sendable, Hashable {
    /// Text that the actor name contains, ignoring ASCII case ("agent-hdf" finds
    /// "web:agent-hdf").
    public var actor: String?
    public var action: AuditAction?
    public var entity: String?
    public var entityID: String?
    /// The first instant included.
    public var from: Date?
    /// The first instant excluded.
    public var until: Date?

    public init(
        actor: String? = nil,
        action: AuditAction? = nil,
        entity: String? = nil,
        entityID: String? = nil,
        from: Date? = nil,
        until: Date? = nil
    ) {
        self.actor = actor
        self.action = action
        self.entity = entity
        self.entityID = entityID
        self.from = from
        self.until = until
    }
}

/// The part of the audit log that a person may read, in a form that a query can apply.
public enum AuditLogScope: Sendable, Hashable {
    case all
    case none
    /// The entries written by `actors`, those about the account `account`, those about a
    /// candidate that `candidates` includes, and those about a session that `organizer`
    /// organises.
    case restricted(
        actors: [String],
        account: AccountID,
        candidates: CandidateVisibility,
        organizer: TerritoryCode
    )
}

extension CertifStore {
    /// Entries that one audit log query may return.
    public static let maxAuditPageSize = 500

    /// Returns one page of the audit log entries that `scope` includes and `filter` matches,
    /// newest first, and the number of matching entries on all pages. Filtered in SQL.
    ///
    /// Throws `invalidRequest` when `limit` is not 0 to `maxAuditPageSize` or `offset` is
    /// negative.
    public func auditEntries(
        matching filter: AuditLogFilter = AuditLogFilter(),
        scope: AuditLogScope,
        limit: Int = 50,
        offset: Int = 0
    ) throws -> (rows: [AuditEntry], total: Int) {
        guard (0...Self.maxAuditPageSize).contains(limit), offset >= 0 else {
            throw StoreError(
                code: .invalidRequest,
                message: "the audit log page needs a limit of 0 to \(Self.maxAuditPageSize) "
                    + "and an offset of 0 or more, got limit \(limit) and offset \(offset)"
            )
        }
        guard let visible = Self.condition(for: scope) else {
            return ([], 0)
        }

        var conditions = [visible]
        if let actor = filter.actor, !actor.isEmpty {
            conditions.append("instr(lower(audit_log.actor), \(actor.lowercased())) > 0")
        }
        if let action = filter.action {
            conditions.append("audit_log.action = \(action.rawValue)")
        }
        if let entity = filter.entity {
            conditions.append("audit_log.entity = \(entity)")
        }
        if let entityID = filter.entityID {
            conditions.append("audit_log.entity_id = \(entityID)")
        }
        // Timestamps are ISO 8601 text in UTC with milliseconds, so text order is time order.
        if let from = filter.from {
            conditions.append("audit_log.at >= \(Timestamp.string(from))")
        }
        if let until = filter.until {
            conditions.append("audit_log.at < \(Timestamp.string(until))")
        }
        let condition = SQL.joined(conditions, separator: " AND ")

        return try database.readTransaction {
            let rows = try database.query(
                """
                SELECT * FROM audit_log WHERE \(condition)
                ORDER BY audit_log.id DESC LIMIT \(limit) OFFSET \(offset)
                """
            )
            let total = try database.query(
                "SELECT count(*) AS n FROM audit_log WHERE \(condition)"
            )[0].int("n")
            return (try rows.map(Self.auditEntry(from:)), total)
        }
    }

    /// Returns every entry about the entity `id` of kind `entity`, newest first: a
    /// candidate's history with `entity: "candidate"`.
    public func auditEntries(entity: String, id: String) throws -> [AuditEntry] {
        try database.query(
            """
            SELECT * FROM audit_log WHERE entity = \(entity) AND entity_id = \(id)
            ORDER BY id DESC
            """
        ).map(Self.auditEntry(from:))
    }

    /// Returns the actions and the entity kinds of the entries that `scope` includes, each
    /// sorted, for the choices of a filter form.
    public func auditVocabulary(
        scope: AuditLogScope
    ) throws -> (actions: [AuditAction], entities: [String]) {
        guard let visible = Self.condition(for: scope) else {
            return ([], [])
        }
        return try database.readTransaction {
            let actions = try database.query(
                "SELECT DISTINCT action FROM audit_log WHERE \(visible) ORDER BY action"
            ).map { AuditAction(rawValue: try $0.string("action")) }
            let entities = try database.query(
                "SELECT DISTINCT entity FROM audit_log WHERE \(visible) ORDER BY entity"
            ).map { try $0.string("entity") }
            return (actions, entities)
        }
    }

    /// Returns the SQL condition on an `audit_log` row that `scope` includes, or nil when it
    /// includes none.
    ///
    /// A session entry counts as the organiser's through the `organizer` of the session's
    /// JSON after the change, or before it for a released session, so that it still counts
    /// once the session is deleted.
    static func condition(for scope: AuditLogScope) -> SQL? {
        switch scope {
        case .all:
            return "1"
        case .none:
            return nil
        case .restricted(let actors, let account, let candidates, let organizer):
            var alternatives: [SQL] = [
                "(audit_log.entity = 'account' AND audit_log.entity_id = \(account.description))",
                """
                (audit_log.entity = 'session' AND json_extract(
                    coalesce(audit_log.after, audit_log.before), '$.organizer'
                ) = \(organizer.rawValue))
                """,
            ]
            for actor in actors {
                alternatives.append("audit_log.actor = \(actor)")
            }
            if let visible = condition(for: candidates) {
                alternatives.append(
                    """
                    (audit_log.entity = 'candidate' AND audit_log.entity_id IN (
                        SELECT candidates.id FROM candidates WHERE \(visible)
                    ))
                    """
                )
            }
            return "(\(SQL.joined(alternatives, separator: " OR ")))"
        }
    }

    static func auditEntry(from row: Row) throws -> AuditEntry {
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
