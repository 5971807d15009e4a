import CertifDomain
import CertifPlanning
import CertifStore
import Foundation

/// The part of a plan that a page shows.
public enum PlanScope: Sendable, Hashable {
    /// The figures and the list of sessions, without their candidates.
    case overview
    /// The sessions of one diploma with their candidates, and the diploma's unplanned
    /// candidates. With an organiser, only his sessions and the unplanned candidates who live
    /// in his territory.
    case diploma(DiplomaCode, organizer: TerritoryCode?)
}

/// A stored plan as one person may see it: the figures of the whole plan, which carry no
/// personal data, and the sessions and candidates that he may see (rule R15).
public struct PlanView: Sendable {
    public var id: Int
    public var status: PlanStatus
    public var createdAt: Date
    public var createdBy: String
    public var acceptedAt: Date?
    /// The plan date, from which R7 counts its 45 days.
    public var today: CivilDate
    public var from: CivilDate
    public var to: CivilDate
    /// The settings that the plan was made with.
    public var settings: Settings
    /// The figures of the whole plan, including the sessions that the person may not see.
    public var summary: PlanSummary
    public var scope: PlanScope
    /// The sessions of the scope that the person may see, in the plan's order.
    public var sessions: [PlanSessionView]
    /// Sessions of the whole plan that the person may not see.
    public var hiddenSessionCount: Int
    /// The unplanned candidates of the scope that the person may see, none in the overview.
    public var unplanned: [UnplannedView]
    /// Unplanned candidates of the scope that the person may not see.
    public var hiddenUnplannedCount: Int
    /// One line per diploma of the plan, over the whole plan and what the person may see.
    public var diplomas: [PlanDiplomaLine]

    /// Whether the plan is a draft with a session that the person may accept.
    public var mayAccept: Bool {
        status == .draft && diplomas.contains { $0.acceptableSessions > 0 }
    }
}

/// A session of a plan as one person may see it.
public struct PlanSessionView: Sendable, Hashable {
    public struct Day: Sendable, Hashable {
        public var date: CivilDate
        public var commissions: Int
        /// Whether every exam of the day is held by videoconference (R2 then requires 4).
        public var remoteOnly: Bool
        public var candidateCount: Int
        public var remoteCount: Int
        /// The day's candidates, by commission then start time; empty in the overview.
        public var candidates: [ShownPlacement]
    }

    public var id: String
    public var diploma: DiplomaCode
    public var organizer: TerritoryCode
    /// Whether the session was fixed before the plan, which only adds candidates to it.
    public var fixed: Bool
    public var pooled: Bool
    public var days: [Day]
    public var rules: [RuleCheck]
    public var candidateCount: Int
    public var sittings: Int
    /// Whether the person may accept the session: his service organises it.
    public var mayAccept: Bool
}

/// A candidate whom the plan leaves out, for a person who may see him.
public struct UnplannedView: Sendable, Hashable {
    public var id: String
    /// The stored candidate, or nil when the database no longer contains him.
    public var candidate: Candidate?
    public var cause: UnplannedCause
    public var reason: String
    public var fix: String
    public var deadlineMissed: Bool
}

/// A diploma's line in a plan's table of contents.
public struct PlanDiplomaLine: Sendable, Hashable {
    public var diploma: DiplomaCode
    /// Sessions that the person may see.
    public var sessions: Int
    /// Sessions that the person may accept.
    public var acceptableSessions: Int
    /// Candidates in the sessions that the person may see.
    public var candidates: Int
    /// Unplanned candidates of the diploma that the person may see.
    public var unplanned: Int
    /// The organisers of the sessions that the person may see, in the plan's order.
    public var organizers: [TerritoryCode]
}

/// Two stored plans side by side, with their figures.
public struct PlanComparison: Sendable {
    /// A plan's header and its figures.
    public struct Side: Sendable {
        public var id: Int
        public var status: PlanStatus
        public var createdAt: Date
        public var today: CivilDate
        public var from: CivilDate
        public var to: CivilDate
        public var settings: Settings
        public var summary: PlanSummary
        /// Figures by diploma, from `PlanFigures.byDiploma`.
        public var diplomas: [DiplomaFigures]
    }

    public var first: Side
    public var second: Side
}
