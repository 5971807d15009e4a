import CertifDomain
import CertifPlanning
import CertifStore
import Testing

// This file imports CertifStore without @testable, so it compiles only while the calls below
// stay public, as the command line needs them.

@Suite("Public API")
struct PublicAPITests {
    @Test("fixed session of a candidate")
    func fixedSessionOfCandidate() throws {
        try withTemporaryStore { store, _ throws in
            _ = try store.importCandidates(
                [makeCandidate("C-001"), makeCandidate("C-002")],
                actor: tester
            )
            let planID = try store.saveDraft(
                makePlan([makeSession("S1", candidates: ["C-001"])]),
                actor: tester
            )
            _ = try store.acceptPlan(id: planID, actor: tester)

            #expect(try store.fixedSessionID(containing: "C-001") == "P\(planID)-S1")
            #expect(try store.fixedSessionID(containing: "C-002") == nil)
            #expect(try store.fixedSessionID(containing: "C-404") == nil)
        }
    }

    @Test("opening options")
    func openingOptions() throws {
        try withTemporaryStore { store, path throws in
            _ = try store.importCandidates([makeCandidate("C-001")], actor: tester)

            let reader = try CertifStore(path: path, readOnly: true)
            let writer = try CertifStore(
                path: path,
                readOnly: false,
                mustExist: true,
                now: { .now }
            )

            #expect(CertifStore.exists(path: path))
            #expect(try reader.candidates().count == 1)
            #expect(try writer.candidates().count == 1)
            #expect(StoreActor.maxNameLength == 64)
            #expect(CertifStore.maxCalendarSessionIDLength == 64)
            try reader.close()
            try writer.close()
        }
    }
}
