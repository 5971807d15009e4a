import CertifDomain
import CertifPlanning
import Testing

@testable import CertifStore

/// A change to a candidate's record, made by a re-import after the plan, that makes his
/// session on 2025-03-20 no longer fit him.
enum CandidateChange: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case diploma
    case laterAvailability
    case earlierDeadline
    case videoconferenceRefused

    var testDescription: String { rawValue }

    func apply(to candidate: inout Candidate) {
        switch self {
        case .diploma: candidate.diploma = DiplomaCode("DEAS")
        case .laterAvailability: candidate.availableFrom = date("2025-04-01")
        case .earlierDeadline: candidate.explicitDeadline = date("2025-03-10")
        case .videoconferenceRefused: candidate.remoteAllowed = false
        }
    }

    /// The words of the error message that name this change.
    var expectedText: String {
        switch self {
        case .diploma: return "his diploma is now DEAS, not DEAF"
        case .laterAvailability:
            return "the exam day 2025-03-20 is before his availability date 2025-04-01"
        case .earlierDeadline: return "the exam day 2025-03-20 is after his deadline 2025-03-10"
        case .videoconferenceRefused:
            return "he is examined by videoconference, which he no longer accepts"
        }
    }
}

@Suite("Plan acceptance checks")
struct AcceptanceCheckTests {
    /// Imports C-001 to C-004, saves a draft with S1 (C-001, C-002 on 2025-03-20) and S2
    /// (C-003 on 2025-04-03), and returns the draft's id.
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

    /// Re-imports candidate `id` with `change` applied.
    private func reimport(
        _ id: String,
        _ store: CertifStore,
        change: (inout Candidate) -> Void
    )
        throws
    {
        var candidate = makeCandidate(id)
        change(&candidate)
        _ = try store.importCandidates([candidate], actor: tester)
    }

