import CertifDomain

/// The planner's working state: candidates' facts, sessions and sittings, and the commissions
/// each organiser seats on each day. Construction and improvement both change it through
/// `place` and `unplace`, which keep the counts right.
final class PlanBuilder {
    let problem: PlanningProblem
    let settings: Settings
    let calendar: WorkingCalendar
    let days: DenseCalendar
    let timetable: Timetable
    var facts: [CandidateFacts] = []
    var unplanned: [UnplannedCandidate] = []
    var sessions: [DraftSession] = []
    /// The sitting of each candidate, by index in `facts`.
    var sittingOf: [Int: Sitting] = [:]
    private var commissionsByDay: [OrganizerDay: Int] = [:]
    private var nextSittingID = 0
    let poolingEarliestDate: CivilDate
    /// The stored places of the candidates of fixed sessions, kept as they are in the plan.
    var pinnedPlaces: [String: PlacedCandidate] = [:]
    /// The current records of the candidates of fixed sessions, by id.
    lazy var scheduledByID: [String: Candidate] = Dictionary(
        problem.scheduledCandidates.map { ($0.id, $0) },
        uniquingKeysWith: { first, _ in first }
    )
    lazy var factByID: [String: CandidateFacts] = Dictionary(
        uniqueKeysWithValues: facts.map { ($0.id, $0) }
    )

    struct OrganizerDay: Hashable {
        var organizer: TerritoryCode
        var date: CivilDate
    }

    init(problem: PlanningProblem) {
        self.problem = problem
        self.settings = problem.settings
        self.calendar = problem.calendar
        self.timetable = Timetable(
            dayStart: problem.settings.dayStartMinutes,
            dayEnd: problem.settings.dayStartMinutes + problem.settings.dayLengthMinutes,
            changeover: problem.settings.changeoverMinutes,
            lunchStart: problem.settings.lunchStartMinutes,
            lunchEnd: problem.settings.lunchStartMinutes + problem.settings.lunchMinutes
        )
        self.poolingEarliestDate = problem.today.adding(days: problem.settings.aspLeadDays)
        let fixedDates = problem.fixedSessions.flatMap(\.days).map(\.date)
        self.days = DenseCalendar(
            calendar: problem.calendar,
            territories: problem.reference.territories.map(\.code),
            from: min(problem.from, problem.today, fixedDates.min() ?? problem.from),
            to: max(problem.to, fixedDates.max() ?? problem.to)
        )
        let ordered = problem.candidates.sorted { $0.id < $1.id }
        for candidate in ordered {
            switch CandidateFacts.make(index: facts.count, candidate: candidate, problem: problem) {
            case .planned(var fact):
                fact.homeIndex = days.index(of: fact.home)
                facts.append(fact)
            case .unplanned(let reason): unplanned.append(reason)
            }
        }
    }

    // MARK: Commissions per organiser and day

    func commissions(of organizer: TerritoryCode, on date: CivilDate) -> Int {
        commissionsByDay[OrganizerDay(organizer: organizer, date: date)] ?? 0
    }

    func hasFreeCommission(_ organizer: TerritoryCode, on date: CivilDate) -> Bool {
        commissions(of: organizer, on: date) < settings.maxCommissionsPerDay
    }

    func openSitting(in session: DraftSession, on date: CivilDate, fixed: Bool = false) -> Sitting {
        let sitting = Sitting(
            id: nextSittingID,
            date: date,
            session: session,
            fixed: fixed,
            emptyDay: timetable.emptyDay()
        )
        nextSittingID += 1
        session.sittings.append(sitting)
        commissionsByDay[OrganizerDay(organizer: session.organizer, date: date), default: 0] += 1
        return sitting
    }

    /// Brings back a sitting that a tentative change removed.
    func restoreSitting(_ sitting: Sitting) {
        guard sitting.removed else { return }
        sitting.removed = false
        commissionsByDay[
            OrganizerDay(organizer: sitting.organizer, date: sitting.date),
            default: 0
        ] += 1
    }

    func removeSitting(_ sitting: Sitting) {
        guard !sitting.removed else { return }
        sitting.removed = true
        commissionsByDay[
            OrganizerDay(organizer: sitting.organizer, date: sitting.date),
            default: 1
        ] -= 1
    }

