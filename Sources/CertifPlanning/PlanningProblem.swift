import CertifDomain

/// A session fixed before planning (an accepted plan or a published calendar): its days never
/// move, its candidates stay, and its free places are filled first.
public struct FixedSession: Sendable, Codable, Hashable {
    public struct Day: Sendable, Codable, Hashable {
        public var date: CivilDate
        /// Commissions that sit that day; the planner adds candidates within them.
        public var commissions: Int
        /// Candidates already placed, with their commission and start time.
        public var candidates: [PlacedCandidate]

        public init(date: CivilDate, commissions: Int, candidates: [PlacedCandidate]) {
            self.date = date
            self.commissions = commissions
            self.candidates = candidates
        }
    }

    public var id: String
    public var diploma: DiplomaCode
    public var organizer: TerritoryCode
    public var days: [Day]

    public init(id: String, diploma: DiplomaCode, organizer: TerritoryCode, days: [Day]) {
        self.id = id
        self.diploma = diploma
        self.organizer = organizer
        self.days = days
    }
}

/// Everything the planner needs, and nothing it would have to read from elsewhere.
public struct PlanningProblem: Sendable {
    /// The plan date: R7 counts its 45 days from here, and no exam is held before it.
    public var today: CivilDate
    public var from: CivilDate
    public var to: CivilDate
    /// Candidates waiting for a session (not those already in a fixed session).
    public var candidates: [Candidate]
    public var settings: Settings
    public var reference: ReferenceData
    public var calendar: WorkingCalendar
    public var fixedSessions: [FixedSession]
    /// The candidates already in fixed sessions, as stored now: the plan checks that each
    /// still fits his session (diploma, dates, videoconference) and counts his wait.
    public var scheduledCandidates: [Candidate]

    public init(
        today: CivilDate,
        from: CivilDate,
        to: CivilDate,
        candidates: [Candidate],
        settings: Settings,
        reference: ReferenceData,
        calendar: WorkingCalendar,
        fixedSessions: [FixedSession] = [],
        scheduledCandidates: [Candidate] = []
    ) {
        self.today = today
        self.from = from
        self.to = to
        self.candidates = candidates
        self.settings = settings
        self.reference = reference
        self.calendar = calendar
        self.fixedSessions = fixedSessions
        self.scheduledCandidates = scheduledCandidates
    }
}
