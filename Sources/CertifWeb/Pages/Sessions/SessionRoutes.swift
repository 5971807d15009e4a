import CertifDomain
import CertifHTTP
import CertifServices

extension WebApplication {
    /// Adds the sessions pages: the list of fixed sessions with its filters, a session with its
    /// days and candidates, its release, and the form that fixes a session of a published
    /// calendar.
    func addSessionRoutes(to routes: inout WebRouter) {
        routes.page("/sessions") { context in
            var filters = QueryFilters(context.request.query)
            let filter = SessionFilter(
                diploma: filters.diploma("diplome", reference: context.reference),
                organizer: filters.territory("organisateur", reference: context.reference),
                timing: filters.choice("periode", sessionTimings, default: .upcoming)
            )
            let today = context.today
            let (sessions, mayFix) = try await context.services { services in
                (try services.sessions(filter, today: today), !services.fixableOrganizers.isEmpty)
            }
            return try sessionListPage(
                context,
                sessions: sessions,
                filters: filters,
                mayFix: mayFix
            )
        }
        routes.page("/sessions/nouvelle") { context in
            let choices = try await sessionFormChoices(context)
            return try sessionFormPage(
                context,
                form: SessionForm(choices: choices),
                choices: choices
            )
        }
        routes.action("/sessions/nouvelle") { context, posted in
            let choices = try await sessionFormChoices(context)
            var form = SessionForm(posted: posted)
            if posted["etape"] == "ajouter" {
                form.addDay()
                return try sessionFormPage(context, form: form, choices: choices)
            }
            let request = form.request
            let today = context.today
            do {
                let id = try await context.services { services in
                    try services.fixSession(request, today: today)
                }
                return context.redirect(
                    to: Paths.session(id),
                    notice: "La session \(id) est fixée : le prochain plan la remplira en "
                        + "premier, sans déplacer ses jours."
                )
            } catch let error as ServiceError where error.code == .invalid {
                form.errors = error.fieldErrors
                return try sessionFormPage(
                    context,
                    form: form,
                    choices: choices,
                    status: .unprocessableContent
                )
            }
        }
        routes.page("/sessions/:id") { context in
            let id = context.request.pathParameters["id"] ?? ""
            let today = context.today
            let session = try await context.services { try $0.session(id: id, today: today) }
            return try sessionPage(context, session: session)
        }
        routes.page("/sessions/:id/liberer") { context in
            let id = context.request.pathParameters["id"] ?? ""
            let today = context.today
            let session = try await context.services { try $0.session(id: id, today: today) }
            guard session.mayRelease else {
                throw ServiceError.notFound
            }
            return try releasePage(context, session: session)
        }
        routes.action("/sessions/:id/liberer") { context, _ in
            let id = context.request.pathParameters["id"] ?? ""
            let today = context.today
            let released = try await context.services { services in
                let session = try services.session(id: id, today: today)
                try services.releaseSession(id: id)
                return session
            }
            return context.redirect(
                to: "/sessions",
                notice: "La session \(id) est libérée : "
                    + French.count(released.candidateCount, "candidat")
                    + (released.candidateCount > 1 ? " attendent" : " attend")
                    + " de nouveau le prochain plan."
            )
        }
    }
}

/// The values of the `periode` filter.
let sessionTimings: [String: SessionFilter.Timing] = [
    "a-venir": .upcoming,
    "passees": .past,
    "toutes": .all,
]

private func sessionFormChoices(_ context: WebContext) async throws -> FixSessionChoices {
    try await context.services { try $0.fixSessionChoices() }
}
