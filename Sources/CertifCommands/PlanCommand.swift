import CertifDocuments
import CertifDomain
import CertifPlanning
import CertifServices
import CertifStore
import Foundation

/// `certif plan`: plans the candidates waiting for a session over a period.
struct PlanCommand: CertifCommand {
    static let spec = CommandSpec(
        name: "plan",
        summary: "Plan the waiting candidates over a period and explain every choice.",
        options: [
            .option(
                "--from",
                "DATE",
                "First day of the period (AAAA-MM-JJ or JJ/MM/AAAA). Required."
            ),
            .option("--to", "DATE", "Last day of the period. Required."),
            .option(
                "--today",
                "DATE",
                "Plan date, from which R7 counts its 45 days (default: today in Paris)."
            ),
            .option(
                "--json",
                "FILE",
                "Write the plan file (format certif-plan/1, docs/plan-file.md)."
            ),
            .option("--csv", "FILE", "Write one row per candidate, in French, for Excel."),
            .option("--xlsx", "FILE", "Write the same rows as an Excel workbook."),
            .flag("--save", "Store the plan as a draft; accept it with 'certif plan accept ID'."),
            .flag("--details", "Print every candidate with the reasons for his place."),
            CommandContext.databaseOption,
        ],
        discussion: """
            Candidates already in a fixed session are not planned again; fixed sessions keep
            their days and are filled first. The settings are read from the database
            ('certif settings'), and so is the national pooling scheme once an administrator
            changed it in the web application.
            """
    )

    func run(_ context: CommandContext) throws {
        let arguments = context.arguments
        let from = try arguments.requiredDate("--from")
        let to = try arguments.requiredDate("--to")
        let period = PlanPeriod(from: from, to: to)
        switch period.issue {
        case .fromAfterTo:
            throw arguments.usage("--from \(from.iso) is after --to \(to.iso); expected from <= to")
        case .tooLong:
            throw arguments.usage(
                "the period \(from.iso) to \(to.iso) is longer than three years; plan a shorter one"
            )
        case nil:
            break
        }
        let today = try arguments.date("--today") ?? Self.todayInParis()
        try Self.checkDistinctOutputs(arguments)
        let store = try context.openStore(arguments.flag("--save") ? .existing : .readOnly)
        let problem = try PlanningProblem.waitingCandidates(
            in: store,
            bundledReference: try context.reference(),
            today: today,
            period: period
        )
        // The reference data with the national pooling scheme as the administrators changed
        // it on the Référentiel page, which every plan applies.
        let reference = problem.reference
        if problem.candidates.isEmpty && problem.fixedSessions.isEmpty {
            context.console.error(
                "warning: no candidate is waiting in '\(context.databasePath)'; import a candidate file first (certif import FILE)"
            )
        }
        if to < today {
            context.console.error(
                "warning: the period ends on \(to.iso), before the plan date \(today.iso); no exam can be planned in it"
            )
        }
        let plan = Planner.plan(problem)
        if let path = arguments.value("--json") {
            try context.writeFile(path, try PlanFile.encode(plan))
            context.console.print("plan file written: \(path)")
        }
        try Self.writeTables(of: plan, store: store, reference: reference, context: context)
        if arguments.flag("--save") {
            let id = try store.saveDraft(plan, actor: context.actor)
            context.console.print(
                "draft plan \(id) saved; accept it with: certif plan accept \(id)"
            )
        }
        let printer = PlanPrinter(plan: plan, reference: reference, console: context.console)
        printer.printSummary()
        printer.printSessions(details: arguments.flag("--details"))
        printer.printUnplanned()
    }

