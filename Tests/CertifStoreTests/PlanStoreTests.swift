import CertifDomain
import CertifPlanning
import Testing

@testable import CertifStore

@Suite("Plans")
struct PlanStoreTests {
    @Test("draft round trip equals plan")
    func draftRoundTrip() throws {
        try withTemporaryStore { store, _ throws in
            let plan = makePlan([
                makeSession("S1", candidates: ["C-001", "C-002"]),
                makeSession("S2", candidates: ["C-003"], on: "2025-04-03"),
            ])

            let id = try store.saveDraft(plan, actor: tester)
            let stored = try store.plan(id: id)
            let summaries = try store.plans()

            #expect(stored?.plan == plan)
            #expect(stored?.status == .draft)
            #expect(stored?.createdBy == "cli:tester")
            #expect(stored?.acceptedAt == nil)
            #expect(summaries.count == 1)
            #expect(summaries.first?.id == id)
            #expect(summaries.first?.sessionCount == 2)
            #expect(summaries.first?.from == plan.from)
            #expect(summaries.first?.to == plan.to)
            #expect(try store.plan(id: id + 1) == nil)
            let audit = try store.auditLog()
            #expect(audit.count == 1)
            #expect(audit[0].action == .planDraft)
            #expect(audit[0].entityID == String(id))
        }
    }

    @Test("plans are listed newest first")
    func plansNewestFirst() throws {
        try withTemporaryStore { store, _ throws in
            let first = try store.saveDraft(makePlan([]), actor: tester)
            let second = try store.saveDraft(
                makePlan([makeSession("S1", candidates: [])]),
                actor: tester
            )

            let ids = try store.plans().map(\.id)

            #expect(ids == [second, first])
        }
    }

    @Test("unreadable plan JSON is reported")
    func unreadablePlanReported() throws {
        try withTemporaryStore { store, _ throws in
            let id = try store.saveDraft(makePlan([]), actor: tester)
            try store.database.execute("UPDATE plans SET json = '{}' WHERE id = \(id)")

            let error = #expect(throws: StoreError.self) { try store.plan(id: id) }

            #expect(error?.code == .invalidStoredData)
            #expect(error?.message.contains("plans.json") == true)
            #expect(error?.cause is DecodingError)
        }
    }

    @Test("duplicate session ids are rejected")
    func duplicateSessionIDsRejected() throws {
        try withTemporaryStore { store, _ throws in
            let plan = makePlan([
                makeSession("S1", candidates: ["C-001"]),
                makeSession("S1", candidates: ["C-002"]),
            ])

            let error = #expect(throws: StoreError.self) {
                try store.saveDraft(plan, actor: tester)
            }

            #expect(error?.code == .invalidRequest)
            #expect(try store.plans() == [])
        }
    }
}

@Suite("Plan acceptance")
struct AcceptanceTests {
    /// Imports C-001 to C-004, saves a draft with S1 (C-001, C-002) and S2 (C-003), and
    /// returns the draft's id.
    private func prepare(_ store: CertifStore) throws -> Int {
        _ = try store.importCandidates(
            ["C-001", "C-002", "C-003", "C-004"].map { makeCandidate($0) },
            actor: tester
        )
        return try store.saveDraft(
            makePlan([
                makeSession("S1", candidates: ["C-001", "C-002"]),
                makeSession("S2", candidates: ["C-003"], on: "2025-04-03"),
            ]),
            actor: tester
        )
    }

