import CertifAuth
import CertifDomain
import CertifPlanning
import CertifStore

/// The part of a plan that one person may export.
public struct ExportablePlan: Sendable {
    /// The plan with only the sessions that the person may see. In them, the candidates that
    /// he may not see are renamed `hiddenCandidateID`, and his invisible unplanned candidates
    /// are left out.
    public var plan: Plan
    /// The records of the candidates that he may see, for their names and deadlines.
    public var candidates: [Candidate]
}

extension CertifServices {
    /// The id that an export writes for a candidate whom the person may not see: the row
    /// keeps his interview, without his identity (rule R15).
    public static let hiddenCandidateID = "autre-territoire"

    /// Returns plan `id` as the person may export it, with the same rights as `plan(id:)`.
    public func exportablePlan(id: Int) throws -> ExportablePlan {
        try requirePlanning()
        guard let stored = try store.plan(id: id) else {
            throw ServiceError.notFound
        }
        var plan = stored.plan
        let directory = try CandidateDirectory.load(from: store)
        plan.sessions = plan.sessions.compactMap { session in
            let ids = session.days.flatMap(\.candidates).map(\.id)
            let access = directory.access(organizer: session.organizer, candidateIDs: ids)
            guard account.isAllowed(.viewSession(access)) else {
                return nil
            }
            var shown = session
            for dayIndex in shown.days.indices {
                for index in shown.days[dayIndex].candidates.indices {
                    let placed = shown.days[dayIndex].candidates[index]
                    if !directory.isVisible(placed.id, to: account) {
                        shown.days[dayIndex].candidates[index].id = Self.hiddenCandidateID
                        shown.days[dayIndex].candidates[index].reasons = []
                    }
                }
            }
            return shown
        }
        plan.unplanned = plan.unplanned.filter { directory.isVisible($0.id, to: account) }
        let visibleIDs = Set(
            plan.sessions.flatMap(\.days).flatMap(\.candidates).map(\.id)
                + plan.unplanned.map(\.id)
        ).subtracting([Self.hiddenCandidateID])
        let candidates = try visibleIDs.sorted().compactMap { try store.candidate(id: $0) }
        return ExportablePlan(plan: plan, candidates: candidates)
    }
}

/// The contents of an export of the candidate list.
public struct ExportableCandidates: Sendable {
    public var candidates: [Candidate]
    /// The fixed session of each candidate who has one, by candidate id.
    public var sessions: [String: String]
    public var settings: Settings
}

extension CertifServices {
    /// Returns every candidate of the list that `filters` gives, whatever its page, with the
    /// same rights and checks as `candidatePage`.
    public func exportableCandidates(
        _ filters: CandidateFilters,
        today: CivilDate
    ) throws -> ExportableCandidates {
        var pageFilters = filters
        pageFilters.pageSize = CertifStore.maxPageSize
        pageFilters.page = 1
        var candidates: [Candidate] = []
        var sessions: [String: String] = [:]
        while true {
            let page = try candidatePage(pageFilters, today: today)
            for row in page.rows {
                candidates.append(row.candidate)
                sessions[row.candidate.id] = row.sessionID
            }
            guard pageFilters.page < page.pageCount, !page.rows.isEmpty else { break }
            pageFilters.page += 1
        }
        return ExportableCandidates(
            candidates: candidates,
            sessions: sessions,
            settings: try store.settings()
        )
    }
}