    func newSession(
        diploma: DiplomaCode,
        organizer: TerritoryCode,
        fixedID: String? = nil
    )
        -> DraftSession
    {
        let session = DraftSession(
            number: sessions.count,
            diploma: diploma,
            organizer: organizer,
            fixedID: fixedID
        )
        session.organizerIndex = days.index(of: organizer)
        sessions.append(session)
        return session
    }

    // MARK: Placement rules

    /// Returns whether `organizer` may examine the candidate: the national organiser when the
    /// scheme covers him (R5), else his home service or a service that accepts him.
    func mayOrganize(_ fact: CandidateFacts, organizer: TerritoryCode) -> Bool {
        if let rule = fact.nationalRule { return rule.organizer == organizer }
        return settings.voluntaryPooling.accepts(organizer: organizer, home: fact.home)
    }

    /// Returns whether examining the candidate at `organizer` is pooling outside the national
    /// scheme, which R7 allows only 45 days after the plan date.
    func isVoluntaryPooling(_ fact: CandidateFacts, organizer: TerritoryCode) -> Bool {
        fact.nationalRule == nil && organizer != fact.home
    }

    /// Builds the interview of a candidate in a sitting of `session` on `date`, or returns nil
    /// when a hard rule forbids it (R4 window, R5 organiser, R7 lead time, R9 host closed, no
    /// office hours in common).
    func interview(for fact: CandidateFacts, session: DraftSession, date: CivilDate) -> Interview? {
        guard fact.candidate.diploma == session.diploma else { return nil }
        guard date >= fact.earliest, date <= fact.latest else { return nil }
        guard mayOrganize(fact, organizer: session.organizer) else { return nil }
        if isVoluntaryPooling(fact, organizer: session.organizer) {
            let first = min(session.firstDate ?? date, date)
            guard first >= poolingEarliestDate else { return nil }
        }
        var earliestStart = timetable.dayStart
        var latestEnd = timetable.dayEnd
        let remote = session.organizer != fact.home && fact.candidate.remoteAllowed
        if remote {
            guard days.isWorkingDay(date, index: fact.homeIndex, code: fact.home) else {
                return nil
            }
            let offset = days.minutesOffset(
                from: (fact.homeIndex, fact.home),
                to: (session.organizerIndex, session.organizer),
                on: date
            )
            let opens = settings.officeOpensMinutes + settings.convocationMinutesBeforeInterview
            earliestStart = max(earliestStart, opens + offset)
            latestEnd = min(latestEnd, settings.officeClosesMinutes + offset)
            guard latestEnd - earliestStart >= fact.durationMinutes else { return nil }
        }
        return Interview(
            candidate: fact.index,
            id: fact.id,
            durationMinutes: fact.durationMinutes,
            earliestStart: earliestStart,
            latestEnd: latestEnd,
            mode: remote ? .remote : .room,
            host: remote ? fact.home : session.organizer,
            travels: session.organizer != fact.home && !fact.candidate.remoteAllowed
        )
    }

    /// Seats the candidate in `sitting` when every rule allows it, and returns whether it did.
    @discardableResult
    func place(_ fact: CandidateFacts, in sitting: Sitting) -> Bool {
        guard let interview = interview(for: fact, session: sitting.session, date: sitting.date)
        else { return false }
        guard sitting.canAdd(interview, timetable: timetable) else { return false }
        sitting.add(interview, timetable: timetable)
        sittingOf[fact.index] = sitting
        return true
    }

    func unplace(_ index: Int) {
        guard let sitting = sittingOf.removeValue(forKey: index) else { return }
        sitting.remove(candidate: index, timetable: timetable)
    }

    /// Returns whether the candidate could be seated in `sitting`, without seating him.
    func fits(_ fact: CandidateFacts, in sitting: Sitting) -> Interview? {
        guard !sitting.removed,
            let interview = interview(for: fact, session: sitting.session, date: sitting.date)
        else { return nil }
        return sitting.canAdd(interview, timetable: timetable) ? interview : nil
    }

    /// Returns whether the organiser's premises are open on `date`.
    func isOpen(_ organizer: TerritoryCode, on date: CivilDate) -> Bool {
        days.isWorkingDay(date, territory: organizer)
    }
}
