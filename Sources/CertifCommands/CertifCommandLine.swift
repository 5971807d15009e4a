import CertifDocuments
import CertifDomain
import CertifStore
import Foundation

/// A failure that is not the user's typing: a file that cannot be read, invalid data, a store
/// error. Printed as "error: …", exit status 65 for bad data (EX_DATAERR) and 1 otherwise.
struct CommandFailure: Error, CustomStringConvertible {
    var message: String
    var status: Int32 = 1

    var description: String { message }

    static func data(_ message: String) -> CommandFailure {
        CommandFailure(message: message, status: 65)
    }
}

/// The `certif` command line: parses the words, runs one command, returns the exit status.
public enum CertifCommandLine {
    static var commands: [any CertifCommand.Type] {
        [
            ImportCommand.self,
            PlanCommand.self,
            PlanAcceptCommand.self,
            PlanListCommand.self,
            GenerateCommand.self,
            ReportCommand.self,
            SettingsCommand.self,
            SessionsCommand.self,
            SessionsAddCommand.self,
            AuditCommand.self,
            ServeCommand.self,
            UsersCommand.self,
            UsersAddCommand.self,
        ]
    }

    public static func run(
        _ arguments: [String],
        environment: [String: String],
        console: Console
    )
        -> Int32
    {
        guard let first = arguments.first else {
            console.error(overview())
            return 64
        }
        if first == "--help" || first == "-h" || first == "help" {
            console.print(overview())
            return 0
        }
        let (type, rest) = resolve(arguments)
        if let type, let word = rest.first, !word.hasPrefix("-"),
            let close = subcommand(near: word, of: type)
        {
            console.error("error: unknown subcommand '\(word)'; did you mean 'certif \(close)'?")
            return 64
        }
        guard let type else {
            console.error("error: unknown command '\(first)'" + suggestion(first))
            console.error("Run 'certif --help' for the list of commands.")
            return 64
        }
        let spec = type.spec
        do {
            let parsed = try ParsedArguments(rest, command: spec)
            if parsed.wantsHelp {
                console.print(spec.helpText())
                return 0
            }
            let context = CommandContext(
                arguments: parsed,
                environment: environment,
                console: console
            )
            try type.init().run(context)
            return 0
        } catch let error as UsageError {
            console.error("error: \(error.message)")
            console.error("Usage: certif \(spec.name)\(spec.usageTail())")
            console.error("Run 'certif \(spec.name) --help' for every option.")
            return 64
        } catch let error as CommandFailure {
            console.error("error: \(error.message)")
            return error.status
        } catch let error as StoreError {
            // The message names the user's own values, which his terminal may show; the
            // description, meant for logs, leaves them out.
            console.error("error: \(error.message)")
            return 1
        } catch let error as ExportError {
            console.error("error: \(error.message)")
            return 1
        } catch {
            console.error("error: \(error)")
            return 1
        }
    }

    /// Finds the command named by the first one or two words ("plan accept" before "plan").
    private static func resolve(_ arguments: [String]) -> ((any CertifCommand.Type)?, [String]) {
        if arguments.count >= 2 {
            let two = arguments[0] + " " + arguments[1]
            if let type = commands.first(where: { $0.spec.name == two }) {
                return (type, Array(arguments.dropFirst(2)))
            }
        }
        let type = commands.first { $0.spec.name == arguments[0] }
        return (type, Array(arguments.dropFirst()))
    }

    /// Returns a two-word command close to `word` when `type` is the one-word command that
    /// takes no positional argument ("plan lst" suggests "plan list").
    private static func subcommand(near word: String, of type: any CertifCommand.Type) -> String? {
        guard type.spec.positionals.isEmpty else { return nil }
        let prefix = type.spec.name + " "
        let siblings = commands.map { $0.spec.name }.filter { $0.hasPrefix(prefix) }
        return siblings.first { distance(String($0.dropFirst(prefix.count)), word) <= 2 }
    }

