import CertifDomain
import Testing

@testable import CertifStore

@Suite("Candidates")
struct CandidateStoreTests {
    @Test("import inserts new candidates")
    func importInserts() throws {
        try withTemporaryStore { store, _ throws in
            let candidates = [makeCandidate("C-002"), makeCandidate("C-001")]

            let outcome = try store.importCandidates(candidates, actor: tester)

            #expect(outcome.inserted == 2)
            #expect(outcome.updated == 0)
            #expect(outcome.unchanged == 0)
            #expect(outcome.insertedIDs == ["C-002", "C-001"])
            #expect(try store.candidates() == [candidates[1], candidates[0]])
            let audit = try store.auditLog()
            #expect(audit.count == 2)
            #expect(audit.allSatisfy { $0.action == .candidateInsert })
            #expect(audit.allSatisfy { $0.actor == "cli:tester" })
            #expect(audit.allSatisfy { $0.entity == "candidate" })
            #expect(audit.allSatisfy { $0.before == nil })
            #expect(audit.allSatisfy { $0.after != nil })
            #expect(audit.map(\.entityID) == ["C-001", "C-002"])
        }
    }

    @Test("import updates changed candidate")
    func importUpdates() throws {
        try withTemporaryStore { store, _ throws in
            _ = try store.importCandidates([makeCandidate("C-001")], actor: tester)
            let before = try store.database.query(
                "SELECT created_at, updated_at FROM candidates WHERE id = \("C-001")"
            )[0]
            var changed = makeCandidate("C-001")
            changed.usageName = "Dupont"
            changed.explicitDeadline = date("2025-04-15")

            let outcome = try store.importCandidates([changed], actor: tester)

            let after = try store.database.query(
                "SELECT created_at, updated_at FROM candidates WHERE id = \("C-001")"
            )[0]
            #expect(outcome.updatedIDs == ["C-001"])
            #expect(outcome.inserted == 0)
            #expect(outcome.unchanged == 0)
            #expect(try store.candidate(id: "C-001") == changed)
            #expect(try after.string("created_at") == before.string("created_at"))
            #expect(try after.string("updated_at") > before.string("updated_at"))
            let audit = try store.auditLog()
            #expect(audit.count == 2)
            #expect(audit[0].action == .candidateUpdate)
            #expect(audit[0].before?.contains("\"usageName\"") == false)
            #expect(audit[0].after?.contains("\"usageName\":\"Dupont\"") == true)
        }
    }

    @Test("import leaves identical candidate")
    func importLeavesIdentical() throws {
        try withTemporaryStore { store, _ throws in
            _ = try store.importCandidates([makeCandidate("C-001")], actor: tester)
            let updatedAt = try store.database.query("SELECT updated_at FROM candidates")[0]
                .string("updated_at")

            let outcome = try store.importCandidates(
                [makeCandidate("C-001"), makeCandidate("C-002")],
                actor: tester
            )

            #expect(outcome.unchanged == 1)
            #expect(outcome.insertedIDs == ["C-002"])
            #expect(outcome.updatedIDs == [])
            #expect(try store.auditCount(.candidateInsert) == 2)
            #expect(try store.auditCount(.candidateUpdate) == 0)
            let updatedAtNow = try store.database.query(
                "SELECT updated_at FROM candidates WHERE id = \("C-001")"
            )[0].string("updated_at")
            #expect(updatedAtNow == updatedAt)
        }
    }

    @Test("double import changes nothing")
    func doubleImportIdempotent() throws {
        try withTemporaryStore { store, _ throws in
            let candidates = (1...5).map { makeCandidate("C-00\($0)") }
            _ = try store.importCandidates(candidates, actor: tester)

            let second = try store.importCandidates(candidates, actor: tester)

            #expect(second == ImportOutcome(unchanged: 5))
            #expect(try store.auditLog().count == 5)
        }
    }