    @Test("accept all sessions")
    func acceptAll() throws {
        try withTemporaryStore { store, _ throws in
            let planID = try prepare(store)
            let auditBefore = try store.auditLog(limit: 1000).count

            let accepted = try store.acceptPlan(id: planID, actor: tester)

            #expect(accepted == ["P\(planID)-S1", "P\(planID)-S2"])
            let sessions = try store.fixedSessions()
            #expect(sessions.map(\.id) == accepted)
            let planned = makeSession("S1", candidates: ["C-001", "C-002"])
            #expect(
                sessions.first
                    == FixedSession(
                        id: "P\(planID)-S1",
                        diploma: planned.diploma,
                        organizer: planned.organizer,
                        days: [
                            FixedSession.Day(
                                date: date("2025-03-20"),
                                commissions: 1,
                                candidates: planned.days[0].candidates
                            )
                        ]
                    )
            )
            #expect(try store.waitingCandidates().map(\.id) == ["C-004"])
            #expect(try store.rowCount("session_candidates") == 3)
            let stored = try store.plan(id: planID)
            #expect(stored?.status == .accepted)
            #expect(stored?.acceptedAt != nil)
            #expect(try store.auditLog(limit: 1000).count == auditBefore + 3)
            #expect(try store.auditCount(.sessionCreate) == 2)
            #expect(try store.auditCount(.planAccept) == 1)
        }
    }

    @Test("accept some sessions")
    func acceptSome() throws {
        try withTemporaryStore { store, _ throws in
            let planID = try prepare(store)

            let accepted = try store.acceptPlan(id: planID, sessionIDs: ["S2"], actor: tester)

            #expect(accepted == ["P\(planID)-S2"])
            #expect(try store.fixedSessions().map(\.id) == ["P\(planID)-S2"])
            #expect(try store.waitingCandidates().map(\.id) == ["C-001", "C-002", "C-004"])
            #expect(try store.plan(id: planID)?.status == .accepted)
            let planEntry = try store.auditLog(limit: 1).first
            #expect(planEntry?.action == .planAccept)
            #expect(planEntry?.after?.contains("P\(planID)-S2") == true)
            #expect(planEntry?.after?.contains("P\(planID)-S1") == false)
        }
    }

    @Test("accept twice is rejected")
    func acceptTwiceRejected() throws {
        try withTemporaryStore { store, _ throws in
            let planID = try prepare(store)
            _ = try store.acceptPlan(id: planID, sessionIDs: ["S1"], actor: tester)
            let auditCount = try store.auditLog(limit: 1000).count

            let error = #expect(throws: StoreError.self) {
                try store.acceptPlan(id: planID, sessionIDs: ["S2"], actor: tester)
            }

            #expect(error?.code == .planAlreadyAccepted)
            #expect(error?.message.contains("plan \(planID)") == true)
            #expect(try store.fixedSessions().count == 1)
            #expect(try store.auditLog(limit: 1000).count == auditCount)
        }
    }

    @Test("unknown plan is rejected")
    func unknownPlanRejected() throws {
        try withTemporaryStore { store, _ throws in
            let error = #expect(throws: StoreError.self) {
                try store.acceptPlan(id: 42, actor: tester)
            }

            #expect(error?.code == .planNotFound)
            #expect(error?.message.contains("42") == true)
        }
    }

    @Test("unknown session is rejected")
    func unknownSessionRejected() throws {
        try withTemporaryStore { store, _ throws in
            let planID = try prepare(store)

            let error = #expect(throws: StoreError.self) {
                try store.acceptPlan(id: planID, sessionIDs: ["S1", "S9"], actor: tester)
            }

            #expect(error?.code == .sessionNotInPlan)
            #expect(error?.message.contains("S9") == true)
            #expect(error?.message.contains("S1, S2") == true)
            #expect(try store.fixedSessions() == [])
            #expect(try store.plan(id: planID)?.status == .draft)
        }
    }

    @Test("empty or repeated selection is rejected")
    func badSelectionRejected() throws {
        try withTemporaryStore { store, _ throws in
            let planID = try prepare(store)

            let empty = #expect(throws: StoreError.self) {
                try store.acceptPlan(id: planID, sessionIDs: [], actor: tester)
            }
            let repeated = #expect(throws: StoreError.self) {
                try store.acceptPlan(id: planID, sessionIDs: ["S1", "S1"], actor: tester)
            }

            #expect(empty?.code == .invalidRequest)
            #expect(repeated?.code == .invalidRequest)
            #expect(try store.plan(id: planID)?.status == .draft)
        }
    }

    @Test("scheduled candidate blocks acceptance")
    func scheduledCandidateBlocks() throws {
        try withTemporaryStore { store, _ throws in
            let firstPlan = try prepare(store)
            _ = try store.acceptPlan(id: firstPlan, sessionIDs: ["S1"], actor: tester)
            let secondPlan = try store.saveDraft(
                makePlan([
                    makeSession("S1", candidates: ["C-004"]),
                    makeSession("S2", candidates: ["C-003", "C-002"]),
                ]),
                actor: tester
            )
            let auditCount = try store.auditLog(limit: 1000).count
            let linkCount = try store.rowCount("session_candidates")

            let error = #expect(throws: StoreError.self) {
                try store.acceptPlan(id: secondPlan, actor: tester)
            }

            #expect(error?.code == .candidateAlreadyScheduled)
            #expect(error?.message.contains("C-002") == true)
            #expect(error?.message.contains("P\(firstPlan)-S1") == true)
            #expect(try store.plan(id: secondPlan)?.status == .draft)
            #expect(try store.fixedSessions().map(\.id) == ["P\(firstPlan)-S1"])
            #expect(try store.rowCount("session_candidates") == linkCount)
            #expect(try store.auditLog(limit: 1000).count == auditCount)
        }
    }

    @Test("unknown candidate blocks acceptance")
    func unknownCandidateBlocks() throws {
        try withTemporaryStore { store, _ throws in
            _ = try store.importCandidates([makeCandidate("C-001")], actor: tester)
            let planID = try store.saveDraft(
                makePlan([makeSession("S1", candidates: ["C-001", "C-404"])]),
                actor: tester
            )

            let error = #expect(throws: StoreError.self) {
                try store.acceptPlan(id: planID, actor: tester)
            }

            #expect(error?.code == .candidateNotFound)
            #expect(error?.message.contains("C-404") == true)
            #expect(try store.fixedSessions() == [])
            #expect(try store.rowCount("session_candidates") == 0)
        }
    }

    @Test("candidate placed twice is rejected")
    func candidatePlacedTwiceRejected() throws {
        try withTemporaryStore { store, _ throws in
            _ = try store.importCandidates([makeCandidate("C-001")], actor: tester)
            let planID = try store.saveDraft(
                makePlan([
                    makeSession("S1", candidates: ["C-001"]),
                    makeSession("S2", candidates: ["C-001"]),
                ]),
                actor: tester
            )

            let error = #expect(throws: StoreError.self) {
                try store.acceptPlan(id: planID, actor: tester)
            }

            #expect(error?.code == .invalidRequest)
            #expect(error?.message.contains("C-001") == true)
            #expect(try store.fixedSessions() == [])
        }
    }

    @Test("plan extends a fixed session")
    func planExtendsFixedSession() throws {
        try withTemporaryStore { store, _ throws in
            let firstPlan = try prepare(store)
            let fixedID = try store.acceptPlan(id: firstPlan, sessionIDs: ["S1"], actor: tester)[0]
            let secondPlan = try store.saveDraft(
                makePlan([
                    makeSession(fixedID, candidates: ["C-001", "C-002", "C-004"], fixed: true),
                    makeSession("S7", candidates: ["C-003"]),
                ]),
                actor: tester
            )

            let accepted = try store.acceptPlan(id: secondPlan, actor: tester)

            #expect(accepted == [fixedID, "P\(secondPlan)-S7"])
            let extended = try store.fixedSession(id: fixedID)
            #expect(extended?.days[0].candidates.map(\.id) == ["C-001", "C-002", "C-004"])
            #expect(try store.waitingCandidates() == [])
            #expect(try store.rowCount("session_candidates") == 4)
            let extendEntry = try store.auditLog().first { $0.action == .sessionExtend }
            #expect(extendEntry?.entityID == fixedID)
            #expect(extendEntry?.before?.contains("C-004") == false)
            #expect(extendEntry?.after?.contains("C-004") == true)
        }
    }

    @Test("plan cannot drop fixed candidate")
    func planCannotDropFixedCandidate() throws {
        try withTemporaryStore { store, _ throws in
            let firstPlan = try prepare(store)
            let fixedID = try store.acceptPlan(id: firstPlan, sessionIDs: ["S1"], actor: tester)[0]
            let secondPlan = try store.saveDraft(
                makePlan([makeSession(fixedID, candidates: ["C-001", "C-004"], fixed: true)]),
                actor: tester
            )

            let error = #expect(throws: StoreError.self) {
                try store.acceptPlan(id: secondPlan, actor: tester)
            }

            #expect(error?.code == .invalidRequest)
            #expect(error?.message.contains("C-002") == true)
            #expect(try store.fixedSession(id: fixedID)?.days[0].candidates.count == 2)
        }
    }

    @Test("release frees candidates")
    func releaseFreesCandidates() throws {
        try withTemporaryStore { store, _ throws in
            let planID = try prepare(store)
            let accepted = try store.acceptPlan(id: planID, actor: tester)
            let released = try store.fixedSession(id: accepted[0])

            try store.releaseSession(id: accepted[0], actor: tester)

            #expect(try store.fixedSessions().map(\.id) == [accepted[1]])
            #expect(try store.waitingCandidates().map(\.id) == ["C-001", "C-002", "C-004"])
            #expect(try store.rowCount("session_candidates") == 1)
            let entry = try store.auditLog(limit: 1).first
            #expect(entry?.action == .sessionRelease)
            #expect(entry?.entityID == accepted[0])
            #expect(entry?.before == (try StoreJSON.encode(released)))
            #expect(entry?.after == nil)
        }
    }

    @Test("release of unknown session fails")
    func releaseUnknownFails() throws {
        try withTemporaryStore { store, _ throws in
            let error = #expect(throws: StoreError.self) {
                try store.releaseSession(id: "P9-S9", actor: tester)
            }

            #expect(error?.code == .sessionNotFound)
            #expect(error?.message.contains("P9-S9") == true)
            #expect(try store.auditLog() == [])
        }
    }

    @Test("released candidate can be accepted again")
    func releasedCandidateReaccepted() throws {
        try withTemporaryStore { store, _ throws in
            let firstPlan = try prepare(store)
            let accepted = try store.acceptPlan(id: firstPlan, sessionIDs: ["S1"], actor: tester)
            try store.releaseSession(id: accepted[0], actor: tester)
            let secondPlan = try store.saveDraft(
                makePlan([makeSession("S1", candidates: ["C-001", "C-002"])]),
                actor: tester
            )

            let again = try store.acceptPlan(id: secondPlan, actor: tester)

            #expect(again == ["P\(secondPlan)-S1"])
            #expect(try store.rowCount("session_candidates") == 2)
        }
    }
}