    private static func suggestion(_ word: String) -> String {
        let names = Set(commands.map { String($0.spec.name.split(separator: " ")[0]) })
        guard let close = names.min(by: { distance($0, word) < distance($1, word) }),
            distance(close, word) <= 3
        else { return "" }
        return "; did you mean '\(close)'?"
    }

    static func overview() -> String {
        var lines = [
            "certif: plans the certification sessions of the social-work state diplomas.",
            "",
            "Usage: certif COMMAND [options]",
            "",
            "Commands:",
        ]
        for type in commands {
            let name = type.spec.name
            lines.append(
                "  " + name + String(repeating: " ", count: max(2, 16 - name.count))
                    + type.spec.summary
            )
        }
        lines += [
            "",
            "The database is certif.sqlite in the working directory unless --database or",
            "CERTIF_DATABASE names another. Run 'certif COMMAND --help' for a command's options.",
        ]
        return lines.joined(separator: "\n")
    }
}

/// One command of the command line.
protocol CertifCommand {
    static var spec: CommandSpec { get }
    init()
    func run(_ context: CommandContext) throws
}

/// What a running command receives: its parsed arguments, the environment and the console.
struct CommandContext {
    var arguments: ParsedArguments
    var environment: [String: String]
    var console: Console

    static let databaseOption = OptionSpec.option(
        "--database",
        "PATH",
        "SQLite database file (default: $CERTIF_DATABASE, else certif.sqlite)."
    )

    /// The database file: --database, else CERTIF_DATABASE when set and not empty, else
    /// certif.sqlite in the working directory.
    var databasePath: String {
        if let path = arguments.value("--database") { return path }
        if let path = environment["CERTIF_DATABASE"], !path.isEmpty { return path }
        return "certif.sqlite"
    }

    /// The actor written in the audit log for this command's changes.
    var actor: StoreActor {
        .commandLine(user: environment["USER"] ?? environment["LOGNAME"] ?? Self.systemUserName())
    }

    /// Returns the name of the account running the command, for shells that set neither USER
    /// nor LOGNAME (cron, CI).
    static func systemUserName() -> String {
        guard let entry = getpwuid(getuid()), let name = entry.pointee.pw_name else {
            return "uid-\(getuid())"
        }
        return String(cString: name)
    }

    /// How a command opens the database.
    enum StoreAccess {
        /// Creates the database when it does not exist (commands that bring data in).
        case create
        /// Needs the database to exist, and may write to it.
        case existing
        /// Needs the database to exist and only reads it, so a read-only file works.
        case readOnly
    }

    func openStore(_ access: StoreAccess = .create) throws -> CertifStore {
        do {
            switch access {
            case .create: return try CertifStore(path: databasePath)
            case .existing:
                return try CertifStore(path: databasePath, readOnly: false, mustExist: true)
            case .readOnly:
                return try CertifStore(path: databasePath, readOnly: true, mustExist: true)
            }
        } catch let error as StoreError {
            throw CommandFailure(message: error.message)
        }
    }

    func reference() throws -> ReferenceData {
        do {
            return try ReferenceData.bundled()
        } catch {
            throw CommandFailure(message: "\(error)")
        }
    }

    func readFile(_ path: String) throws -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CommandFailure(message: "cannot read '\(path)': no such file")
        }
        guard !isDirectory.boolValue else {
            throw CommandFailure(message: "cannot read '\(path)': it is a folder, not a file")
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw CommandFailure(message: "cannot read '\(path)': permission denied")
        }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CommandFailure(message: "cannot read '\(path)': \(error.localizedDescription)")
        }
    }

    /// Writes the file whole, through a temporary file renamed over the target, so that a
    /// failure leaves no half-written file.
    func writeFile(_ path: String, _ data: Data) throws {
        var isDirectory: ObjCBool = false
        if path.hasSuffix("/")
            || (FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
                && isDirectory.boolValue)
        {
            throw CommandFailure(
                message: "cannot write '\(path)': it is a folder; give a file name"
            )
        }
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CommandFailure(message: "cannot write '\(path)': \(error.localizedDescription)")
        }
    }
}
