import CertifAuth
import CertifDomain
import CertifImport
import CertifPlanning
import CertifStore
import Foundation

/// The filters of a candidate list, as a person chose them.
public struct CandidateFilters: Sendable, Hashable {
    /// Words to find in the id or the names, ignoring case, accents and punctuation.
    public var search: String?
    public var diploma: DiplomaCode?
    public var route: AccessRoute?
    public var status: CandidateStatus?
    /// Keeps the candidates whose deadline is at most this many days after today, those
    /// already past included.
    public var deadlineWithinDays: Int?
    /// Keeps the candidates whose deadline is on or before this day.
    public var deadlineOnOrBefore: CivilDate?
    /// The page to return, from 1.
    public var page: Int
    public var pageSize: Int

    public init(
        search: String? = nil,
        diploma: DiplomaCode? = nil,
        route: AccessRoute? = nil,
        status: CandidateStatus? = nil,
        deadlineWithinDays: Int? = nil,
        deadlineOnOrBefore: CivilDate? = nil,
        page: Int = 1,
        pageSize: Int = CertifServices.candidatePageSize
    ) {
        self.search = search
        self.diploma = diploma
        self.route = route
        self.status = status
        self.deadlineWithinDays = deadlineWithinDays
        self.deadlineOnOrBefore = deadlineOnOrBefore
        self.page = page
        self.pageSize = pageSize
    }
}

/// One page of a candidate list, with what the list's page needs around it.
public struct CandidatePage: Sendable {
    public struct Row: Sendable {
        public var candidate: Candidate
        public var deadline: Deadline
        /// The fixed session that contains the candidate, or nil while he waits.
        public var sessionID: String?
    }

    public var rows: [Row]
    /// Candidates on all pages.
    public var total: Int
    public var page: Int
    public var pageSize: Int
    /// Whether the person may create and import candidates, for some territory at least.
    public var canWrite: Bool

    /// Pages of the list, 1 for an empty list.
    public var pageCount: Int { max(1, (total + pageSize - 1) / pageSize) }
}

/// A candidate's exam day in his fixed session.
public struct CandidateExam: Sendable, Hashable {
    public var sessionID: String
    public var diploma: DiplomaCode
    /// The territory whose service organises the session.
    public var organizer: TerritoryCode
    public var date: CivilDate
    /// The commission that examines him, numbered from 1 within the day.
    public var commission: Int
    /// Start of the interview in the organiser's local time, "HH:MM".
    public var start: String
    public var durationMinutes: Int
    public var mode: ExamMode
    /// The territory whose premises receive the candidate.
    public var host: TerritoryCode
}

/// One change of a candidate in his history: who did it, when, and what changed.
public struct CandidateHistoryEntry: Sendable, Hashable {
    /// One value that changed, written as the candidate form writes it.
    public struct Change: Sendable, Hashable {
        public var column: CandidateColumn
        public var before: String
        public var after: String
    }

    public var at: Date
    public var actor: String
    public var action: AuditAction
    /// The values that changed, in column order; every non-empty value for a creation.
    public var changes: [Change]
}

/// Everything that the page of one candidate shows.
public struct CandidateDetail: Sendable {
    public var candidate: Candidate
    public var deadline: Deadline
    /// His exam day, or nil while he waits for a session.
    public var exam: CandidateExam?
    /// His changes, the latest first.
    public var history: [CandidateHistoryEntry]
    /// Whether the person may edit him.
    public var canEdit: Bool
}

extension CertifServices {
    /// Candidates on one page of a list.
    public static let candidatePageSize = 50
    /// Pages that a list may be asked for, which keeps the SQL offset far from overflowing.
    public static let maxCandidatePage = 100_000
    /// Entries of a candidate's history that his page shows.
    public static let candidateHistoryLimit = 100

