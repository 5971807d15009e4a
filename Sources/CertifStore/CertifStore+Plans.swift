import CertifDomain
import CertifPlanning
import Foundation

/// The stage of a stored plan: a draft until it is accepted, then accepted for good.
public enum PlanStatus: String, Sendable, Codable, CaseIterable {
    case draft
    case accepted
}

/// A plan as the store keeps it.
public struct StoredPlan: Sendable, Hashable {
    public var id: Int
    public var status: PlanStatus
    public var createdAt: Date
    /// The actor that saved the draft.
    public var createdBy: String
    public var acceptedAt: Date?
    /// The plan as saved. Accepting it changes its status, not the plan.
    public var plan: Plan
}

/// A line of the list of plans, read without decoding each plan.
public struct StoredPlanSummary: Sendable, Hashable {
    public var id: Int
    public var status: PlanStatus
    public var createdAt: Date
    public var createdBy: String
    public var acceptedAt: Date?
    /// The plan date.
    public var today: CivilDate
    /// The first and last days of the planned period.
    public var from: CivilDate
    public var to: CivilDate
    public var sessionCount: Int
}

extension CertifStore {
    /// Stores `plan` as a draft and returns its id. The audit entry records the plan's status,
    /// dates and session ids. The plan itself stays in the `plans` table, and no later write
    /// changes it.
    ///
    /// Throws `invalidRequest` when two sessions of the plan share an id, because acceptance
    /// names sessions by id.
    public func saveDraft(_ plan: Plan, actor: StoreActor) throws -> Int {
        var seen = Set<String>()
        for session in plan.sessions where !seen.insert(session.id).inserted {
            throw StoreError(
                code: .invalidRequest,
                message: "the plan has two sessions with id \(session.id); give each its own id"
            )
        }
        let json = try StoreJSON.encode(plan)
        return try write(as: actor) { timestamp in
            try database.execute(
                """
                INSERT INTO plans (
                    created_at, created_by, status, today, period_from, period_to, json
                ) VALUES (
                    \(timestamp), \(actor.name), \(PlanStatus.draft.rawValue), \(plan.today),
                    \(plan.from), \(plan.to), \(json)
                )
                """
            )
            let id = Int(try database.lastInsertRowID)
            let record = PlanAuditRecord(
                status: .draft,
                today: plan.today,
                from: plan.from,
                to: plan.to,
                sessions: plan.sessions.map(\.id)
            )
            try appendAudit(
                at: timestamp,
                actor: actor,
                action: .planDraft,
                entity: "plan",
                entityID: String(id),
                before: nil,
                after: try StoreJSON.encode(record)
            )
            return id
        }
    }

    /// Returns the plan `id`, or nil when no plan has it. The decoded plan is kept in
    /// `DecodedPlanCache`, so reading the same plan again skips the decoding of its JSON.
    public func plan(id: Int) throws -> StoredPlan? {
        let rows = try database.query(
            """
            SELECT id, status, created_at, created_by, accepted_at FROM plans WHERE id = \(id)
            """
        )
        guard let row = rows.first else {
            return nil
        }
        let key = DecodedPlanCache.Key(
            path: path,
            id: id,
            createdAt: try row.string("created_at")
        )
        let plan: Plan
        if let cached = DecodedPlanCache.shared.plan(for: key) {
            plan = cached
        } else {
            let json = try database.query("SELECT json FROM plans WHERE id = \(id)")
            guard let text = try json.first?.string("json") else {
                return nil
            }
            plan = try StoreJSON.decode(Plan.self, from: text, column: "plans.json")
            DecodedPlanCache.shared.insert(plan, for: key)
        }
        return StoredPlan(
            id: try row.int("id"),
            status: try Self.status(from: row),
            createdAt: try row.timestamp("created_at"),
            createdBy: try row.string("created_by"),
            acceptedAt: try row.optionalTimestamp("accepted_at"),
            plan: plan
        )
    }

    /// Returns a summary of every stored plan with `status`, or of every plan when it is nil,
    /// newest first.
    ///
    /// Counting the sessions parses the plan's JSON, megabytes for a national plan, so the
    /// status filter runs in SQL before it.
    public func plans(status: PlanStatus? = nil) throws -> [StoredPlanSummary] {
        let filter: SQL = status.map { "WHERE status = \($0.rawValue)" } ?? ""
        let rows = try database.query(
            """
            SELECT id, status, created_at, created_by, accepted_at, today, period_from, period_to,
                json_array_length(json, '$.sessions') AS session_count
            FROM plans \(filter) ORDER BY id DESC
            """
        )
        return try rows.map { row in
            StoredPlanSummary(
                id: try row.int("id"),
                status: try Self.status(from: row),
                createdAt: try row.timestamp("created_at"),
                createdBy: try row.string("created_by"),
                acceptedAt: try row.optionalTimestamp("accepted_at"),
                today: try row.date("today"),
                from: try row.date("period_from"),
                to: try row.date("period_to"),
                sessionCount: try row.int("session_count")
            )
        }
    }

    static func status(from row: Row) throws -> PlanStatus {
        guard let status = PlanStatus(rawValue: try row.string("status")) else {
            throw StoreError(
                code: .invalidStoredData,
                message: "column plans.status contains an unknown status"
            )
        }
        return status
    }
}

/// A plan's entry in the audit log: its status and dates, and the ids of its sessions.
struct PlanAuditRecord: Codable {
    var status: PlanStatus
    var today: CivilDate?
    var from: CivilDate?
    var to: CivilDate?
    /// The plan's sessions for a draft, the sessions accepted for an accepted plan.
    var sessions: [String]
}
