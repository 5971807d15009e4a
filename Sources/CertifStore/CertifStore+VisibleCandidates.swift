import CertifAuth
import CertifDomain

/// Whether a candidate already has his exam day.
public enum CandidateStatus: String, Sendable, Hashable, CaseIterable {
    /// In no fixed session: a plan still has to place him.
    case waiting
    /// In a fixed session.
    case scheduled
}

/// The order of a list of candidates.
public enum CandidateOrder: Sendable, Hashable {
    /// By birth name, ignoring case and accents, then by id.
    case name
    /// By deadline, the nearest first, then by id.
    case deadline
}

extension CertifStore {
    /// Words that a candidate search may have.
    public static let maxSearchWords = 16
    /// Candidates that one page of `candidates(visibleTo:…)` may return.
    public static let maxPageSize = 200

    /// Returns how many words a search for `text` looks for, once folded as the search folds
    /// them, so that a caller can reject a search of more than `maxSearchWords` words itself.
    public static func searchWordCount(_ text: String) -> Int {
        SearchKey.words(text).count
    }

    /// Returns one page of the candidates that `visibility` includes, filtered in SQL, and the
    /// number of candidates on all pages.
    ///
    /// A regional officer's visibility includes the candidates who live in his territory and
    /// those in a fixed session that his territory's service organises. `search` is split into
    /// words, and a candidate matches when each word occurs in his id, birth name, usage name
    /// or given names, ignoring case, accents and punctuation (see `SearchKey.fold`). A nil
    /// or blank search, diploma, route or status filters nothing. `deadlineOnOrBefore` keeps
    /// the candidates whose deadline (`Settings.deadline(for:)` of the stored settings) is on
    /// or before that day, those already past included.
    ///
    /// Throws `invalidRequest` when `limit` or `offset` is negative, `limit` is over
    /// `maxPageSize`, or the search has more than `maxSearchWords` words.
    public func candidates(
        visibleTo visibility: CandidateVisibility,
        search: String? = nil,
        diploma: DiplomaCode? = nil,
        route: AccessRoute? = nil,
        status: CandidateStatus? = nil,
        deadlineOnOrBefore: CivilDate? = nil,
        order: CandidateOrder = .name,
        limit: Int = 50,
        offset: Int = 0
    ) throws -> (rows: [Candidate], total: Int) {
        guard limit >= 0, offset >= 0 else {
            throw StoreError(
                code: .invalidRequest,
                message: "the page limit and offset must be 0 or more, got limit \(limit) and "
                    + "offset \(offset)"
            )
        }
        guard limit <= Self.maxPageSize else {
            throw StoreError(
                code: .invalidRequest,
                message: "a page may have at most \(Self.maxPageSize) candidates, and \(limit) "
                    + "were requested; request a smaller page and use the offset for the rest"
            )
        }
        guard
            let filter = try Self.filter(
                visibleTo: visibility,
                search: search,
                diploma: diploma,
                route: route,
                status: status,
                deadlineOnOrBefore: deadlineOnOrBefore
            ),
            // A deadline or a search usually keeps few candidates, which the indexes of the
            // count find faster than an ordered scan of every visible one.
            let scanFilter = try Self.filter(
                visibleTo: visibility,
                search: search,
                diploma: diploma,
                route: route,
                status: status,
                deadlineOnOrBefore: deadlineOnOrBefore,
                forOrderedScan: deadlineOnOrBefore == nil && SearchKey.words(search ?? "").isEmpty
            )
        else {
            return ([], 0)
        }
        let ordering: SQL =
            switch order {
            case .name: "sort_name, id"
            case .deadline: "deadline, id"
            }
        return try database.readTransaction {
            let rows = try database.query(
                """
                SELECT * FROM candidates WHERE \(scanFilter)
                ORDER BY \(ordering) LIMIT \(limit) OFFSET \(offset)
                """
            )
            let total = try database.query(
                "SELECT count(*) AS n FROM candidates WHERE \(filter)"
            )[0].int("n")
            return (try rows.map(Self.candidate(from:)), total)
        }
    }

    /// Returns the number of candidates that `candidates(visibleTo:…)` would list with the
    /// same filters, without reading them.
    public func candidateCount(
        visibleTo visibility: CandidateVisibility,
        status: CandidateStatus? = nil,
        deadlineOnOrBefore: CivilDate? = nil
    ) throws -> Int {
        guard
            let filter = try Self.filter(
                visibleTo: visibility,
                search: nil,
                diploma: nil,
                route: nil,
                status: status,
                deadlineOnOrBefore: deadlineOnOrBefore
            )
        else {
            return 0
        }
        return try database.query(
            "SELECT count(*) AS n FROM candidates WHERE \(filter)"
        )[0].int("n")
    }

