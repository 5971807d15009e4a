import CertifDomain
import CertifHTTP
import CertifServices
import CertifStore

extension WebApplication {
    /// Adds the planning pages: the list of plans with the form that runs the planner, a plan
    /// with its sessions, its month calendar and its acceptance, and the comparison of two
    /// plans.
    func addPlanningRoutes(to routes: inout WebRouter) {
        routes.page("/planification") { context in
            let plans = try await context.services { try $0.plans() }
            return try planListPage(context, plans: plans, form: PlanRunForm(today: context.today))
        }
        routes.action("/planification") { [logger] context, posted in
            let form = PlanRunForm(from: posted.trimmed("du"), to: posted.trimmed("au"))
            let today = context.today
            do {
                let id = try await context.services { services in
                    try services.runPlan(from: form.from, to: form.to, today: today)
                }
                return context.redirect(
                    to: Paths.plan(id),
                    notice: "Le brouillon n° \(id) est enregistré : examinez ses sessions, puis "
                        + "acceptez celles qui conviennent."
                )
            } catch let error as ServiceError where error.code != .notFound {
                logger.debug(
                    "plan run rejected",
                    metadata: [
                        "request.id": .string(context.request.id),
                        "error": .string(error.description),
                    ]
                )
                let plans = try await context.services { try $0.plans() }
                var failed = form
                failed.errors = error.fieldErrors
                failed.message = error.message
                return try planListPage(
                    context,
                    plans: plans,
                    form: failed,
                    status: error.code == .invalid ? .unprocessableContent : .conflict
                )
            }
        }
        routes.page("/planification/plans/:id") { context in
            let id = try planID(context)
            var filters = QueryFilters(context.request.query)
            let diploma = filters.diploma("diplome", reference: context.reference)
            let organizer = filters.territory("organisateur", reference: context.reference)
            if organizer != nil && diploma == nil && filters.errors["diplome"] == nil {
                filters.addError(
                    "Choisissez aussi un diplôme : les sessions s’affichent par diplôme.",
                    for: "diplome"
                )
            }
            let scope: PlanScope =
                diploma.map { .diploma($0, organizer: organizer) } ?? .overview
            let view = try await context.services { try $0.plan(id: id, scope: scope) }
            switch scope {
            case .overview:
                return try planOverviewPage(
                    context,
                    view: view,
                    filterErrors: filters.errors,
                    status: filters.errors.isEmpty ? .ok : .badRequest
                )
            case .diploma:
                return try planDiplomaPage(context, view: view, filters: filters)
            }
        }
        routes.action("/planification/plans/:id/accepter") { [logger] context, posted in
            let id = try planID(context)
            let sessionIDs: [String]? = posted["portee"] == "tout" ? nil : posted.all("sessions")
            do {
                let accepted = try await context.services { services in
                    try services.acceptPlan(id: id, sessionIDs: sessionIDs)
                }
                return context.redirect(
                    to: "/sessions",
                    notice: "Plan n° \(id) accepté : "
                        + French.count(accepted.count, "session fixée", "sessions fixées")
                        + ". Les candidats que le plan n’a pas retenus attendent le prochain plan."
                )
            } catch let error as ServiceError where error.code != .notFound {
                // A rejection by the store (a candidate changed since the plan) is worth a line,
                // because the service that asked will plan again.
                logger.notice(
                    "plan acceptance rejected",
                    metadata: [
                        "request.id": .string(context.request.id),
                        "plan.id": .string(String(id)),
                        "error": .string(error.description),
                    ]
                )
                let view = try await context.services { try $0.plan(id: id) }
                return try planOverviewPage(
                    context,
                    view: view,
                    acceptance: AcceptanceOutcome(
                        message: error.message,
                        fieldError: error.fieldErrors["sessions"],
                        checked: Set(sessionIDs ?? [])
                    ),
                    status: error.code == .invalid ? .unprocessableContent : .conflict
                )
            }
        }
        routes.page("/planification/plans/:id/calendrier") { context in
            let id = try planID(context)
            var filters = QueryFilters(context.request.query)
            let month = filters.month("mois")
            let view = try await context.services { try $0.plan(id: id) }
            return try planCalendarPage(context, view: view, month: month, filters: filters)
        }
        routes.page("/planification/comparer") { context in
            var filters = QueryFilters(context.request.query)
            let first = filters.planNumber("a")
            let second = filters.planNumber("b")
            let plans = try await context.services { try $0.plans() }
            let known = Set(plans.map(\.id))
            for (name, number) in [("a", first), ("b", second)] {
                if let number, !known.contains(number) {
                    filters.addError(
                        "Aucun plan ne porte le numéro \(number) : choisissez-en un dans la liste.",
                        for: name
                    )
                }
            }
            if let first, first == second {
                filters.addError("Choisissez deux plans différents.", for: "b")
            }
            var comparison: PlanComparison?
            if filters.errors.isEmpty, let first, let second {
                comparison = try await context.services { try $0.comparePlans(first, second) }
            }
            return try planComparisonPage(
                context,
                plans: plans,
                filters: filters,
                comparison: comparison
            )
        }
    }
}

/// Returns the plan number of the path, a whole number from 1. Anything else is a page that
/// does not exist.
private func planID(_ context: WebContext) throws -> Int {
    guard let text = context.request.pathParameters["id"],
        text.utf8.allSatisfy({ (48...57).contains($0) }), let id = Int(text), id > 0
    else {
        throw ServiceError.notFound
    }
    return id
}