    @Test("changed candidate blocks acceptance", arguments: CandidateChange.allCases)
    func changedCandidateBlocks(change: CandidateChange) throws {
        try withTemporaryStore { store, _ throws in
            let planID = try prepare(store)
            try reimport("C-002", store) { change.apply(to: &$0) }
            let auditCount = try store.auditLog(limit: 1000).count

            let error = #expect(throws: StoreError.self) {
                try store.acceptPlan(id: planID, actor: tester)
            }

            #expect(error?.code == .candidateChanged)
            #expect(error?.message.contains("candidate C-002") == true)
            #expect(error?.message.contains("session S1 of plan \(planID)") == true)
            #expect(error?.message.contains(change.expectedText) == true)
            #expect(error?.message.contains("plan again") == true)
            #expect(error?.message.contains("other candidate") == false)
            #expect(try store.fixedSessions() == [])
            #expect(try store.rowCount("session_candidates") == 0)
            #expect(try store.plan(id: planID)?.status == .draft)
            #expect(try store.auditLog(limit: 1000).count == auditCount)
        }
    }

    @Test("changed settings block acceptance")
    func changedSettingsBlock() throws {
        try withTemporaryStore { store, _ throws in
            let planID = try prepare(store)
            var settings = Settings()
            settings.vaeDelayMonths = 1
            try store.saveSettings(settings, actor: tester)

            let error = #expect(throws: StoreError.self) {
                try store.acceptPlan(id: planID, actor: tester)
            }

            #expect(error?.code == .candidateChanged)
            #expect(error?.message.contains("candidate C-001") == true)
            #expect(error?.message.contains("after his deadline 2025-02-15") == true)
            #expect(
                error?.message.contains("2 other candidates no longer fit either: C-002, C-003")
                    == true
            )
            #expect(try store.fixedSessions() == [])
        }
    }

    @Test("unselected changed candidate is ignored")
    func unselectedChangeIgnored() throws {
        try withTemporaryStore { store, _ throws in
            let planID = try prepare(store)
            try reimport("C-002", store) { $0.remoteAllowed = false }

            let accepted = try store.acceptPlan(id: planID, sessionIDs: ["S2"], actor: tester)

            #expect(accepted == ["P\(planID)-S2"])
        }
    }

    @Test("harmless change keeps acceptance")
    func harmlessChangeAccepted() throws {
        try withTemporaryStore { store, _ throws in
            let planID = try prepare(store)
            try reimport("C-002", store) {
                $0.usageName = "Dupont"
                $0.explicitDeadline = date("2025-03-20")
            }

            let accepted = try store.acceptPlan(id: planID, actor: tester)

            #expect(accepted == ["P\(planID)-S1", "P\(planID)-S2"])
        }
    }

    @Test("changed fixed member blocks extension")
    func changedFixedMemberBlocks() throws {
        try withTemporaryStore { store, _ throws in
            let firstPlan = try prepare(store)
            let fixedID = try store.acceptPlan(id: firstPlan, sessionIDs: ["S1"], actor: tester)[0]
            try reimport("C-001", store) { $0.remoteAllowed = false }
            let secondPlan = try store.saveDraft(
                makePlan([
                    makeSession(fixedID, candidates: ["C-001", "C-002", "C-004"], fixed: true)
                ]),
                actor: tester
            )

            let error = #expect(throws: StoreError.self) {
                try store.acceptPlan(id: secondPlan, actor: tester)
            }

            #expect(error?.code == .candidateChanged)
            #expect(error?.message.contains("candidate C-001") == true)
            #expect(error?.message.contains("already in fixed session \(fixedID)") == true)
            #expect(error?.message.contains("release that session, then plan again") == true)
            #expect(try store.fixedSession(id: fixedID)?.days[0].candidates.count == 2)
            #expect(try store.plan(id: secondPlan)?.status == .draft)
        }
    }

    @Test("changed joining candidate blocks extension")
    func changedJoiningCandidateBlocks() throws {
        try withTemporaryStore { store, _ throws in
            let firstPlan = try prepare(store)
            let fixedID = try store.acceptPlan(id: firstPlan, sessionIDs: ["S1"], actor: tester)[0]
            let secondPlan = try store.saveDraft(
                makePlan([
                    makeSession(fixedID, candidates: ["C-001", "C-002", "C-004"], fixed: true)
                ]),
                actor: tester
            )
            try reimport("C-004", store) { $0.diploma = DiplomaCode("DEAS") }

            let error = #expect(throws: StoreError.self) {
                try store.acceptPlan(id: secondPlan, actor: tester)
            }

            #expect(error?.code == .candidateChanged)
            #expect(error?.message.contains("candidate C-004") == true)
            #expect(error?.message.contains("changed after the plan was made; plan again") == true)
            #expect(try store.fixedSessionID(containing: "C-004") == nil)
        }
    }

    @Test("taken fixed id is rejected")
    func takenFixedIDRejected() throws {
        try withTemporaryStore { store, _ throws in
            let planID = try prepare(store)
            // A database written before calendar session ids were checked may hold a session
            // whose id has the form that acceptance gives.
            let takenID = "P\(planID)-S2"
            try store.database.execute(
                """
                INSERT INTO sessions (
                    id, plan_id, diploma, organizer, accepted_at, accepted_by, json
                ) VALUES (
                    \(takenID), NULL, 'DEAF', '52', '2025-01-01T00:00:00.000Z', 'cli:tester',
                    \(try StoreJSON.encode(
                        FixedSession(
                            id: takenID,
                            diploma: DiplomaCode("DEAF"),
                            organizer: TerritoryCode("52"),
                            days: []
                        )
                    ))
                )
                """
            )
            let auditCount = try store.auditLog(limit: 1000).count

            let error = #expect(throws: StoreError.self) {
                try store.acceptPlan(id: planID, actor: tester)
            }

            #expect(error?.code == .invalidRequest)
            #expect(error?.message.contains("session S2 of plan \(planID)") == true)
            #expect(error?.message.contains("fixed session \(takenID)") == true)
            #expect(error?.message.contains("already has that id") == true)
            #expect(error?.sqliteMessage == nil)
            #expect(try store.fixedSessions().map(\.id) == [takenID])
            #expect(try store.rowCount("session_candidates") == 0)
            #expect(try store.plan(id: planID)?.status == .draft)
            #expect(try store.auditLog(limit: 1000).count == auditCount)
        }
    }

    @Test("extension keeps stored reasons")
    func extensionKeepsStoredReasons() throws {
        try withTemporaryStore { store, _ throws in
            let firstPlan = try prepare(store)
            let fixedID = try store.acceptPlan(id: firstPlan, sessionIDs: ["S1"], actor: tester)[0]
            let storedPlaces = try store.fixedSession(id: fixedID)?.days[0].candidates ?? []
            let newReasons = [Reason(rule: "R1", text: "motif réécrit par le second plan")]
            var extended = makeSession(
                fixedID,
                candidates: ["C-001", "C-002", "C-004"],
                fixed: true
            )
            for index in extended.days[0].candidates.indices {
                extended.days[0].candidates[index].reasons = newReasons
            }
            let secondPlan = try store.saveDraft(makePlan([extended]), actor: tester)

            let accepted = try store.acceptPlan(id: secondPlan, actor: tester)

            let candidates = try store.fixedSession(id: fixedID)?.days[0].candidates ?? []
            #expect(accepted == [fixedID])
            #expect(candidates.map(\.id) == ["C-001", "C-002", "C-004"])
            #expect(Array(candidates.prefix(2)) == storedPlaces)
            #expect(candidates.last?.reasons == newReasons)
        }
    }

    @Test("reasons alone write nothing")
    func reasonsAloneWriteNothing() throws {
        try withTemporaryStore { store, _ throws in
            let firstPlan = try prepare(store)
            let fixedID = try store.acceptPlan(id: firstPlan, sessionIDs: ["S1"], actor: tester)[0]
            let stored = try store.fixedSession(id: fixedID)
            var same = makeSession(fixedID, candidates: ["C-001", "C-002"], fixed: true)
            same.days[0].candidates[0].reasons = [Reason(rule: nil, text: "autre motif")]
            let secondPlan = try store.saveDraft(makePlan([same]), actor: tester)

            let accepted = try store.acceptPlan(id: secondPlan, actor: tester)

            #expect(accepted == [])
            #expect(try store.fixedSession(id: fixedID) == stored)
            #expect(try store.auditCount(.sessionExtend) == 0)
        }
    }

    @Test("extension keeps days the plan omits")
    func extensionKeepsOmittedDays() throws {
        try withTemporaryStore { store, _ throws in
            _ = try store.importCandidates([makeCandidate("C-001")], actor: tester)
            let calendar = FixedSession(
                id: "NAT-DEAF-2025",
                diploma: DiplomaCode("DEAF"),
                organizer: TerritoryCode("52"),
                days: [
                    FixedSession.Day(date: date("2025-03-20"), commissions: 2, candidates: []),
                    FixedSession.Day(date: date("2025-03-21"), commissions: 1, candidates: []),
                ]
            )
            try store.addCalendarSession(calendar, actor: tester)
            let planID = try store.saveDraft(
                makePlan([makeSession(calendar.id, candidates: ["C-001"], fixed: true)]),
                actor: tester
            )

            _ = try store.acceptPlan(id: planID, actor: tester)

            let days = try store.fixedSession(id: calendar.id)?.days ?? []
            #expect(days.map(\.date) == [date("2025-03-20"), date("2025-03-21")])
            #expect(days.map(\.commissions) == [2, 1])
            #expect(days.map { $0.candidates.map(\.id) } == [["C-001"], []])
        }
    }
}
