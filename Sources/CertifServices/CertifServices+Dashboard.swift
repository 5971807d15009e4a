import CertifAuth
import CertifDomain
import CertifPlanning
import CertifStore

/// The home page's contents for one person: his waiting candidates, those whose deadline is near,
/// the coming sessions and the plan drafts.
public struct DashboardSummary: Sendable {
    public struct UrgentCandidate: Sendable {
        public var candidate: Candidate
        public var deadline: Deadline
    }

    public struct UpcomingSession: Sendable {
        /// The session with its days but without its candidates, which the home page does
        /// not list: `candidateCount` counts them.
        public var session: FixedSession
        public var candidateCount: Int
    }

    /// Candidates that no fixed session contains yet.
    public var waitingCount: Int
    /// Waiting candidates whose deadline falls within `urgentDays`, the nearest first. Empty
    /// for a role that may not see candidates.
    public var urgent: [UrgentCandidate]
    /// How many waiting candidates have a deadline within `urgentDays`.
    public var urgentCount: Int
    public var urgentDays: Int
    /// Sessions whose last day is today or later, the soonest first.
    public var upcoming: [UpcomingSession]
    public var drafts: [StoredPlanSummary]
}

extension CertifServices {
    /// Days before a deadline from which a waiting candidate counts as urgent: time for the
    /// convocation lead and a little more.
    public static let urgentDays = 30

    /// Returns the home page's figures. A national reader gets the national counts without any
    /// name; other roles get what they may see.
    public func dashboard(today: CivilDate, listLimit: Int = 10) throws -> DashboardSummary {
        try require(.viewStatistics)
        let seesCandidates = account.candidateVisibility != .none
        let visibility = seesCandidates ? account.candidateVisibility : .all
        let settings = try store.settings()
        let waitingCount = try store.candidateCount(visibleTo: visibility, status: .waiting)
        // The nearest deadlines come from SQL, so the page reads at most listLimit candidates
        // however many wait.
        let nearest = try store.candidates(
            visibleTo: visibility,
            status: .waiting,
            deadlineOnOrBefore: today.adding(days: Self.urgentDays),
            order: .deadline,
            limit: seesCandidates ? min(max(listLimit, 0), CertifStore.maxPageSize) : 0
        )
        let urgent = nearest.rows.map { candidate in
            DashboardSummary.UrgentCandidate(
                candidate: candidate,
                deadline: settings.deadline(for: candidate)
            )
        }
        let territories = seesCandidates ? try store.candidateTerritoriesBySession() : [:]
        let visibleSessions = try store.upcomingSessions(from: today).filter { session in
            guard seesCandidates else { return true }
            let access = SessionAccess(
                organizer: session.organizer,
                candidateTerritories: territories[session.id] ?? []
            )
            return account.isAllowed(.viewSession(access))
        }
        let drafts = try store.plans(status: .draft)
        return DashboardSummary(
            waitingCount: waitingCount,
            urgent: urgent,
            urgentCount: nearest.total,
            urgentDays: Self.urgentDays,
            upcoming: visibleSessions.prefix(max(listLimit, 0)).map { outline in
                DashboardSummary.UpcomingSession(
                    session: FixedSession(
                        id: outline.id,
                        diploma: outline.diploma,
                        organizer: outline.organizer,
                        days: outline.days.map { day in
                            FixedSession.Day(
                                date: day.date,
                                commissions: day.commissions,
                                candidates: []
                            )
                        }
                    ),
                    candidateCount: outline.candidateCount
                )
            },
            drafts: seesCandidates ? drafts : []
        )
    }

    /// Returns the facts about `session` that decide who may see it.
    public func access(to session: FixedSession) throws -> SessionAccess {
        SessionAccess(
            organizer: session.organizer,
            candidateTerritories: try store.candidateTerritories(inSession: session.id)
        )
    }
}
