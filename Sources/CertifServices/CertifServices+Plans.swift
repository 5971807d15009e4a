import CertifAuth
import CertifDomain
import CertifPlanning
import CertifStore

extension CertifServices {
    /// Whether the person may run the planner and open plans: he may plan for at least one
    /// territory. A national reader may not, and gets the plans' figures on the dashboard
    /// only.
    public var mayPlan: Bool {
        reference.territories.contains { account.canWrite(.plans(territory: $0.code)) }
    }

    /// Throws `notFound` unless the person may plan.
    func requirePlanning() throws(ServiceError) {
        guard mayPlan else {
            throw ServiceError.notFound
        }
    }

    /// Plans every waiting candidate of the country from `from` to `to` (dates as typed,
    /// JJ/MM/AAAA or AAAA-MM-JJ), as `certif plan` does, and saves the plan as a draft, which
    /// the store audits. Returns the draft's id.
    ///
    /// The plan is national even for a regional officer, because pooling crosses regions.
    /// Field errors are keyed `du` and `au`. Throws `conflict` when no candidate waits and no
    /// fixed session exists. A national run of 16,000 candidates takes about 1.5 s in a
    /// release build, so call this off the threads that serve requests.
    public func runPlan(from fromText: String, to toText: String, today: CivilDate) throws -> Int {
        try requirePlanning()
        let period = try Self.checkedPeriod(from: fromText, to: toText, today: today)
        let problem = try PlanningProblem.waitingCandidates(
            in: store,
            bundledReference: reference,
            today: today,
            period: period
        )
        guard !problem.candidates.isEmpty || !problem.fixedSessions.isEmpty else {
            throw ServiceError(
                code: .conflict,
                message: "Aucun candidat n’attend de session et aucune session n’est fixée : "
                    + "importez d’abord les candidats, puis lancez la planification."
            )
        }
        return try store.saveDraft(Planner.plan(problem), actor: actor)
    }

    /// Parses and checks a plan's period, with French field errors keyed `du` and `au`.
    static func checkedPeriod(
        from fromText: String,
        to toText: String,
        today: CivilDate
    ) throws(ServiceError) -> PlanPeriod {
        var errors: [String: String] = [:]
        let from = parsedDate(fromText, field: "du", label: "le premier jour", errors: &errors)
        let to = parsedDate(toText, field: "au", label: "le dernier jour", errors: &errors)
        if let from, let to {
            switch PlanPeriod(from: from, to: to).issue {
            case .fromAfterTo:
                errors["au"] =
                    "Le dernier jour, le \(to.french), précède le premier, le \(from.french) : "
                    + "inversez-les."
            case .tooLong(let days):
                errors["au"] =
                    "La période compte \(days + 1) jours, plus que les \(PlanPeriod.maxDays + 1) "
                    + "permis (trois ans) : planifiez une période plus courte."
            case nil:
                if to < today {
                    errors["au"] =
                        "La période finit le \(to.french), avant la date du plan, le "
                        + "\(today.french) : aucun examen ne pourrait y avoir lieu."
                }
            }
        }
        guard errors.isEmpty, let from, let to else {
            throw ServiceError.invalid(errors)
        }
        return PlanPeriod(from: from, to: to)
    }

