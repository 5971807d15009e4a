import CertifAuth
import CertifDomain

extension CertifStore {
    /// Words that a candidate search may have.
    public static let maxSearchWords = 16

    /// Returns one page of the candidates that `visibility` includes, filtered in SQL, and the
    /// number of candidates on all pages.
    ///
    /// A regional officer's visibility includes the candidates who live in his territory and
    /// those in a fixed session that his territory's service organises. Candidates are
    /// ordered by birth name, ignoring case and accents, then by id. `search` is split into
    /// words, and a candidate matches when each word occurs in his id, birth name, usage name
    /// or given names, ignoring case, accents and punctuation (see `SearchKey.fold`). A nil
    /// or blank search, diploma or route filters nothing.
    ///
    /// Throws `invalidRequest` when `limit` or `offset` is negative, or the search has more
    /// than `maxSearchWords` words.
    public func candidates(
        visibleTo visibility: CandidateVisibility,
        search: String? = nil,
        diploma: DiplomaCode? = nil,
        route: AccessRoute? = nil,
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
        let words = SearchKey.words(search ?? "")
        guard words.count <= Self.maxSearchWords else {
            throw StoreError(
                code: .invalidRequest,
                message: "the search has \(words.count) words, more than the maximum of "
                    + "\(Self.maxSearchWords); search for fewer words"
            )
        }
        guard let visible = Self.condition(for: visibility) else {
            return ([], 0)
        }
        var conditions = [visible]
        if let diploma {
            conditions.append("candidates.diploma = \(diploma.rawValue)")
        }
        if let route {
            conditions.append("candidates.route = \(route.rawValue)")
        }
        for word in words {
            conditions.append("instr(candidates.search_text, \(word)) > 0")
        }
        let filter = SQL.joined(conditions, separator: " AND ")
        return try database.readTransaction {
            let rows = try database.query(
                """
                SELECT * FROM candidates WHERE \(filter)
                ORDER BY sort_name, id LIMIT \(limit) OFFSET \(offset)
                """
            )
            let total = try database.query(
                "SELECT count(*) AS n FROM candidates WHERE \(filter)"
            )[0].int("n")
            return (try rows.map(Self.candidate(from:)), total)
        }
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
    static func condition(for visibility: CandidateVisibility) -> SQL? {
        switch visibility {
        case .all:
            return "1"
        case .none:
            return nil
        case .homeOrOrganizer(let territory):
            return """
                (candidates.territory = \(territory.rawValue) OR candidates.id IN (
                    SELECT session_candidates.candidate_id FROM session_candidates
                    JOIN sessions ON sessions.id = session_candidates.session_id
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