    /// Writes the plan's rows to the files that --csv and --xlsx name, if any.
    private static func writeTables(
        of plan: Plan,
        store: CertifStore,
        reference: ReferenceData,
        context: CommandContext
    ) throws {
        let csvPath = context.arguments.value("--csv")
        let xlsxPath = context.arguments.value("--xlsx")
        guard csvPath != nil || xlsxPath != nil else { return }
        let table = try ExportTable.plan(
            plan,
            candidates: try store.candidates(),
            reference: reference
        )
        if let path = csvPath {
            try context.writeFile(path, FrenchCSV.encode(table))
            context.console.print("CSV written: \(path)")
        }
        if let path = xlsxPath {
            try context.writeFile(path, try XLSXEncoder.encode(table))
            context.console.print("workbook written: \(path)")
        }
    }

    /// Throws a usage error when two of --json, --csv and --xlsx name the same file, which
    /// the second write would replace.
    static func checkDistinctOutputs(_ arguments: ParsedArguments) throws {
        let outputs = ["--json", "--csv", "--xlsx"].compactMap { option in
            arguments.value(option).map { (option, $0) }
        }
        for (index, (option, path)) in outputs.enumerated() {
            if let other = outputs[(index + 1)...].first(where: { $0.1 == path }) {
                throw arguments.usage(
                    "\(option) and \(other.0) name the same file '\(path)'; give two files"
                )
            }
        }
    }

    /// Returns the civil date now in Paris, where the national services work.
    static func todayInParis() -> CivilDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone =
            TimeZone(identifier: "Europe/Paris") ?? TimeZone(secondsFromGMT: 3_600) ?? .current
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return CivilDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
            ?? CivilDate(daysSinceEpoch: 0)
    }
}

/// `certif plan accept ID`: turns a draft's sessions into fixed sessions.
struct PlanAcceptCommand: CertifCommand {
    static let spec = CommandSpec(
        name: "plan accept",
        summary: "Turn the sessions of a draft plan into fixed sessions.",
        positionals: ["ID"],
        options: [
            .option("--sessions", "IDS", "Comma-separated session ids to accept (default: all)."),
            CommandContext.databaseOption,
        ]
    )

    func run(_ context: CommandContext) throws {
        let text = try context.arguments.positional(0)
        guard let id = Int(text), id > 0 else {
            throw context.arguments.usage(
                "invalid plan id '\(text)': expected a positive whole number, as listed by 'certif plan list'"
            )
        }
        let sessionIDs = context.arguments.value("--sessions").map {
            $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
                !$0.isEmpty
            }
        }
        if let sessionIDs {
            guard !sessionIDs.isEmpty else {
                throw context.arguments.usage(
                    "--sessions lists no session; give session ids separated by commas"
                )
            }
            if let twice = sessionIDs.first(where: { id in sessionIDs.filter { $0 == id }.count > 1
            }) {
                throw context.arguments.usage("--sessions names \(twice) twice; name it once")
            }
        }
        let store = try context.openStore(.existing)
        let accepted = try store.acceptPlan(id: id, sessionIDs: sessionIDs, actor: context.actor)
        context.console.print(
            "plan \(id) accepted: \(accepted.count) fixed session\(accepted.count == 1 ? "" : "s")"
        )
        for session in accepted { context.console.print("  \(session)") }
    }
}

/// `certif plan list`: the stored plans.
struct PlanListCommand: CertifCommand {
    static let spec = CommandSpec(
        name: "plan list",
        summary: "List the stored plans, drafts and accepted.",
        options: [CommandContext.databaseOption]
    )

    func run(_ context: CommandContext) throws {
        let plans = try context.openStore(.readOnly).plans()
        if plans.isEmpty {
            context.console.print(
                "no plan stored; create one with 'certif plan --from DATE --to DATE --save'"
            )
            return
        }
        context.console.print("id  status    period                    plan date   sessions  by")
        for plan in plans {
            let status = plan.status.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)
            context.console.print(
                "\(String(plan.id).padding(toLength: 3, withPad: " ", startingAt: 0)) \(status) \(plan.from.iso) to \(plan.to.iso)  \(plan.today.iso)  \(String(plan.sessionCount).padding(toLength: 8, withPad: " ", startingAt: 0))  \(plan.createdBy)"
            )
        }
    }
}
