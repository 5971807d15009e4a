import CertifDomain
import CertifPlanning

extension CertifStore {
    /// Accepts the draft plan `id`: stores the sessions named by `sessionIDs`, or all of the
    /// plan's sessions when it is nil, as fixed sessions, and marks the plan accepted. Returns
    /// the ids of the fixed sessions created or extended, in the plan's order.
    ///
    /// A session new to the plan becomes the fixed session "P<plan id>-<session id>". A
    /// session that the plan marks `fixed` carries the id of an existing fixed session, and
    /// the candidates that the plan added to it join that session. The candidates already in
    /// it keep their stored place and reasons, and its stored days stay. Once accepted, a plan
    /// is never accepted again, even for the sessions left out: plan again to place them.
    ///
    /// Checks everything before it writes, and writes nothing when a check fails:
    /// - `planNotFound`, `planAlreadyAccepted`: the plan is missing or not a draft;
    /// - `sessionNotInPlan`: a named session is not in the plan;
    /// - `sessionNotFound`: a session marked fixed is no longer stored (it was released);
    /// - `candidateNotFound`: a candidate of the sessions was never imported;
    /// - `candidateAlreadyScheduled`: a candidate is in another fixed session, which the error
    ///   names;
    /// - `candidateChanged`: with the stored candidate and settings, a candidate of the
    ///   sessions no longer fits his day: another diploma, a day before his availability date
    ///   or after his deadline, or a videoconference that he no longer accepts;
    /// - `invalidRequest`: the request names no session or one twice, or a candidate is in two
    ///   accepted sessions. It is also thrown when a new session's fixed id is already taken,
    ///   or when the plan drops a candidate of a fixed session or changes its diploma or
    ///   organizer.
    public func acceptPlan(
        id: Int,
        sessionIDs: [String]? = nil,
        actor: StoreActor
    ) throws -> [String] {
        try write(as: actor) { timestamp in
            guard let stored = try plan(id: id) else {
                throw StoreError(
                    code: .planNotFound,
                    message: "no plan has id \(id); list the plans to find it"
                )
            }
            guard stored.status == .draft else {
                throw StoreError(
                    code: .planAlreadyAccepted,
                    message: "plan \(id) is already accepted, and a plan is accepted once; "
                        + "plan again to place the candidates it left out"
                )
            }
            let selected = try selectSessions(sessionIDs, of: stored.plan, planID: id)
            try checkCandidatesAppearOnce(in: selected, planID: id)
            let acceptances = try selected.compactMap {
                try prepareAcceptance(of: $0, planID: id)
            }
            try checkCandidatesStillFit(acceptances, settings: try settings(), planID: id)
            for acceptance in acceptances {
                try store(acceptance, planID: id, actor: actor, at: timestamp)
            }
            try database.execute(
                """
                UPDATE plans
                SET status = \(PlanStatus.accepted.rawValue), accepted_at = \(timestamp)
                WHERE id = \(id) AND status = \(PlanStatus.draft.rawValue)
                """
            )
            let acceptedIDs = acceptances.map(\.session.id)
            try appendAudit(
                at: timestamp,
                actor: actor,
                action: .planAccept,
                entity: "plan",
                entityID: String(id),
                before: try StoreJSON.encode(
                    PlanAuditRecord(status: .draft, sessions: stored.plan.sessions.map(\.id))
                ),
                after: try StoreJSON.encode(
                    PlanAuditRecord(status: .accepted, sessions: acceptedIDs)
                )
            )
            return acceptedIDs
        }
    }

    /// Returns the sessions of `plan` named by `sessionIDs`, or all when it is nil, in the
    /// plan's order.
    private func selectSessions(
        _ sessionIDs: [String]?,
        of plan: Plan,
        planID: Int
    ) throws -> [PlannedSession] {
        guard let sessionIDs else {
            guard !plan.sessions.isEmpty else {
                throw StoreError(
                    code: .invalidRequest,
                    message: "plan \(planID) has no session to accept"
                )
            }
            return plan.sessions
        }
        guard !sessionIDs.isEmpty else {
            throw StoreError(
                code: .invalidRequest,
                message: "name at least one session to accept, or none to accept them all"
            )
        }
        var named = Set<String>()
        for sessionID in sessionIDs where !named.insert(sessionID).inserted {
            throw StoreError(
                code: .invalidRequest,
                message: "session \(sessionID) is named twice; name each session once"
            )
        }
        let known = Set(plan.sessions.map(\.id))
        for sessionID in sessionIDs where !known.contains(sessionID) {
            throw StoreError(
                code: .sessionNotInPlan,
                message: "plan \(planID) has no session \(sessionID); "
                    + "its sessions are \(Self.list(plan.sessions.map(\.id)))"
            )
        }
        return plan.sessions.filter { named.contains($0.id) }
    }