    private static func parsedDate(
        _ text: String,
        field: String,
        label: String,
        errors: inout [String: String]
    ) -> CivilDate? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else {
            errors[field] = "Indiquez \(label) de la période, au format JJ/MM/AAAA."
            return nil
        }
        guard let date = CivilDate(parsing: trimmed) else {
            errors[field] =
                "La date « \(trimmed) » n’est pas valide : écrivez-la JJ/MM/AAAA, par exemple "
                + "01/03/2025."
            return nil
        }
        return date
    }

    /// Returns the stored plans, newest first. Their figures carry no personal data, so the
    /// list shows a regional officer every plan, and `plan(id:scope:)` filters each plan.
    public func plans() throws -> [StoredPlanSummary] {
        try requirePlanning()
        return try store.plans()
    }

    /// Returns the part of plan `id` that `scope` names, with only the sessions that the person
    /// may see (those that his service organises or that hold one of his candidates) and, in
    /// them, only the candidates that he may see.
    public func plan(id: Int, scope: PlanScope = .overview) throws -> PlanView {
        try requirePlanning()
        guard let stored = try store.plan(id: id) else {
            throw ServiceError.notFound
        }
        let withCandidates = scope != .overview
        let plan = stored.plan
        var directory = try CandidateDirectory.load(from: store)
        if case .diploma(let code, let organizer) = scope {
            let placed = plan.sessions.filter { Self.scope(scope, contains: $0) }
                .flatMap(\.days).flatMap(\.candidates).map(\.id)
            let missed = plan.unplanned.map(\.id).filter { id in
                directory.outlines[id]?.diploma == code
                    && (organizer.map { $0 == directory.outlines[id]?.territory } ?? true)
            }
            // Only the records of the candidates whose names the page shows are read.
            let shown = (placed + missed).filter { directory.isVisible($0, to: account) }
            try directory.loadRecords(ids: shown, from: store)
        }
        var lines: [DiplomaCode: PlanDiplomaLine] = [:]
        var order: [DiplomaCode] = []
        func line(_ code: DiplomaCode) -> PlanDiplomaLine {
            lines[code]
                ?? PlanDiplomaLine(
                    diploma: code,
                    sessions: 0,
                    acceptableSessions: 0,
                    candidates: 0,
                    unplanned: 0,
                    organizers: []
                )
        }
        var sessions: [PlanSessionView] = []
        var hiddenSessions = 0
        for session in plan.sessions {
            let ids = session.days.flatMap(\.candidates).map(\.id)
            let access = directory.access(organizer: session.organizer, candidateIDs: ids)
            guard account.isAllowed(.viewSession(access)) else {
                hiddenSessions += 1
                continue
            }
            let mayAccept = account.canWrite(.plans(territory: session.organizer))
            if lines[session.diploma] == nil {
                order.append(session.diploma)
            }
            var diplomaLine = line(session.diploma)
            diplomaLine.sessions += 1
            diplomaLine.acceptableSessions += mayAccept ? 1 : 0
            diplomaLine.candidates += session.candidateCount
            if !diplomaLine.organizers.contains(session.organizer) {
                diplomaLine.organizers.append(session.organizer)
            }
            lines[session.diploma] = diplomaLine
            if Self.scope(scope, contains: session) {
                sessions.append(
                    Self.view(
                        of: session,
                        mayAccept: mayAccept,
                        candidates: withCandidates,
                        directory: directory,
                        account: account
                    )
                )
            }
        }
        var unplanned: [UnplannedView] = []
        var hiddenUnplanned = 0
        for missed in plan.unplanned {
            let outline = directory.outlines[missed.id]
            let visible = directory.isVisible(missed.id, to: account)
            if visible, let diploma = outline?.diploma {
                if lines[diploma] == nil {
                    order.append(diploma)
                }
                var diplomaLine = line(diploma)
                diplomaLine.unplanned += 1
                lines[diploma] = diplomaLine
            }
            guard case .diploma(let code, let organizer) = scope, outline?.diploma == code,
                organizer.map({ $0 == outline?.territory }) ?? true
            else {
                continue
            }
            guard visible else {
                hiddenUnplanned += 1
                continue
            }
            unplanned.append(
                UnplannedView(
                    id: missed.id,
                    candidate: directory.candidates[missed.id],
                    cause: missed.cause,
                    reason: missed.reason,
                    fix: missed.fix,
                    deadlineMissed: missed.deadlineMissed
                )
            )
        }
        return PlanView(
            id: stored.id,
            status: stored.status,
            createdAt: stored.createdAt,
            createdBy: stored.createdBy,
            acceptedAt: stored.acceptedAt,
            today: plan.today,
            from: plan.from,
            to: plan.to,
            settings: plan.settings,
            summary: plan.summary,
            scope: scope,
            sessions: sessions,
            hiddenSessionCount: hiddenSessions,
            unplanned: unplanned,
            hiddenUnplannedCount: hiddenUnplanned,
            diplomas: order.compactMap { lines[$0] }
        )
    }

    private static func scope(_ scope: PlanScope, contains session: PlannedSession) -> Bool {
        switch scope {
        case .overview:
            return true
        case .diploma(let code, let organizer):
            return session.diploma == code && (organizer.map { $0 == session.organizer } ?? true)
        }
    }

    private static func view(
        of session: PlannedSession,
        mayAccept: Bool,
        candidates: Bool,
        directory: CandidateDirectory,
        account: Account
    ) -> PlanSessionView {
        PlanSessionView(
            id: session.id,
            diploma: session.diploma,
            organizer: session.organizer,
            fixed: session.fixed,
            pooled: session.pooled,
            days: session.days.map { day in
                PlanSessionView.Day(
                    date: day.date,
                    commissions: day.commissions,
                    remoteOnly: day.remoteOnly,
                    candidateCount: day.candidates.count,
                    remoteCount: day.candidates.filter { $0.mode == .remote }.count,
                    candidates: candidates
                        ? Self.ordered(day.candidates).map { directory.shown($0, to: account) }
                        : []
                )
            },
            rules: session.rules,
            candidateCount: session.candidateCount,
            sittings: session.sittings,
            mayAccept: mayAccept
        )
    }

    /// Returns the candidates of a day by commission, then start time.
    static func ordered(_ candidates: [PlacedCandidate]) -> [PlacedCandidate] {
        candidates.sorted { ($0.commission, $0.start) < ($1.commission, $1.start) }
    }
}
