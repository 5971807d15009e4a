import CertifDomain
import CertifPlanning
import Foundation

/// A fixed session with where it comes from: the plan that created it, or a published
/// calendar.
public struct FixedSessionRecord: Sendable, Hashable {
    public var session: FixedSession
    /// The accepted plan that created the session, or nil for a session of a published
    /// calendar.
    public var planID: Int?
    /// When the session was stored.
    public var acceptedAt: Date
    /// The actor that stored it, "web:marie.dupont" or "cli:root".
    public var acceptedBy: String
}

/// The facts about a candidate that decide who may see him and where a plan lists him.
public struct CandidateOutline: Sendable, Hashable {
    /// The territory where he lives.
    public var territory: TerritoryCode
    public var diploma: DiplomaCode

    public init(territory: TerritoryCode, diploma: DiplomaCode) {
        self.territory = territory
        self.diploma = diploma
    }
}

extension CertifStore {
    /// Returns every fixed session with its origin, in the order they were created.
    public func fixedSessionRecords() throws -> [FixedSessionRecord] {
        try database.query(
            "SELECT plan_id, accepted_at, accepted_by, json FROM sessions ORDER BY rowid"
        ).map(Self.sessionRecord(from:))
    }

    public func fixedSessionRecord(id: String) throws -> FixedSessionRecord? {
        try database.query(
            "SELECT plan_id, accepted_at, accepted_by, json FROM sessions WHERE id = \(id)"
        ).first.map(Self.sessionRecord(from:))
    }

    /// Returns the home territory and diploma of every candidate, by candidate id, without
    /// reading the rest of each candidate: deciding who may see the sessions of a national
    /// plan needs only this.
    public func candidateOutlines() throws -> [String: CandidateOutline] {
        var outlines: [String: CandidateOutline] = [:]
        for row in try database.query("SELECT id, territory, diploma FROM candidates") {
            outlines[try row.string("id")] = CandidateOutline(
                territory: TerritoryCode(rawValue: try row.string("territory")),
                diploma: DiplomaCode(rawValue: try row.string("diploma"))
            )
        }
        return outlines
    }

    /// Returns the candidates whose id is in `ids`, ordered by id. An id of no candidate is
    /// skipped.
    public func candidates(ids: some Collection<String>) throws -> [Candidate] {
        guard !ids.isEmpty else {
            return []
        }
        // One bound JSON array, however many ids, where an IN list would need one bound value
        // per id.
        let list = try StoreJSON.encode(Array(ids))
        return try database.query(
            """
            SELECT * FROM candidates WHERE id IN (SELECT value FROM json_each(\(list)))
            ORDER BY id
            """
        ).map(Self.candidate(from:))
    }

    /// Returns, for every candidate in a fixed session, the territory that organises it, by
    /// candidate id.
    public func fixedSessionOrganizers() throws -> [String: TerritoryCode] {
        var organizers: [String: TerritoryCode] = [:]
        let rows = try database.query(
            """
            SELECT session_candidates.candidate_id, sessions.organizer
            FROM session_candidates JOIN sessions ON sessions.id = session_candidates.session_id
            """
        )
        for row in rows {
            organizers[try row.string("candidate_id")] = TerritoryCode(
                rawValue: try row.string("organizer")
            )
        }
        return organizers
    }

    private static func sessionRecord(from row: Row) throws -> FixedSessionRecord {
        FixedSessionRecord(
            session: try StoreJSON.decode(
                FixedSession.self,
                from: try row.string("json"),
                column: "sessions.json"
            ),
            planID: try row.optionalInt64("plan_id").map { Int($0) },
            acceptedAt: try row.timestamp("accepted_at"),
            acceptedBy: try row.string("accepted_by")
        )
    }
}
