import CertifAuth
import CertifDomain
import CertifPlanning
import Foundation
import Testing

@testable import CertifStore

@Suite("Candidate deadlines and list filters")
struct CandidateDeadlineTests {
    /// Three candidates of 53 available from 15/01/2025: C-VAE by VAE (deadline 15/04/2025),
    /// C-TRAINING by training (15/07/2025), and C-EXPLICIT with a deadline of 01/03/2025.
    private func storeThree(_ store: CertifStore) throws {
        var explicit = makeCandidate("C-EXPLICIT", birthName: "Carré")
        explicit.explicitDeadline = date("2025-03-01")
        _ = try store.importCandidates(
            [
                makeCandidate("C-VAE", birthName: "Albert"),
                makeCandidate("C-TRAINING", birthName: "Bernard", route: .training),
                explicit,
            ],
            actor: tester
        )
    }

    private func storedDeadline(_ store: CertifStore, _ id: String) throws -> String? {
        try store.database.query("SELECT deadline FROM candidates WHERE id = \(id)").first?
            .string("deadline")
    }

    @Test("import stores each deadline")
    func importStoresDeadlines() throws {
        try withTemporaryStore { store, _ throws in
            try storeThree(store)

            #expect(try storedDeadline(store, "C-VAE") == "2025-04-15")
            #expect(try storedDeadline(store, "C-TRAINING") == "2025-07-15")
            #expect(try storedDeadline(store, "C-EXPLICIT") == "2025-03-01")
        }
    }