    /// Returns one page of the candidates that the person may see, filtered by `filters`.
    /// `today` is the day from which `deadlineWithinDays` counts.
    ///
    /// Throws `notFound` for a person who may see no candidate, and `invalid` for a page
    /// below 1 or above `maxCandidatePage`, a page size outside 1 to
    /// `CertifStore.maxPageSize`, a negative number of days or a search of too many words.
    /// The field errors are keyed by the list's query parameters.
    public func candidatePage(
        _ filters: CandidateFilters,
        today: CivilDate
    ) throws -> CandidatePage {
        let visibility = account.candidateVisibility
        guard visibility != .none else {
            throw ServiceError.notFound
        }
        try checkFilters(filters)
        var deadline = filters.deadlineOnOrBefore
        if let days = filters.deadlineWithinDays {
            let horizon = today.adding(days: days)
            deadline = min(deadline ?? horizon, horizon)
        }
        let settings = try store.settings()
        let found = try store.candidates(
            visibleTo: visibility,
            search: filters.search,
            diploma: filters.diploma,
            route: filters.route,
            status: filters.status,
            deadlineOnOrBefore: deadline,
            limit: filters.pageSize,
            offset: (filters.page - 1) * filters.pageSize
        )
        let sessions = try store.fixedSessionIDs(containing: found.rows.map(\.id))
        return CandidatePage(
            rows: found.rows.map { candidate in
                CandidatePage.Row(
                    candidate: candidate,
                    deadline: settings.deadline(for: candidate),
                    sessionID: sessions[candidate.id]
                )
            },
            total: found.total,
            page: filters.page,
            pageSize: filters.pageSize,
            canWrite: !writableTerritories.isEmpty
        )
    }

    private func checkFilters(_ filters: CandidateFilters) throws {
        var errors: [String: String] = [:]
        if !(1...Self.maxCandidatePage).contains(filters.page) {
            errors["page"] =
                "Le numéro de page doit être un nombre entier de 1 à \(Self.maxCandidatePage)."
        }
        if !(1...CertifStore.maxPageSize).contains(filters.pageSize) {
            errors["taille"] =
                "Une page compte de 1 à \(CertifStore.maxPageSize) candidats."
        }
        if let days = filters.deadlineWithinDays, days < 0 {
            errors["echeance"] = "Le nombre de jours doit être positif ou nul."
        }
        let words = CertifStore.searchWordCount(filters.search ?? "")
        if words > CertifStore.maxSearchWords {
            errors["q"] =
                "La recherche compte \(words) mots ; \(CertifStore.maxSearchWords) au plus "
                + "sont acceptés."
        }
        guard errors.isEmpty else {
            throw ServiceError.invalid(errors)
        }
    }

    /// Returns what the page of candidate `id` shows: his record, his deadline and where it
    /// comes from, his exam day if he has one, and his history.
    ///
    /// Throws `notFound` when no candidate has this id or the person may not see him.
    public func candidateDetail(id: String) throws -> CandidateDetail {
        let candidate = try visibleCandidate(id: id)
        let settings = try store.settings()
        var exam: CandidateExam?
        if let sessionID = try store.fixedSessionID(containing: id),
            let session = try store.fixedSession(id: sessionID)
        {
            exam = Self.exam(of: id, in: session)
        }
        // The candidate is visible, so his whole history is too.
        let history = try store.auditEntries(
            matching: AuditLogFilter(entity: "candidate", entityID: id),
            scope: .all,
            limit: Self.candidateHistoryLimit
        ).rows.map(Self.historyEntry(from:))
        return CandidateDetail(
            candidate: candidate,
            deadline: settings.deadline(for: candidate),
            exam: exam,
            history: history,
            canEdit: account.canWrite(.candidates(territory: candidate.territory))
        )
    }

    /// Returns the stored candidate `id` if the person may see him, and throws `notFound`
    /// otherwise.
    func visibleCandidate(id: String) throws -> Candidate {
        guard let candidate = try store.candidate(id: id, visibleTo: account.candidateVisibility)
        else {
            throw ServiceError.notFound
        }
        return candidate
    }

    /// The territories whose candidates the person may create, edit and import, by code:
    /// every served territory for a national administrator, his own for an officer, none for
    /// a reader.
    public var writableTerritories: [TerritoryCode] {
        reference.territories.map(\.code).filter { account.canWrite(.candidates(territory: $0)) }
    }

    private static func exam(of candidateID: String, in session: FixedSession) -> CandidateExam? {
        for day in session.days {
            if let placed = day.candidates.first(where: { $0.id == candidateID }) {
                return CandidateExam(
                    sessionID: session.id,
                    diploma: session.diploma,
                    organizer: session.organizer,
                    date: day.date,
                    commission: placed.commission,
                    start: placed.start,
                    durationMinutes: placed.durationMinutes,
                    mode: placed.mode,
                    host: placed.host
                )
            }
        }
        return nil
    }

    private static func historyEntry(from entry: AuditEntry) -> CandidateHistoryEntry {
        CandidateHistoryEntry(
            at: entry.at,
            actor: entry.actor,
            action: entry.action,
            changes: changes(
                from: entry.before.flatMap(decodedCandidate),
                to: entry.after.flatMap(decodedCandidate)
            )
        )
    }

    private static func decodedCandidate(_ json: String) -> Candidate? {
        try? JSONDecoder().decode(Candidate.self, from: Data(json.utf8))
    }
}
