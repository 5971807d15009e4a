import CertifPlanning
import CertifStore
import Foundation
import Testing

@Suite struct CalendarSessionTests {
    @Test func publishedSessionIsFilledFirst() throws {
        let harness = try CommandLineHarness()
        _ = harness.run(["import", CommandLineHarness.example("candidats-vae-2024.csv")])

        let added = harness.run([
            "sessions", "add", "--diploma", "DEAF", "--organizer", "Pays de la Loire",
            "--dates", "2025-03-20", "--commissions", "2", "--today", "2024-12-02",
        ])
        _ = harness.run([
            "plan", "--from", "2025-01-01", "--to", "2026-03-31", "--today", "2024-12-02",
            "--json", harness.path("plan.json"),
        ])
        let data = try Data(contentsOf: URL(fileURLWithPath: harness.path("plan.json")))
        let plan = try JSONDecoder().decode(Plan.self, from: data)
        let published = try #require(plan.sessions.first { $0.id == "C-DEAF-52-20250320" })

        #expect(added.status == 0)
        #expect(added.output.contains("session C-DEAF-52-20250320 recorded"))
        #expect(published.fixed)
        #expect(published.days.map(\.date.iso) == ["2025-03-20"])
        #expect(published.days.first?.commissions == 2)
        #expect(published.candidateCount > 0)
    }

    @Test func holidayIsRejectedByName() throws {
        let harness = try CommandLineHarness()

        let outcome = harness.run([
            "sessions", "add", "--diploma", "DEAF", "--organizer", "44", "--dates", "2025-12-26",
            "--today", "2024-12-02",
        ])
        let store = try CertifStore(path: harness.database)

        #expect(outcome.status == 64)
        #expect(outcome.errors.contains("Saint-Étienne"))
        #expect(try store.fixedSessions().isEmpty)
    }

    @Test func duplicateSessionIdIsRejected() throws {
        let harness = try CommandLineHarness()
        let words = [
            "sessions", "add", "--diploma", "DEMF", "--organizer", "75", "--dates", "2025-06-10",
            "--today", "2024-12-02",
        ]

        let first = harness.run(words)
        let second = harness.run(words)

        #expect(first.status == 0)
        #expect(second.status == 1)
        #expect(second.errors.contains("already has id C-DEMF-75-20250610"))
    }

    @Test func pastDayIsRejected() throws {
        let harness = try CommandLineHarness()

        let outcome = harness.run([
            "sessions", "add", "--diploma", "DEMF", "--organizer", "75", "--dates", "2025-06-10",
            "--today", "2025-07-01",
        ])

        #expect(outcome.status == 64)
        #expect(outcome.errors.contains("10/06/2025 is not after today, 01/07/2025"))
    }

    @Test func commissionLimitCountsOtherSessions() throws {
        let harness = try CommandLineHarness()
        let common = ["--organizer", "52", "--dates", "2025-03-04", "--today", "2024-12-02"]

        let first = harness.run(
            ["sessions", "add", "--diploma", "DEAF", "--commissions", "3"] + common
        )
        let second = harness.run(
            ["sessions", "add", "--diploma", "DEMF", "--commissions", "2"] + common
        )

        #expect(first.status == 0)
        #expect(second.status == 64)
        #expect(second.errors.contains("already seats 3 commission(s) on 04/03/2025"))
    }

    @Test func unknownDiplomaListsKnownOnes() throws {
        let harness = try CommandLineHarness()

        let outcome = harness.run([
            "sessions", "add", "--diploma", "DEXX", "--organizer", "75", "--dates", "2025-06-10",
        ])

        #expect(outcome.status == 64)
        #expect(outcome.errors.contains("unknown diploma 'DEXX'"))
        #expect(outcome.errors.contains("DEAF"))
    }
}
