import CertifDomain
import CertifPlanning

extension CertifStore {
    /// Returns every fixed session, in the order they were created.
    public func fixedSessions() throws -> [FixedSession] {
        try database.query("SELECT json FROM sessions ORDER BY rowid").map {
            try StoreJSON.decode(
                FixedSession.self,
                from: try $0.string("json"),
                column: "sessions.json"
            )
        }
    }

    public func fixedSession(id: String) throws -> FixedSession? {
        try database.query("SELECT json FROM sessions WHERE id = \(id)").first.map {
            try StoreJSON.decode(
                FixedSession.self,
                from: try $0.string("json"),
                column: "sessions.json"
            )
        }
    }

    /// Deletes the fixed session `id` and frees its candidates, who wait for a plan again. The
    /// plan that created the session stays accepted.
    ///
    /// Throws `sessionNotFound` when no fixed session has this id.
    public func releaseSession(id: String, actor: StoreActor) throws {
        try write(as: actor) { timestamp in
            guard let session = try fixedSession(id: id) else {
                throw StoreError(
                    code: .sessionNotFound,
                    message: "no fixed session has id \(id); list the fixed sessions to find it"
                )
            }
            try database.execute("DELETE FROM session_candidates WHERE session_id = \(id)")
            try database.execute("DELETE FROM sessions WHERE id = \(id)")
            try appendAudit(
                at: timestamp,
                actor: actor,
                action: .sessionRelease,
                entity: "session",
                entityID: id,
                before: try StoreJSON.encode(session),
                after: nil
            )
        }
    }

    /// Returns the id of the fixed session that contains the candidate, or nil when he waits
    /// for a plan.
    public func fixedSessionID(containing candidateID: String) throws -> String? {
        try database.query(
            "SELECT session_id FROM session_candidates WHERE candidate_id = \(candidateID)"
        ).first?.string("session_id")
    }

    /// Returns the home territories of the candidates of every fixed session that has some,
    /// by session id, in one query.
    public func candidateTerritoriesBySession() throws -> [String: Set<TerritoryCode>] {
        let rows = try database.query(
            """
            SELECT DISTINCT session_id, territory FROM candidates
            WHERE session_id IS NOT NULL
            """
        )
        var territories: [String: Set<TerritoryCode>] = [:]
        for row in rows {
            territories[try row.string("session_id"), default: []].insert(
                TerritoryCode(try row.string("territory"))
            )
        }
        return territories
    }

    /// Returns the home territories of the candidates of the fixed session `id`, none for an
    /// unknown session.
    public func candidateTerritories(inSession id: String) throws -> Set<TerritoryCode> {
        let rows = try database.query(
            "SELECT DISTINCT territory FROM candidates WHERE session_id = \(id)"
        )
        return Set(try rows.map { TerritoryCode(try $0.string("territory")) })
    }

    /// Returns an outline of each fixed session whose last exam day is `day` or later, the
    /// session with the earliest first day first. The outlines come from columns that
    /// triggers copy from the sessions' JSON, because decoding whole sessions, candidates and
    /// reasons included, takes milliseconds each.
    public func upcomingSessions(from day: CivilDate) throws -> [FixedSessionOutline] {
        let rows = try database.query(
            """
            SELECT id, diploma, organizer, days_outline,
                (SELECT count(*) FROM session_candidates
                    WHERE session_candidates.session_id = sessions.id) AS candidate_count
            FROM sessions WHERE last_day >= \(day) ORDER BY rowid
            """
        )
        var outlines: [FixedSessionOutline] = []
        for row in rows {
            let days = try Self.outlineDays(try row.string("days_outline"))
            guard let last = days.map(\.date).max(), last >= day else {
                continue
            }
            outlines.append(
                FixedSessionOutline(
                    id: try row.string("id"),
                    diploma: DiplomaCode(try row.string("diploma")),
                    organizer: TerritoryCode(try row.string("organizer")),
                    days: days,
                    candidateCount: try row.int("candidate_count")
                )
            )
        }
        // The offset breaks ties, so sessions with the same first day keep their order of
        // creation.
        return outlines.enumerated().sorted { left, right in
            let leftFirst = left.element.days.map(\.date).min() ?? day
            let rightFirst = right.element.days.map(\.date).min() ?? day
            return (leftFirst, left.offset) < (rightFirst, right.offset)
        }.map(\.element)
    }

    /// Reads the `date=commissions` pairs, separated by commas, of `sessions.days_outline`.
    private static func outlineDays(_ text: String) throws -> [FixedSessionOutline.Day] {
        var days: [FixedSessionOutline.Day] = []
        for pair in text.split(separator: ",") {
            let parts = pair.split(separator: "=")
            guard parts.count == 2, let date = CivilDate(parsing: String(parts[0])),
                let commissions = Int(parts[1])
            else {
                throw StoreError(
                    code: .invalidStoredData,
                    message: "column sessions.days_outline has an exam day without a valid "
                        + "date or commission count"
                )
            }
            days.append(FixedSessionOutline.Day(date: date, commissions: commissions))
        }
        return days
    }
}

/// A fixed session without its candidates: what a list of sessions shows.
public struct FixedSessionOutline: Sendable, Hashable {
    public struct Day: Sendable, Hashable {
        public var date: CivilDate
        public var commissions: Int
    }

    public var id: String
    public var diploma: DiplomaCode
    public var organizer: TerritoryCode
    public var days: [Day]
    /// Candidates placed in the session, on all its days.
    public var candidateCount: Int
}
