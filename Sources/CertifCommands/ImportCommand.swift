import CertifDomain
import CertifImport
import CertifStore

/// `certif import FILE`: checks the whole candidate file, then loads or updates it in one
/// transaction.
struct ImportCommand: CertifCommand {
    /// Returns the value found, quoted for a terminal: control and format characters shown as
    /// their code, at most 80 characters.
    static func shown(_ issue: CandidateFileIssue) -> String {
        guard let value = issue.visibleValue(maxLength: 80) else { return "" }
        return " (valeur : « \(value) »)"
    }

    static let spec = CommandSpec(
        name: "import",
        summary: "Load or update candidates from a candidate file (CSV).",
        positionals: ["FILE"],
        options: [
            CommandContext.databaseOption,
            .flag(
                "--skip-invalid",
                "Import the valid rows and list the others (default: import nothing on error)."
            ),
        ],
        discussion: """
            The file is checked whole first and every error is listed with its line, column and
            value. A file with errors imports nothing unless --skip-invalid is given. Importing
            the same file twice changes nothing; a changed row updates its candidate. The format
            is described in docs/candidate-file.md.
            """
    )

    /// Warns about identifiers that differ from a stored one only by case, spaces or width
    /// ("ID1" and "id 1"), which are probably the same person imported twice.
    private func warnNearDuplicates(
        _ identifiers: [String],
        store: CertifStore,
        console: Console
    ) throws {
        var stored: [String: String] = [:]
        for candidate in try store.candidates() {
            stored[CandidateFileReader.identifierKey(candidate.id)] = candidate.id
        }
        for identifier in identifiers {
            if let existing = stored[CandidateFileReader.identifierKey(identifier)],
                existing != identifier
            {
                console.error(
                    "warning: identifier \(identifier) differs from the stored \(existing) only by case, spaces or width; check that they are two people"
                )
            }
        }
    }

    func run(_ context: CommandContext) throws {
        let path = try context.arguments.positional(0)
        let data = try context.readFile(path)
        let result = CandidateFileReader.read(data, reference: try context.reference())
        let console = context.console
        for issue in result.issues {
            console.error("\(path): \(issue)" + Self.shown(issue))
        }
        let skip = context.arguments.flag("--skip-invalid")
        let fileWide = result.issues.contains { $0.line <= 1 }
        if !result.issues.isEmpty && (!skip || fileWide) {
            let count = result.issues.count
            throw CommandFailure.data(
                "nothing imported: \(count) error(s) in \(path)"
                    + (fileWide
                        ? "; the file cannot be read as a candidate file"
                        : "; fix them, or import the valid rows with --skip-invalid")
            )
        }
        let store = try context.openStore()
        try warnNearDuplicates(
            result.candidates.map(\.candidate.id),
            store: store,
            console: console
        )
        let outcome = try store.importCandidates(
            result.candidates.map(\.candidate),
            actor: context.actor
        )
        console.print(
            "\(path): \(result.rowCount) row(s) read (\(result.encoding)), \(outcome.inserted) inserted, \(outcome.updated) updated, \(outcome.unchanged) unchanged"
                + (result.invalidLines.isEmpty
                    ? "" : ", \(result.invalidLines.count) invalid row(s) skipped")
        )
        if !result.ignoredColumns.isEmpty {
            console.print("ignored columns: " + result.ignoredColumns.joined(separator: ", "))
        }
    }
}
