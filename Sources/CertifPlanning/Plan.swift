import CertifDomain

/// A rule id and a French sentence giving the reason for a candidate's place.
public struct Reason: Sendable, Codable, Hashable {
    /// The rule's id ("R5"), or nil for a reason that no rule of the instruction names.
    public var rule: String?
    public var text: String

    public init(rule: String?, text: String) {
        self.rule = rule
        self.text = text
    }

    private enum CodingKeys: String, CodingKey { case rule, text }

    /// Writes `rule` as null when the reason names no rule, as the plan file documents.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rule, forKey: .rule)
        try container.encode(text, forKey: .text)
    }
}

/// Whether a session meets one rule, with the numbers.
public struct RuleCheck: Sendable, Codable, Hashable {
    public var rule: String
    public var met: Bool
    /// French: "R1 non atteint : 7 candidats, car aucune session plus tardive n'est possible
    /// avant la date limite de 2 d'entre eux".
    public var detail: String

    public init(rule: String, met: Bool, detail: String) {
        self.rule = rule
        self.met = met
        self.detail = detail
    }
}

/// The place from which a candidate sits his exam.
public enum ExamMode: String, Sendable, Codable {
    /// In the organiser's exam room, with the examiners.
    case room
    /// By videoconference from his home service's premises (R9).
    case remote
}

/// A candidate's place on an exam day.
public struct PlacedCandidate: Sendable, Codable, Hashable {
    public var id: String
    public var mode: ExamMode
    /// The territory whose premises receive the candidate: his home service when remote, the
    /// organiser when in the room.
    public var host: TerritoryCode
    /// The commission that examines him, numbered from 1 within the day.
    public var commission: Int
    /// Start of the interview in the organiser's local time, "HH:MM".
    public var start: String
    /// Length of the interview with any extra time, in minutes.
    public var durationMinutes: Int
    /// Whether he must travel out of his home territory (he refused the videoconference).
    public var travels: Bool
    public var reasons: [Reason]

    public init(
        id: String,
        mode: ExamMode,
        host: TerritoryCode,
        commission: Int,
        start: String,
        durationMinutes: Int,
        travels: Bool,
        reasons: [Reason]
    ) {
        self.id = id
        self.mode = mode
        self.host = host
        self.commission = commission
        self.start = start
        self.durationMinutes = durationMinutes
        self.travels = travels
        self.reasons = reasons
    }
}

/// One exam day of a session.
public struct PlannedDay: Sendable, Codable, Hashable {
    public var date: CivilDate
    /// Commissions of examiners that sit that day.
    public var commissions: Int
    /// Whether every exam of the day is held by videoconference (R2 then requires 4, not 5).
    public var remoteOnly: Bool
    public var candidates: [PlacedCandidate]

    public init(date: CivilDate, commissions: Int, remoteOnly: Bool, candidates: [PlacedCandidate])
    {
        self.date = date
        self.commissions = commissions
        self.remoteOnly = remoteOnly
        self.candidates = candidates
    }
}

/// One session: one diploma, one organiser, its exam days, and the rules it meets or misses.
public struct PlannedSession: Sendable, Codable, Hashable {
    public var id: String
    public var diploma: DiplomaCode
    public var organizer: TerritoryCode
    /// Whether the session was fixed before this plan (an accepted plan or a published
    /// calendar); a fixed session's days never move.
    public var fixed: Bool
    /// Whether its candidates come from two or more territories, or from another territory
    /// than the organiser's: a session between two services either way.
    public var pooled: Bool
    public var days: [PlannedDay]
    public var rules: [RuleCheck]

    public init(
        id: String,
        diploma: DiplomaCode,
        organizer: TerritoryCode,
        fixed: Bool,
        pooled: Bool,
        days: [PlannedDay],
        rules: [RuleCheck]
    ) {
        self.id = id
        self.diploma = diploma
        self.organizer = organizer
        self.fixed = fixed
        self.pooled = pooled
        self.days = days
        self.rules = rules
    }

    public var candidateCount: Int { days.reduce(0) { $0 + $1.candidates.count } }
    public var sittings: Int { days.reduce(0) { $0 + $1.commissions } }
}

/// The cause that keeps a candidate out of the plan.
public enum UnplannedCause: String, Sendable, Codable {
    /// His deadline is before the first possible exam day.
    case deadlinePassed = "delai-depasse"
    /// His deadline falls before the period starts, so an earlier period must take him.
    case beforePeriod = "avant-la-periode"
    /// His window has no working day within the period.
    case noWorkingDay = "aucun-jour-ouvre"
    /// Every possible day is full.
    case noCapacity = "capacite-insuffisante"
    /// He becomes available after the period, or can wait for a later period.
    case laterPeriod = "periode-suivante"
    /// His diploma or route has no exam format in the reference data.
    case noExamFormat = "format-inconnu"
}

/// A candidate whom the plan does not place, with the reason and what would fix it.
public struct UnplannedCandidate: Sendable, Codable, Hashable {
    public var id: String
    public var cause: UnplannedCause
    /// French, for users.
    public var reason: String
    /// French: what the user can change so that the candidate is planned.
    public var fix: String
    /// Whether the candidate's deadline is missed (false when he can wait for a later period).
    public var deadlineMissed: Bool

