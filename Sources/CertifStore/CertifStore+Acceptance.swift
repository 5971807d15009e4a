import CertifDomain
import CertifPlanning

extension CertifStore {
    /// Accepts the draft plan `id`: stores the sessions named by `sessionIDs`, or all of the
    /// plan's sessions when it is nil, as fixed sessions, and marks the plan accepted. Returns
    /// the ids of the fixed sessions created or extended, in the plan's order.
    ///
    /// A session new to the plan becomes the fixed session "P<plan id>-<session id>". A
    /// session that the plan marks `fixed` carries the id of an existing fixed session, and
    /// the candidates that the plan added to it join that session. Once accepted, a plan is
    /// never accepted again, even for the sessions left out: plan again to place them.
    ///
    /// Checks everything before it writes, and writes nothing when a check fails:
    /// - `planNotFound`, `planAlreadyAccepted`: the plan is missing or not a draft;
    /// - `sessionNotInPlan`: a named session is not in the plan;
    /// - `sessionNotFound`: a session marked fixed is no longer stored (it was released);
    /// - `candidateNotFound`: a candidate of the sessions was never imported;
    /// - `candidateAlreadyScheduled`: a candidate is in another fixed session, which the error
    ///   names;
    /// - `invalidRequest`: the request names no session or one twice, a candidate is in two
    ///   accepted sessions, or the plan drops a candidate of a fixed session or changes its
    ///   diploma or organizer.
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
        let existing: FixedSession?
        if planned.fixed {
            existing = try fixedSession(id: planned.id)
            guard existing != nil else {
                throw StoreError(
                    code: .sessionNotFound,
                    message: "session \(planned.id) of plan \(planID) extends a fixed session "
                        + "that is no longer stored, probably released since; plan again"
                )
            }
        } else {
            existing = nil
        }
        let session = FixedSession(
            id: planned.fixed ? planned.id : "P\(planID)-\(planned.id)",
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
        let storedIDs = Set(existing?.days.flatMap(\.candidates).map(\.id) ?? [])
        if let existing {
            try checkExtension(of: existing, by: session, planID: planID)
            if existing == session {
                return nil
            }
        }
        var added: [(candidateID: String, date: CivilDate)] = []
        for day in planned.days {
            for candidate in day.candidates where !storedIDs.contains(candidate.id) {
                try checkCandidateIsFree(candidate.id, sessionID: planned.id)
                added.append((candidate.id, day.date))
            }
        }
        return SessionAcceptance(session: session, previous: existing, addedCandidates: added)
    }

    private func checkExtension(
        of existing: FixedSession,
        by session: FixedSession,
        planID: Int
    ) throws {
        guard existing.diploma == session.diploma, existing.organizer == session.organizer else {
            throw StoreError(
                code: .invalidRequest,
                message: "plan \(planID) changes the diploma or organizer of fixed session "
                    + "\(existing.id); plan again"
            )
        }
        let plannedIDs = Set(session.days.flatMap(\.candidates).map(\.id))
        for candidate in existing.days.flatMap(\.candidates)
        where !plannedIDs.contains(candidate.id) {
            throw StoreError(
                code: .invalidRequest,
                message: "plan \(planID) drops candidate \(candidate.id) "
                    + "from fixed session \(existing.id); plan again"
            )
        }
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
private struct SessionAcceptance {
    /// The fixed session as it will be stored.
    var session: FixedSession
    /// The stored fixed session that the plan extends, or nil for a new one.
    var previous: FixedSession?
    /// Candidates that join the session, with their exam day.
    var addedCandidates: [(candidateID: String, date: CivilDate)]
}
