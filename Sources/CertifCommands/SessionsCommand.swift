import CertifDomain
import CertifStore

/// `certif sessions [release ID]`: lists the fixed sessions, or releases one.
struct SessionsCommand: CertifCommand {
    static let spec = CommandSpec(
        name: "sessions",
        summary:
            "List the fixed sessions, or release one: certif sessions release ID (see also sessions add).",
        positionals: ["[release", "ID]"],
        options: [CommandContext.databaseOption]
    )

    func run(_ context: CommandContext) throws {
        let arguments = context.arguments
        let store = try context.openStore(
            arguments.positionals.first == "release" ? .existing : .readOnly
        )
        if arguments.positionals.first == "release" {
            guard arguments.positionals.count == 2 else {
                throw arguments.usage("missing session ID after 'release'")
            }
            let id = arguments.positionals[1]
            try store.releaseSession(id: id, actor: context.actor)
            context.console.print("session \(id) released; its candidates wait for the next plan")
            return
        }
        if let word = arguments.positionals.first {
            throw arguments.usage(
                "unknown action '\(word)': expected 'release ID', 'add' (see 'certif sessions add --help') or nothing"
            )
        }
        let sessions = try store.fixedSessions()
        if sessions.isEmpty {
            context.console.print("no fixed session; accept a plan with 'certif plan accept ID'")
            return
        }
        for session in sessions {
            let candidates = session.days.reduce(0) { $0 + $1.candidates.count }
            let dates = session.days.map(\.date.french).joined(separator: ", ")
            context.console.print(
                "\(session.id)  \(session.diploma)  organiser \(session.organizer)  \(candidates) candidate(s)  \(dates)"
            )
        }
    }
}
