import CertifDomain
import CertifPlanning
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
        guard let code = arguments.value("--diploma") else {
            throw arguments.usage("missing option --diploma CODE")
        }
        guard let diploma = reference.diploma(DiplomaCode(code.uppercased())) else {
            let known = reference.diplomas.map(\.code.rawValue).joined(separator: ", ")
            throw arguments.usage("unknown diploma '\(code)': expected one of \(known)")
        }
        guard let name = arguments.value("--organizer") else {
            throw arguments.usage("missing option --organizer TERRITORY")
        }
        guard let organizer = reference.territory(matching: name) else {
            throw arguments.usage(
                "unknown territory '\(name)': expected an INSEE code such as 52 or a region name"
            )
        }
        guard let list = arguments.value("--dates") else {
            throw arguments.usage("missing option --dates DATES")
        }
        let store = try context.openStore()
        let settings = try store.settings()
        let commissions =
            try arguments.integer("--commissions", range: 1...settings.maxCommissionsPerDay) ?? 1
        let calendar = WorkingCalendar(
            holidays: reference.holidays,
            territories: reference.territories
        )
        var dates: [CivilDate] = []
        for text in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            guard let date = CivilDate(parsing: text) else {
                throw arguments.usage(
                    "invalid date '\(text)' in --dates: expected AAAA-MM-JJ or JJ/MM/AAAA, a day that exists"
                )
            }
            if let holiday = calendar.holidayName(on: date, territory: organizer.code) {
                throw arguments.usage(
                    "\(date.french) is a public holiday at \(organizer.serviceName) (\(holiday)); choose a working day"
                )
            }
            guard !date.isWeekend else {
                throw arguments.usage("\(date.french) is a weekend day; choose a working day")
            }
            dates.append(date)
        }
        dates.sort()
        guard let first = dates.first, let last = dates.last else {
            throw arguments.usage("--dates lists no day")
        }
        let today = try arguments.date("--today") ?? PlanCommand.todayInParis()
        guard first > today else {
            throw arguments.usage(
                "\(first.french) is not after today, \(today.french); record sessions to come"
            )
        }
        guard first.days(until: last) <= settings.sessionSpanDays else {
            throw arguments.usage(
                "the days span \(first.days(until: last) + 1) days, more than session-span-days (\(settings.sessionSpanDays)); record two sessions"
            )
        }
        let fixed = try store.fixedSessions().filter { $0.organizer == organizer.code }
        for date in dates {
            let seated = fixed.flatMap(\.days).filter { $0.date == date }.reduce(0) {
                $0 + $1.commissions
            }
            guard seated + commissions <= settings.maxCommissionsPerDay else {
                throw arguments.usage(
                    "\(organizer.serviceName) already seats \(seated) commission(s) on \(date.french); with \(commissions) more it would pass max-commissions-per-day (\(settings.maxCommissionsPerDay))"
                )
            }
        }
        let id =
            arguments.value("--id")
            ?? "C-\(diploma.code)-\(organizer.code)-\(first.iso.replacingOccurrences(of: "-", with: ""))"
        let session = FixedSession(
            id: id,
            diploma: diploma.code,
            organizer: organizer.code,
            days: dates.map { FixedSession.Day(date: $0, commissions: commissions, candidates: []) }
        )
        try store.addCalendarSession(session, actor: context.actor)
        context.console.print(
            "session \(id) recorded: \(diploma.code) organised by \(organizer.name), \(dates.map(\.french).joined(separator: ", ")), \(commissions) commission(s) a day"
        )
    }
}
