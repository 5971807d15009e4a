import CertifDomain

/// The counts and ids of the candidates that an import inserted, updated or left unchanged.
public struct ImportOutcome: Sendable, Hashable, Codable {
    public var inserted: Int { insertedIDs.count }
    public var updated: Int { updatedIDs.count }
    public var unchanged: Int
    /// Ids of the inserted candidates, in the order of the imported list.
    public var insertedIDs: [String]
    /// Ids of the updated candidates, in the order of the imported list.
    public var updatedIDs: [String]

    public init(unchanged: Int = 0, insertedIDs: [String] = [], updatedIDs: [String] = []) {
        self.unchanged = unchanged
        self.insertedIDs = insertedIDs
        self.updatedIDs = updatedIDs
    }
}

extension CertifStore {
    /// Inserts the new candidates and updates the changed ones, in one transaction, with one
    /// audit entry per inserted or updated candidate.
    ///
    /// A candidate identical to the stored one is left as it is: no write, no audit entry, and
    /// its `updated_at` keeps its value, so importing the same list twice changes nothing the
    /// second time. Throws `invalidRequest`, before writing, when two candidates share an id.
    public func importCandidates(
        _ candidates: [Candidate],
        actor: StoreActor
    ) throws -> ImportOutcome {
        try Self.checkDistinctIDs(candidates)
        return try write(as: actor) { timestamp in
            try applyImport(candidates, actor: actor, at: timestamp)
        }
    }

    /// Returns what `importCandidates` would do with `candidates` now, without writing: the
    /// ids it would insert and update, and how many it would leave unchanged.
    ///
    /// Throws `invalidRequest` when two candidates share an id.
    public func plannedImport(_ candidates: [Candidate]) throws -> ImportOutcome {
        try Self.checkDistinctIDs(candidates)
        return try database.readTransaction {
            var outcome = ImportOutcome()
            for candidate in candidates {
                let stored = try self.candidate(id: candidate.id)
                if stored == nil {
                    outcome.insertedIDs.append(candidate.id)
                } else if stored == candidate {
                    outcome.unchanged += 1
                } else {
                    outcome.updatedIDs.append(candidate.id)
                }
            }
            return outcome
        }
    }

    static func checkDistinctIDs(_ candidates: [Candidate]) throws {
        var seen = Set<String>()
        for candidate in candidates where !seen.insert(candidate.id).inserted {
            throw StoreError(
                code: .invalidRequest,
                message: "candidate id \(candidate.id) appears twice in the imported list; "
                    + "keep one row per candidate"
            )
        }
    }

    /// Writes an import inside the caller's write transaction, as `importCandidates`
    /// describes.
    func applyImport(
        _ candidates: [Candidate],
        actor: StoreActor,
        at timestamp: String
    ) throws -> ImportOutcome {
        let settings = try settings()
        var outcome = ImportOutcome()
        for candidate in candidates {
            let stored = try self.candidate(id: candidate.id)
            if stored == candidate {
                outcome.unchanged += 1
                continue
            }
            let deadline = settings.deadline(for: candidate).date
            let after = try StoreJSON.encode(candidate)
            if let stored {
                try updateRow(of: candidate, deadline: deadline, at: timestamp)
                try appendAudit(
                    at: timestamp,
                    actor: actor,
                    action: .candidateUpdate,
                    entity: "candidate",
                    entityID: candidate.id,
                    before: try StoreJSON.encode(stored),
                    after: after
                )
                outcome.updatedIDs.append(candidate.id)
            } else {
                try insertRow(of: candidate, deadline: deadline, at: timestamp)
                try appendAudit(
                    at: timestamp,
                    actor: actor,
                    action: .candidateInsert,
                    entity: "candidate",
                    entityID: candidate.id,
                    before: nil,
                    after: after
                )
                outcome.insertedIDs.append(candidate.id)
            }
        }
        return outcome
    }

    /// Returns every candidate, ordered by id.
    public func candidates() throws -> [Candidate] {
        try database.query("SELECT * FROM candidates ORDER BY id").map(Self.candidate(from:))
    }

    public func candidate(id: String) throws -> Candidate? {
        try database.query("SELECT * FROM candidates WHERE id = \(id)").first.map(
            Self.candidate(from:)
        )
    }

    /// Returns the candidates that no fixed session contains, ordered by id: those that a plan
    /// still has to place.
    public func waitingCandidates() throws -> [Candidate] {
        try database.query(
            """
            SELECT * FROM candidates
            WHERE NOT EXISTS (
                SELECT 1 FROM session_candidates
                WHERE session_candidates.candidate_id = candidates.id
            )
            ORDER BY id
            """
        ).map(Self.candidate(from:))
    }

    func insertRow(of candidate: Candidate, deadline: CivilDate, at timestamp: String) throws {
        try database.execute(
            """
            INSERT INTO candidates (
                id, birth_name, usage_name, given_names, birth_date, diploma, route, territory,
                available_from, explicit_deadline, remote_allowed, extra_time_percent,
                created_at, updated_at, search_text, sort_name, deadline
            ) VALUES (
                \(candidate.id), \(candidate.birthName), \(candidate.usageName),
                \(candidate.givenNames), \(candidate.birthDate), \(candidate.diploma.rawValue),
                \(candidate.route.rawValue), \(candidate.territory.rawValue),
                \(candidate.availableFrom), \(candidate.explicitDeadline),
                \(candidate.remoteAllowed), \(candidate.extraTimePercent),
                \(timestamp), \(timestamp),
                \(SearchKey.searchText(of: candidate)), \(SearchKey.sortName(of: candidate)),
                \(deadline)
            )
            """
        )
    }

    func updateRow(of candidate: Candidate, deadline: CivilDate, at timestamp: String) throws {
        try database.execute(
            """
            UPDATE candidates SET
                birth_name = \(candidate.birthName),
                usage_name = \(candidate.usageName),
                given_names = \(candidate.givenNames),
                birth_date = \(candidate.birthDate),
                diploma = \(candidate.diploma.rawValue),
                route = \(candidate.route.rawValue),
                territory = \(candidate.territory.rawValue),
                available_from = \(candidate.availableFrom),
                explicit_deadline = \(candidate.explicitDeadline),
                remote_allowed = \(candidate.remoteAllowed),
                extra_time_percent = \(candidate.extraTimePercent),
                updated_at = \(timestamp),
                search_text = \(SearchKey.searchText(of: candidate)),
                sort_name = \(SearchKey.sortName(of: candidate)),
                deadline = \(deadline)
            WHERE id = \(candidate.id)
            """
        )
    }

    static func candidate(from row: Row) throws -> Candidate {
        let routeText = try row.string("route")
        guard let route = AccessRoute(rawValue: routeText) else {
            throw StoreError(
                code: .invalidStoredData,
                message: "column route contains an unknown access route"
            )
        }
        return Candidate(
            id: try row.string("id"),
            birthName: try row.string("birth_name"),
            usageName: try row.optionalString("usage_name"),
            givenNames: try row.string("given_names"),
            birthDate: try row.date("birth_date"),
            diploma: DiplomaCode(try row.string("diploma")),
            route: route,
            territory: TerritoryCode(try row.string("territory")),
            availableFrom: try row.date("available_from"),
            explicitDeadline: try row.optionalDate("explicit_deadline"),
            remoteAllowed: try row.bool("remote_allowed"),
            extraTimePercent: try row.int("extra_time_percent")
        )
    }
}
