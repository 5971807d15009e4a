import CertifDomain
import CertifPlanning
import CertifStore
import Foundation

/// `certif report`: the figures of a plan per diploma, beside the published 2024 figures and
/// today's monthly practice on the same candidates.
struct ReportCommand: CertifCommand {
    static let spec = CommandSpec(
        name: "report",
        summary: "Compare a plan with the 2024 figures and with today's monthly practice.",
        options: [
            .option("--plan", "ID", "Stored plan to report on (default: the latest)."),
            .option("--json", "FILE", "Plan file to report on, instead of a stored plan."),
            CommandContext.databaseOption,
        ],
        discussion: """
            For each diploma: sessions, commission sittings (the instruction's "juries"),
            candidates, candidates per session and per day (min-max), examiner-days, pooled and
            remote candidates, mean and longest wait in days, and deadlines missed. The 2024
            rows are the VAE figures published with the instruction; the "pratique mensuelle"
            rows plan the same candidates the way services work today, each territory alone,
            one session a month; "borne" is the fewest commission sittings any plan could use.
            """
    )

    func run(_ context: CommandContext) throws {
        let store = try context.openStore(.readOnly)
        let reference = try store.effectiveReference(bundled: try context.reference())
        let plan = try loadPlan(context, store: store)
        let candidates = try store.candidates()
        // Both sides count the same people: the candidates that the plan places. Those it leaves
        // for a later period are left out of the comparison, and the report says how many.
        let ids = Set(plan.sessions.flatMap(\.days).flatMap(\.candidates).map(\.id))
        let planned = candidates.filter { ids.contains($0.id) }
        let problem = PlanningProblem(
            today: plan.today,
            from: plan.from,
            to: plan.to,
            candidates: planned,
            settings: plan.settings,
            reference: reference,
            calendar: WorkingCalendar(
                holidays: reference.holidays,
                territories: reference.territories
            )
        )
        let figures = PlanFigures.byDiploma(plan, candidates: candidates, reference: reference)
        let practice = PracticeBaseline.figures(problem)
        let bounds = SittingLowerBound.compute(problem, plannedIDs: ids)
        let table = ReportTable(
            plan: figures,
            practice: practice,
            published: reference.publishedFigures,
            bounds: bounds,
            routes: Set(planned.map(\.route)),
            leftOut: plan.unplanned.count
        )
        context.console.print(
            "Plan du \(plan.from.french) au \(plan.to.french), établi le \(plan.today.french)"
        )
        context.console.print(table.render())
        context.console.print(table.conclusion())
    }

    private func loadPlan(_ context: CommandContext, store: CertifStore) throws -> Plan {
        if let path = context.arguments.value("--json") {
            return try PlanFile.decode(try context.readFile(path), path: path)
        }
        if let text = context.arguments.value("--plan") {
            guard let id = Int(text), id > 0 else {
                throw context.arguments.usage(
                    "invalid plan id '\(text)': expected a positive whole number, as listed by 'certif plan list'"
                )
            }
            guard let stored = try store.plan(id: id) else {
                throw CommandFailure(
                    message: "plan \(id) not found; 'certif plan list' lists the stored plans"
                )
            }
            return stored.plan
        }
        guard let latest = try store.plans().max(by: { $0.id < $1.id }),
            let stored = try store.plan(id: latest.id)
        else {
            throw CommandFailure(
                message:
                    "no plan stored in '\(context.databasePath)'; run 'certif plan --from DATE --to DATE --save' first, or give --json FILE"
            )
        }
        return stored.plan
    }
}
