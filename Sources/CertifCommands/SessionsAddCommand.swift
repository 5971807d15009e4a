import CertifDomain
import CertifPlanning
import CertifServices
import CertifStore

/// `certif sessions add`: records a session of a published calendar as a fixed session.
struct SessionsAddCommand: CertifCommand {
    static let spec = CommandSpec(
        name: "sessions add",
        summary: "Record a session of a published calendar; plans fill it first.",
        options: [
            .option("--diploma", "CODE", "Diploma code, DEAF. Required."),
            .option(
                "--organizer",
                "TERRITORY",
                "Organising territory: INSEE code or region name. Required."
            ),
            .option(
                "--dates",
                "DATES",
                "Exam days, comma-separated (AAAA-MM-JJ or JJ/MM/AAAA). Required."
            ),
            .option("--commissions", "N", "Commissions sitting each day (default 1)."),
            .option(
                "--today",
                "DATE",
                "Date from which sessions are to come (default: today in Paris)."
            ),
            .option(
                "--id",
                "ID",
                "Session id (default C-<diploma>-<organizer>-<first day>; P1-… is reserved)."
            ),
            CommandContext.databaseOption,
        ],
        discussion: """
            The four national organisers publish their sessions for the year by 31 January
            (R6). A recorded session has no candidate yet; 'certif plan' fills its free places
            before opening other sessions, and never moves its days.
            """
    )

    func run(_ context: CommandContext) throws {
        let arguments = context.arguments
        let reference = try context.reference()
        guard let diploma = arguments.value("--diploma") else {
            throw arguments.usage("missing option --diploma CODE")
        }
        guard let organizer = arguments.value("--organizer") else {
            throw arguments.usage("missing option --organizer TERRITORY")
        }
        guard let list = arguments.value("--dates") else {
            throw arguments.usage("missing option --dates DATES")
        }

        let store = try context.openStore()
        let settings = try store.settings()
        let commissions =
            try arguments.integer("--commissions", range: 1...settings.maxCommissionsPerDay) ?? 1
        let today = try arguments.date("--today") ?? PlanCommand.todayInParis()
        let request = CalendarSessionRequest(
            diploma: diploma,
            organizer: organizer,
            days: list.split(separator: ",", omittingEmptySubsequences: false).map {
                CalendarSessionRequest.Day(
                    date: $0.trimmingCharacters(in: .whitespaces),
                    commissions: commissions
                )
            }.filter { !$0.date.isEmpty },
            id: arguments.value("--id")
        )

        let session: FixedSession
        switch request.validate(
            reference: reference,
            settings: settings,
            fixedSessions: try store.fixedSessions(),
            today: today
        ) {
        case .success(let valid):
            session = valid
        case .failure(let rejection):
            // Only the first issue is printed, because the others often follow from it.
            throw arguments.usage(rejection.issues.first?.english ?? "invalid session")
        }

        try store.addCalendarSession(session, actor: context.actor)
        let name = reference.territory(session.organizer)?.name ?? session.organizer.rawValue
        context.console.print(
            "session \(session.id) recorded: \(session.diploma) organised by \(name), \(session.days.map(\.date.french).joined(separator: ", ")), \(commissions) commission(s) a day"
        )
    }
}
