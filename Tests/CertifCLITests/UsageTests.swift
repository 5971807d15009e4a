import Foundation
import Testing

@Suite struct UsageTests {
    @Test(arguments: [
        "import", "plan", "plan accept", "plan list", "generate", "report", "settings", "sessions",
        "sessions add",
        "audit",
    ])
    func helpListsEveryOption(command: String) throws {
        let harness = try CommandLineHarness()

        let outcome = harness.run(command.split(separator: " ").map(String.init) + ["--help"])

        #expect(outcome.status == 0)
        #expect(outcome.output.contains("Usage: certif \(command)"))
        #expect(outcome.output.contains("--help"))
    }

    @Test func planHelpGivesUnits() throws {
        let harness = try CommandLineHarness()

        let outcome = harness.run(["plan", "--help"])

        #expect(outcome.output.contains("--from DATE"))
        #expect(outcome.output.contains("AAAA-MM-JJ"))
        #expect(outcome.output.contains("--json FILE"))
        #expect(outcome.output.contains("--save"))
    }

    @Test func noCommandIsUsageError() throws {
        let harness = try CommandLineHarness()

        let outcome = harness.run([])

        #expect(outcome.status == 64)
        #expect(outcome.errors.contains("Commands:"))
    }

    @Test func unknownCommandSuggestsClosest() throws {
        let harness = try CommandLineHarness()

        let outcome = harness.run(["imprt", "file.csv"])

        #expect(outcome.status == 64)
        #expect(outcome.errors.contains("unknown command 'imprt'"))
        #expect(outcome.errors.contains("did you mean 'import'?"))
    }

    @Test func unknownOptionQuotesIt() throws {
        let harness = try CommandLineHarness()

        let outcome = harness.run(["plan", "--form", "2025-01-01", "--to", "2025-12-31"])

        #expect(outcome.status == 64)
        #expect(outcome.errors.contains("unknown option '--form'"))
        #expect(outcome.errors.contains("did you mean '--from'?"))
    }

    @Test(arguments: ["31/02/2025", "2025-13-01", "demain"])
    func invalidDateQuotesIt(text: String) throws {
        let harness = try CommandLineHarness()

        let outcome = harness.run(["plan", "--from", text, "--to", "2025-12-31"])

        #expect(outcome.status == 64)
        #expect(outcome.errors.contains("invalid date '\(text)' for --from"))
    }

    @Test func missingValueIsUsageError() throws {
        let harness = try CommandLineHarness()

        let outcome = harness.run(["plan", "--from", "2025-01-01", "--to"])

        #expect(outcome.status == 64)
        #expect(outcome.errors.contains("option '--to' needs a value (DATE)"))
    }

    @Test func reversedPeriodIsRejected() throws {
        let harness = try CommandLineHarness()

        let outcome = harness.run(["plan", "--from", "2025-12-31", "--to", "2025-01-01"])

        #expect(outcome.status == 64)
        #expect(outcome.errors.contains("--from 2025-12-31 is after --to 2025-01-01"))
    }

    @Test func missingFileIsNamed() throws {
        let harness = try CommandLineHarness()

        let outcome = harness.run(["import", harness.path("absent.csv")])

        #expect(outcome.status == 1)
        #expect(outcome.errors.contains("cannot read '\(harness.path("absent.csv"))'"))
    }

    @Test func subcommandTypoSuggestsIt() throws {
        let harness = try CommandLineHarness()

        let outcome = harness.run(["plan", "lst"])

        #expect(outcome.status == 64)
        #expect(outcome.errors.contains("did you mean 'certif plan list'?"))
    }

    @Test func optionGivenTwiceIsRejected() throws {
        let harness = try CommandLineHarness()

        let outcome = harness.run([
            "plan", "--from", "2025-01-01", "--from", "2025-02-01", "--to", "2025-12-31",
        ])

        #expect(outcome.status == 64)
        #expect(outcome.errors.contains("option '--from' is given twice"))
    }

    @Test func negativeNumberIsValue() throws {
        let harness = try CommandLineHarness()

        let outcome = harness.run(["settings", "asp-lead-days", "-1"])

        #expect(outcome.status == 64)
        #expect(outcome.errors.contains("invalid value '-1' for asp-lead-days"))
    }

    @Test func inconsistentDayIsRejected() throws {
        let harness = try CommandLineHarness()

        let outcome = harness.run(["settings", "day-start", "23:00"])

        #expect(outcome.status == 64)
        #expect(outcome.errors.contains("ends after midnight"))
    }

    @Test func unknownPoolingTerritoryIsRejected() throws {
        let harness = try CommandLineHarness()

        let outcome = harness.run(["settings", "pooling", "52:99"])

        #expect(outcome.status == 64)
        #expect(outcome.errors.contains("unknown territory '99'"))
    }

    @Test func folderIsNotAFile() throws {
        let harness = try CommandLineHarness()

        let outcome = harness.run(["import", harness.folder.path])

        #expect(outcome.status == 1)
        #expect(outcome.errors.contains("it is a folder, not a file"))
    }

    @Test func unknownSettingSuggestsClosest() throws {
        let harness = try CommandLineHarness()

        let outcome = harness.run(["settings", "session-targt", "15"])

        #expect(outcome.status == 64)
        #expect(outcome.errors.contains("did you mean 'session-target'?"))
    }
}