    private func checkCandidatesAppearOnce(in sessions: [PlannedSession], planID: Int) throws {
        var sessionOfCandidate: [String: String] = [:]
        for session in sessions {
            for candidate in session.days.flatMap(\.candidates) {
                if let other = sessionOfCandidate.updateValue(session.id, forKey: candidate.id) {
                    throw StoreError(
                        code: .invalidRequest,
                        message: "candidate \(candidate.id) is placed twice in plan \(planID), "
                            + "in sessions \(other) and \(session.id); plan again"
                    )
                }
            }
        }
    }

    /// Checks one planned session against the stored data and returns what accepting it
    /// writes, or nil when it is a fixed session that the plan leaves as it is.
    private func prepareAcceptance(
        of planned: PlannedSession,
        planID: Int
    ) throws -> SessionAcceptance? {
        guard planned.fixed else {
            return try prepareNewSession(planned, planID: planID)
        }
        guard let existing = try fixedSession(id: planned.id) else {
            throw StoreError(
                code: .sessionNotFound,
                message: "session \(planned.id) of plan \(planID) extends a fixed session "
                    + "that is no longer stored, probably released since; plan again"
            )
        }
        try checkExtension(of: existing, by: planned, planID: planID)
        let session = Self.merge(planned, into: existing)
        if session == existing {
            return nil
        }
        let storedIDs = Set(existing.days.flatMap(\.candidates).map(\.id))
        var added: [(candidateID: String, date: CivilDate)] = []
        for day in session.days {
            for candidate in day.candidates where !storedIDs.contains(candidate.id) {
                try checkCandidateIsFree(candidate.id, sessionID: planned.id)
                added.append((candidate.id, day.date))
            }
        }
        return SessionAcceptance(
            plannedID: planned.id,
            session: session,
            previous: existing,
            addedCandidates: added
        )
    }

    private func prepareNewSession(
        _ planned: PlannedSession,
        planID: Int
    ) throws -> SessionAcceptance {
        let fixedID = "P\(planID)-\(planned.id)"
        guard try fixedSession(id: fixedID) == nil else {
            throw StoreError(
                code: .invalidRequest,
                message: "session \(planned.id) of plan \(planID) would become fixed session "
                    + "\(fixedID), but a fixed session already has that id; plan again, which "
                    + "gives the sessions new ids"
            )
        }
        let session = FixedSession(
            id: fixedID,
            diploma: planned.diploma,
            organizer: planned.organizer,
            days: planned.days.map {
                FixedSession.Day(
                    date: $0.date,
                    commissions: $0.commissions,
                    candidates: $0.candidates
                )
            }
        )
        var added: [(candidateID: String, date: CivilDate)] = []
        for day in planned.days {
            for candidate in day.candidates {
                try checkCandidateIsFree(candidate.id, sessionID: planned.id)
                added.append((candidate.id, day.date))
            }
        }
        return SessionAcceptance(
            plannedID: planned.id,
            session: session,
            previous: nil,
            addedCandidates: added
        )
    }

    private func checkExtension(
        of existing: FixedSession,
        by planned: PlannedSession,
        planID: Int
    ) throws {
        guard existing.diploma == planned.diploma, existing.organizer == planned.organizer else {
            throw StoreError(
                code: .invalidRequest,
                message: "plan \(planID) changes the diploma or organizer of fixed session "
                    + "\(existing.id); plan again"
            )
        }
        let plannedIDs = Set(planned.days.flatMap(\.candidates).map(\.id))
        for candidate in existing.days.flatMap(\.candidates)
        where !plannedIDs.contains(candidate.id) {
            throw StoreError(
                code: .invalidRequest,
                message: "plan \(planID) drops candidate \(candidate.id) "
                    + "from fixed session \(existing.id); plan again"
            )
        }
    }