    @Test("deadline filter and order")
    func deadlineFilterAndOrder() throws {
        try withTemporaryStore { store, _ throws in
            try storeThree(store)

            let april = try store.candidates(
                visibleTo: .all,
                deadlineOnOrBefore: date("2025-04-15")
            )
            let march = try store.candidates(
                visibleTo: .all,
                deadlineOnOrBefore: date("2025-04-14")
            )
            let byDeadline = try store.candidates(visibleTo: .all, order: .deadline)

            #expect(april.rows.map(\.id) == ["C-VAE", "C-EXPLICIT"])
            #expect(april.total == 2)
            #expect(march.rows.map(\.id) == ["C-EXPLICIT"])
            #expect(byDeadline.rows.map(\.id) == ["C-EXPLICIT", "C-VAE", "C-TRAINING"])
            #expect(
                try store.candidateCount(visibleTo: .all, deadlineOnOrBefore: date("2025-04-15"))
                    == 2
            )
        }
    }

    @Test("saving settings recomputes every deadline")
    func settingsRecomputeDeadlines() throws {
        try withTemporaryStore { store, _ throws in
            try storeThree(store)
            var settings = Settings()
            settings.vaeDelayMonths = 2
            settings.trainingDelayMonths = 1

            try store.saveSettings(settings, actor: tester)

            #expect(try storedDeadline(store, "C-VAE") == "2025-03-15")
            #expect(try storedDeadline(store, "C-TRAINING") == "2025-02-15")
            #expect(try storedDeadline(store, "C-EXPLICIT") == "2025-03-01")
            let march = try store.candidates(
                visibleTo: .all,
                deadlineOnOrBefore: date("2025-03-01")
            )
            #expect(march.rows.map(\.id) == ["C-TRAINING", "C-EXPLICIT"])
        }
    }

    @Test("status filter splits waiting and scheduled")
    func statusFilter() throws {
        try withTemporaryStore { store, _ throws in
            try storeThree(store)
            let planID = try store.saveDraft(
                makePlan([makeSession("S1", candidates: ["C-VAE"], organizer: "53")]),
                actor: tester
            )
            _ = try store.acceptPlan(id: planID, actor: tester)

            let waiting = try store.candidates(visibleTo: .all, status: .waiting)
            let scheduled = try store.candidates(visibleTo: .all, status: .scheduled)

            #expect(waiting.rows.map(\.id) == ["C-TRAINING", "C-EXPLICIT"])
            #expect(scheduled.rows.map(\.id) == ["C-VAE"])
            #expect(try store.candidateCount(visibleTo: .all, status: .waiting) == 2)
            #expect(try store.fixedSessionIDs(containing: ["C-VAE", "C-TRAINING"]).count == 1)
            let sessionID = try #require(try store.fixedSessionID(containing: "C-VAE"))
            #expect(try store.candidateTerritories(inSession: sessionID) == [TerritoryCode("53")])
            #expect(try store.candidateTerritoriesBySession() == [sessionID: [TerritoryCode("53")]])
            try store.releaseSession(id: sessionID, actor: tester)
            #expect(try store.candidateTerritories(inSession: sessionID).isEmpty)
            #expect(try store.candidateCount(visibleTo: .all, status: .waiting) == 3)
            #expect(try store.candidateCount(visibleTo: .all, status: .scheduled) == 0)
        }
    }

    @Test("page size is capped")
    func pageSizeCapped() throws {
        try withTemporaryStore { store, _ throws in
            #expect(throws: StoreError.self) {
                try store.candidates(visibleTo: .all, limit: CertifStore.maxPageSize + 1)
            }
            #expect(
                try store.candidates(visibleTo: .all, limit: CertifStore.maxPageSize).total == 0
            )
        }
    }

    @Test("single writes are audited and keep the deadline")
    func singleWrites() throws {
        try withTemporaryStore { store, _ throws in
            let candidate = makeCandidate("C-1")
            try store.insertCandidate(candidate, actor: tester)
            var changed = candidate
            changed.availableFrom = date("2025-02-01")

            let wrote = try store.updateCandidate(changed, actor: tester)
            let wroteAgain = try store.updateCandidate(changed, actor: tester)

            #expect(wrote)
            #expect(!wroteAgain)
            #expect(try storedDeadline(store, "C-1") == "2025-05-01")
            let history = try store.auditEntries(
                matching: AuditLogFilter(entity: "candidate", entityID: "C-1"),
                scope: .all
            ).rows
            #expect(history.map(\.action) == [.candidateUpdate, .candidateInsert])
            #expect(history[0].before?.contains("2025-01-15") == true)
            #expect(history[0].after?.contains("2025-02-01") == true)
            #expect(
                try store.auditEntries(
                    matching: AuditLogFilter(entity: "candidate", entityID: "C-2"),
                    scope: .all
                ).total == 0
            )
            #expect(throws: StoreError.self) { try store.insertCandidate(candidate, actor: tester) }
            #expect(throws: StoreError.self) {
                try store.updateCandidate(makeCandidate("C-404"), actor: tester)
            }
        }
    }

    @Test("upcoming sessions by first day")
    func upcomingSessions() throws {
        try withTemporaryStore { store, _ throws in
            _ = try store.importCandidates(
                [makeCandidate("C-1"), makeCandidate("C-2"), makeCandidate("C-3")],
                actor: tester
            )
            let planID = try store.saveDraft(
                makePlan([
                    makeSession("LATE", candidates: ["C-1"], on: "2025-04-10", organizer: "53"),
                    makeSession("PAST", candidates: ["C-2"], on: "2025-03-01", organizer: "52"),
                    makeSession("SOON", candidates: ["C-3"], on: "2025-03-20", organizer: "28"),
                ]),
                actor: tester
            )
            _ = try store.acceptPlan(id: planID, actor: tester)

            let upcoming = try store.upcomingSessions(from: date("2025-03-02"))

            #expect(upcoming.map(\.organizer) == [TerritoryCode("28"), TerritoryCode("53")])
            #expect(upcoming.allSatisfy { $0.id.hasPrefix("P\(planID)-") })
            #expect(upcoming.first?.days == [.init(date: date("2025-03-20"), commissions: 1)])
            #expect(upcoming.first?.candidateCount == 1)
            #expect(upcoming.first?.diploma == DiplomaCode("DEAF"))
            #expect(try store.upcomingSessions(from: date("2025-04-11")).isEmpty)
            #expect(try store.upcomingSessions(from: date("2025-03-01")).count == 3)
            let calendar = FixedSession(
                id: "CAL-1",
                diploma: DiplomaCode("DEAF"),
                organizer: TerritoryCode("52"),
                days: [
                    FixedSession.Day(date: date("2025-06-02"), commissions: 2, candidates: []),
                    FixedSession.Day(date: date("2025-06-03"), commissions: 1, candidates: []),
                ]
            )
            try store.addCalendarSession(calendar, actor: tester)
            let june = try store.upcomingSessions(from: date("2025-06-03"))
            #expect(june.map(\.id) == ["CAL-1"])
            #expect(june.first?.days.map(\.commissions) == [2, 1])
            #expect(june.first?.candidateCount == 0)
        }
    }

    @Test("plans filtered by status")
    func plansByStatus() throws {
        try withTemporaryStore { store, _ throws in
            _ = try store.importCandidates([makeCandidate("C-1")], actor: tester)
            let accepted = try store.saveDraft(
                makePlan([makeSession("S1", candidates: ["C-1"])]),
                actor: tester
            )
            _ = try store.acceptPlan(id: accepted, actor: tester)
            let draft = try store.saveDraft(makePlan([]), actor: tester)

            #expect(try store.plans(status: .draft).map(\.id) == [draft])
            #expect(try store.plans(status: .accepted).map(\.id) == [accepted])
            #expect(try store.plans().map(\.id) == [draft, accepted])
        }
    }
}