    public init(
        id: String,
        cause: UnplannedCause,
        reason: String,
        fix: String,
        deadlineMissed: Bool
    ) {
        self.id = id
        self.cause = cause
        self.reason = reason
        self.fix = fix
        self.deadlineMissed = deadlineMissed
    }
}

/// The plan's totals and score.
public struct PlanSummary: Sendable, Codable, Hashable {
    public var candidates: Int
    public var planned: Int
    public var unplanned: Int
    public var deadlinesMissed: Int
    /// Candidates of fixed sessions who no longer fit their place (their record changed).
    public var fixedSessionConflicts: Int
    public var sessions: Int
    public var pooledSessions: Int
    /// Commission sittings: the instruction's "juries", one commission on one day.
    public var sittings: Int
    public var examinerDays: Int
    public var remoteCandidates: Int
    public var pooledCandidates: Int
    public var travellingCandidates: Int
    public var sessionsMeetingTarget: Int
    public var daysMeetingMinimum: Int
    public var days: Int
    /// Mean days from availability to exam, rounded to one decimal.
    public var meanWaitDays: Double
    public var longestWaitDays: Int

    public init(
        candidates: Int = 0,
        planned: Int = 0,
        unplanned: Int = 0,
        deadlinesMissed: Int = 0,
        fixedSessionConflicts: Int = 0,
        sessions: Int = 0,
        pooledSessions: Int = 0,
        sittings: Int = 0,
        examinerDays: Int = 0,
        remoteCandidates: Int = 0,
        pooledCandidates: Int = 0,
        travellingCandidates: Int = 0,
        sessionsMeetingTarget: Int = 0,
        daysMeetingMinimum: Int = 0,
        days: Int = 0,
        meanWaitDays: Double = 0,
        longestWaitDays: Int = 0
    ) {
        self.candidates = candidates
        self.planned = planned
        self.unplanned = unplanned
        self.deadlinesMissed = deadlinesMissed
        self.fixedSessionConflicts = fixedSessionConflicts
        self.sessions = sessions
        self.pooledSessions = pooledSessions
        self.sittings = sittings
        self.examinerDays = examinerDays
        self.remoteCandidates = remoteCandidates
        self.pooledCandidates = pooledCandidates
        self.travellingCandidates = travellingCandidates
        self.sessionsMeetingTarget = sessionsMeetingTarget
        self.daysMeetingMinimum = daysMeetingMinimum
        self.days = days
        self.meanWaitDays = meanWaitDays
        self.longestWaitDays = longestWaitDays
    }
}

extension PlanSummary {
    private enum CodingKeys: String, CodingKey {
        case candidates, planned, unplanned, deadlinesMissed, fixedSessionConflicts, sessions
        case pooledSessions, sittings, examinerDays, remoteCandidates, pooledCandidates
        case travellingCandidates, sessionsMeetingTarget, daysMeetingMinimum, days
        case meanWaitDays, longestWaitDays
    }

    /// Reads a summary written by any version: a figure that an older version did not write
    /// reads as zero, so stored drafts stay readable.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func count(_ key: CodingKeys) throws -> Int {
            try container.decodeIfPresent(Int.self, forKey: key) ?? 0
        }
        self.init(
            candidates: try count(.candidates),
            planned: try count(.planned),
            unplanned: try count(.unplanned),
            deadlinesMissed: try count(.deadlinesMissed),
            fixedSessionConflicts: try count(.fixedSessionConflicts),
            sessions: try count(.sessions),
            pooledSessions: try count(.pooledSessions),
            sittings: try count(.sittings),
            examinerDays: try count(.examinerDays),
            remoteCandidates: try count(.remoteCandidates),
            pooledCandidates: try count(.pooledCandidates),
            travellingCandidates: try count(.travellingCandidates),
            sessionsMeetingTarget: try count(.sessionsMeetingTarget),
            daysMeetingMinimum: try count(.daysMeetingMinimum),
            days: try count(.days),
            meanWaitDays: try container.decodeIfPresent(Double.self, forKey: .meanWaitDays) ?? 0,
            longestWaitDays: try count(.longestWaitDays)
        )
    }
}

/// A plan: the planner's result for a problem, written as the plan file "certif-plan/1".
public struct Plan: Sendable, Codable, Hashable {
    public static let formatName = "certif-plan/1"

    public var format = Plan.formatName
    public var today: CivilDate
    public var from: CivilDate
    public var to: CivilDate
    public var settings: Settings
    public var sessions: [PlannedSession]
    public var unplanned: [UnplannedCandidate]
    public var summary: PlanSummary

    public init(
        today: CivilDate,
        from: CivilDate,
        to: CivilDate,
        settings: Settings,
        sessions: [PlannedSession],
        unplanned: [UnplannedCandidate],
        summary: PlanSummary
    ) {
        self.today = today
        self.from = from
        self.to = to
        self.settings = settings
        self.sessions = sessions
        self.unplanned = unplanned
        self.summary = summary
    }
}