    /// Returns `existing` with the plan's days and the candidates that the plan adds.
    ///
    /// A candidate already in the session keeps his stored place and reasons, on his stored
    /// day, because the plan's copy may carry reasons written anew. A stored day that the plan
    /// leaves out stays, and a day keeps the larger of its stored and planned commissions.
    /// NOTE: The added candidates keep the plan's commission numbers and start times, which
    /// fit the stored places only because the planner pins them.
    private static func merge(
        _ planned: PlannedSession,
        into existing: FixedSession
    ) -> FixedSession {
        let storedIDs = Set(existing.days.flatMap(\.candidates).map(\.id))
        let plannedDays = Dictionary(
            planned.days.map { ($0.date, $0) },
            uniquingKeysWith: { first, _ in first }
        )
        var days = existing.days.map { stored in
            guard let plannedDay = plannedDays[stored.date] else {
                return stored
            }
            return FixedSession.Day(
                date: stored.date,
                commissions: max(stored.commissions, plannedDay.commissions),
                candidates: stored.candidates
                    + plannedDay.candidates.filter { !storedIDs.contains($0.id) }
            )
        }
        let storedDates = Set(existing.days.map(\.date))
        for plannedDay in planned.days where !storedDates.contains(plannedDay.date) {
            days.append(
                FixedSession.Day(
                    date: plannedDay.date,
                    commissions: plannedDay.commissions,
                    candidates: plannedDay.candidates.filter { !storedIDs.contains($0.id) }
                )
            )
        }
        var merged = existing
        merged.days = days
        return merged
    }

    private func checkCandidateIsFree(_ candidateID: String, sessionID: String) throws {
        guard try candidate(id: candidateID) != nil else {
            throw StoreError(
                code: .candidateNotFound,
                message: "candidate \(candidateID) of session \(sessionID) is not in the database; "
                    + "import the candidate, then plan again"
            )
        }
        if let holder = try fixedSessionID(containing: candidateID) {
            throw StoreError(
                code: .candidateAlreadyScheduled,
                message: "candidate \(candidateID) of session \(sessionID) is already in "
                    + "fixed session \(holder); release that session or plan again"
            )
        }
    }

    private func store(
        _ acceptance: SessionAcceptance,
        planID: Int,
        actor: StoreActor,
        at timestamp: String
    ) throws {
        let session = acceptance.session
        let json = try StoreJSON.encode(session)
        if let previous = acceptance.previous {
            try database.execute("UPDATE sessions SET json = \(json) WHERE id = \(session.id)")
            try appendAudit(
                at: timestamp,
                actor: actor,
                action: .sessionExtend,
                entity: "session",
                entityID: session.id,
                before: try StoreJSON.encode(previous),
                after: json
            )
        } else {
            try database.execute(
                """
                INSERT INTO sessions (
                    id, plan_id, diploma, organizer, accepted_at, accepted_by, json
                )
                VALUES (
                    \(session.id), \(planID), \(session.diploma.rawValue),
                    \(session.organizer.rawValue), \(timestamp), \(actor.name), \(json)
                )
                """
            )
            try appendAudit(
                at: timestamp,
                actor: actor,
                action: .sessionCreate,
                entity: "session",
                entityID: session.id,
                before: nil,
                after: json
            )
        }
        for (candidateID, date) in acceptance.addedCandidates {
            try database.execute(
                """
                INSERT INTO session_candidates (session_id, candidate_id, date)
                VALUES (\(session.id), \(candidateID), \(date))
                """
            )
        }
    }

    /// Up to ten ids joined by commas, for error messages.
    private static func list(_ ids: [String]) -> String {
        guard !ids.isEmpty else {
            return "none"
        }
        let firstTen = ids.prefix(10).joined(separator: ", ")
        return ids.count > 10 ? "\(firstTen) and \(ids.count - 10) more" : firstTen
    }
}

/// The fixed session and candidate links that accepting one planned session writes.
struct SessionAcceptance {
    /// The session's id in the plan, which the user names when accepting.
    var plannedID: String
    /// The fixed session as it will be stored.
    var session: FixedSession
    /// The stored fixed session that the plan extends, or nil for a new one.
    var previous: FixedSession?
    /// Candidates that join the session, with their exam day.
    var addedCandidates: [(candidateID: String, date: CivilDate)]
}