    /// Returns the SQL condition of a candidate list, or nil when `visibility` includes no
    /// candidate.
    private static func filter(
        visibleTo visibility: CandidateVisibility,
        search: String?,
        diploma: DiplomaCode?,
        route: AccessRoute?,
        status: CandidateStatus?,
        deadlineOnOrBefore: CivilDate?,
        forOrderedScan: Bool = false
    ) throws -> SQL? {
        let words = SearchKey.words(search ?? "")
        guard words.count <= Self.maxSearchWords else {
            throw StoreError(
                code: .invalidRequest,
                message: "the search has \(words.count) words, more than the maximum of "
                    + "\(Self.maxSearchWords); search for fewer words"
            )
        }
        guard let visible = condition(for: visibility, forOrderedScan: forOrderedScan) else {
            return nil
        }
        var conditions = [visible]
        if let diploma {
            conditions.append("candidates.diploma = \(diploma.rawValue)")
        }
        if let route {
            conditions.append("candidates.route = \(route.rawValue)")
        }
        switch status {
        case nil:
            break
        case .waiting:
            conditions.append("candidates.session_id IS NULL")
        case .scheduled:
            conditions.append("candidates.session_id IS NOT NULL")
        }
        if let deadlineOnOrBefore {
            conditions.append("candidates.deadline <= \(deadlineOnOrBefore)")
        }
        for word in words {
            conditions.append("instr(candidates.search_text, \(word)) > 0")
        }
        return SQL.joined(conditions, separator: " AND ")
    }

    /// Returns the fixed session of each of `candidateIDs` that is in one, by candidate id.
    public func fixedSessionIDs(containing candidateIDs: [String]) throws -> [String: String] {
        var sessions: [String: String] = [:]
        // Chunks of 500 ids stay far below SQLite's limit on bound values (32,766 by default
        // since SQLite 3.32).
        for chunk in stride(from: 0, to: candidateIDs.count, by: 500) {
            let ids = candidateIDs[chunk..<min(chunk + 500, candidateIDs.count)]
            let list = SQL.joined(ids.map { id -> SQL in "\(id)" }, separator: ", ")
            let rows = try database.query(
                """
                SELECT candidate_id, session_id FROM session_candidates
                WHERE candidate_id IN (\(list))
                """
            )
            for row in rows {
                sessions[try row.string("candidate_id")] = try row.string("session_id")
            }
        }
        return sessions
    }

    /// Returns the candidate `id`, or nil when no candidate has it or `visibility` does not
    /// include him, so that a caller handles both cases the same way.
    public func candidate(
        id: String,
        visibleTo visibility: CandidateVisibility
    ) throws
        -> Candidate?
    {
        guard let visible = Self.condition(for: visibility) else {
            return nil
        }
        return try database.query(
            "SELECT * FROM candidates WHERE candidates.id = \(id) AND \(visible)"
        ).first.map(Self.candidate(from:))
    }

    /// Returns the SQL condition on a `candidates` row that `visibility` includes, or nil when
    /// it includes none.
    ///
    /// candidates.session_id mirrors session_candidates, so SQLite searches an officer's OR
    /// with two indexes, on territory and on session_id, which suits a count. With
    /// `forOrderedScan`, the condition's columns carry SQLite's unary `+`, which keeps it from
    /// using those indexes. A page then reads the sort index in order and stops at its last
    /// row, instead of sorting every visible candidate first.
    static func condition(
        for visibility: CandidateVisibility,
        forOrderedScan: Bool = false
    ) -> SQL? {
        switch visibility {
        case .all:
            return "1"
        case .none:
            return nil
        case .homeOrOrganizer(let territory):
            let prefix = forOrderedScan ? SQL(raw: "+") : ""
            return """
                (\(prefix)candidates.territory = \(territory.rawValue)
                    OR \(prefix)candidates.session_id IN (
                        SELECT sessions.id FROM sessions
                        WHERE sessions.organizer = \(territory.rawValue)
                    ))
                """
        }
    }
}

extension CertifStore {
    /// Returns the candidates that `visibility` includes and that no fixed session contains,
    /// ordered by id: those that a plan still has to place.
    public func waitingCandidates(visibleTo visibility: CandidateVisibility) throws -> [Candidate] {
        guard let visible = Self.condition(for: visibility) else {
            return []
        }
        return try database.query(
            """
            SELECT * FROM candidates
            WHERE \(visible) AND NOT EXISTS (
                SELECT 1 FROM session_candidates
                WHERE session_candidates.candidate_id = candidates.id
            )
            ORDER BY id
            """
        ).map(Self.candidate(from:))
    }
}