    @Test("failed import writes nothing")
    func failedImportRollsBack() throws {
        try withTemporaryStore { store, _ throws in
            // The third row breaks the CHECK on extra_time_percent after two rows were written.
            let candidates = [
                makeCandidate("C-001"),
                makeCandidate("C-002"),
                makeCandidate("C-003", extraTimePercent: -10),
            ]

            let error = #expect(throws: StoreError.self) {
                try store.importCandidates(candidates, actor: tester)
            }

            #expect(error?.code == .sqlite)
            #expect(error?.sqliteMessage?.contains("CHECK constraint failed") == true)
            #expect(try store.candidates() == [])
            #expect(try store.auditLog() == [])
        }
    }

    @Test("duplicate ids are rejected")
    func duplicateIDsRejected() throws {
        try withTemporaryStore { store, _ throws in
            let error = #expect(throws: StoreError.self) {
                try store.importCandidates(
                    [makeCandidate("C-001"), makeCandidate("C-001", birthName: "Autre")],
                    actor: tester
                )
            }

            #expect(error?.code == .invalidRequest)
            #expect(error?.message.contains("C-001") == true)
            #expect(try store.candidates() == [])
        }
    }

    @Test("SQL metacharacters stored verbatim")
    func metacharactersStoredVerbatim() throws {
        try withTemporaryStore { store, _ throws in
            let name = "O'Brien\"; DROP TABLE candidates;--"
            var candidate = makeCandidate("C-'1'; --", birthName: name)
            candidate.givenNames = "Robert'); DELETE FROM audit_log; --"
            candidate.usageName = "%_\\?"

            _ = try store.importCandidates([candidate], actor: tester)

            #expect(try store.candidate(id: "C-'1'; --") == candidate)
            #expect(try store.candidates().map(\.birthName) == [name])
            #expect(try store.auditLog().count == 1)
        }
    }

    @Test("empty actor name is rejected")
    func emptyActorRejected() throws {
        try withTemporaryStore { store, _ throws in
            let error = #expect(throws: StoreError.self) {
                try store.importCandidates([makeCandidate("C-001")], actor: StoreActor(name: " "))
            }

            #expect(error?.code == .invalidRequest)
            #expect(try store.candidates() == [])
        }
    }

    @Test("waiting candidates exclude scheduled")
    func waitingExcludesScheduled() throws {
        try withTemporaryStore { store, _ throws in
            _ = try store.importCandidates(
                [makeCandidate("C-001"), makeCandidate("C-002"), makeCandidate("C-003")],
                actor: tester
            )
            let planID = try store.saveDraft(
                makePlan([makeSession("S1", candidates: ["C-002"])]),
                actor: tester
            )
            _ = try store.acceptPlan(id: planID, actor: tester)

            let waiting = try store.waitingCandidates()

            #expect(waiting.map(\.id) == ["C-001", "C-003"])
        }
    }
}

@Suite("Settings")
struct SettingsStoreTests {
    @Test("settings saved before a new key read it as its default")
    func olderSettingsTakeDefaults() throws {
        try withTemporaryStore { store, _ throws in
            try store.database.execute(
                "INSERT INTO settings (id, json) VALUES (1, '{\"sessionTarget\": 15}')"
            )

            let settings = try store.settings()

            #expect(settings.sessionTarget == 15)
            #expect(settings.dayMinimum == Settings().dayMinimum)
        }
    }

    @Test("unreadable settings can be replaced")
    func unreadableSettingsReplaced() throws {
        try withTemporaryStore { store, _ throws in
            try store.database.execute(
                "INSERT INTO settings (id, json) VALUES (1, '{\"sessionTarget\": \"vingt\"}')"
            )
            var settings = Settings()
            settings.dayMinimum = 6

            let readError = #expect(throws: StoreError.self) { try store.settings() }
            let written = try store.saveSettings(settings, actor: tester)

            #expect(readError?.code == .invalidStoredData)
            #expect(written)
            #expect(try store.settings() == settings)
            #expect(try store.auditLog().first?.before == "{\"sessionTarget\": \"vingt\"}")
        }
    }

    @Test("defaults when none saved")
    func defaultsWhenNoneSaved() throws {
        try withTemporaryStore { store, _ throws in
            #expect(try store.settings() == Settings())
            #expect(try store.rowCount("settings") == 0)
        }
    }

    @Test("settings round trip")
    func settingsRoundTrip() throws {
        try withTemporaryStore { store, path throws in
            var settings = Settings()
            settings.sessionTarget = 12
            settings.vaeDelayReading = .endOfMonth
            settings.voluntaryPooling = VoluntaryPoolingPolicy(
                accepted: [TerritoryCode("52"): [TerritoryCode("53"), TerritoryCode("28")]]
            )

            let written = try store.saveSettings(settings, actor: tester)
            try store.close()
            let reopened = try CertifStore(path: path)

            #expect(written)
            #expect(try reopened.settings() == settings)
            let audit = try reopened.auditLog()
            #expect(audit.count == 1)
            #expect(audit[0].action == .settingsUpdate)
            #expect(audit[0].before == (try StoreJSON.encode(Settings())))
            #expect(audit[0].after == (try StoreJSON.encode(settings)))
            try reopened.close()
        }
    }

    @Test("same settings write nothing")
    func sameSettingsWriteNothing() throws {
        try withTemporaryStore { store, _ throws in
            var settings = Settings()
            settings.dayMinimum = 6
            try store.saveSettings(settings, actor: tester)

            let written = try store.saveSettings(settings, actor: tester)

            #expect(!written)
            #expect(try store.auditCount(.settingsUpdate) == 1)
        }
    }
}
