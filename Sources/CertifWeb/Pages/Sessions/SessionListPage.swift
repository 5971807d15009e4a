import CertifDomain
import CertifHTML
import CertifHTTP
import CertifServices

func sessionListPage(
    _ context: WebContext,
    sessions: [SessionView],
    filters: QueryFilters,
    mayFix: Bool
) throws -> HTTPResponse {
    let reference = context.reference
    let diplomaOptions = reference.diplomas.map {
        SelectOption(value: $0.code.rawValue, label: PlanningText.diploma($0.code, reference))
    }
    let organizerOptions = reference.territories.sorted { $0.serviceName < $1.serviceName }.map {
        SelectOption(value: $0.code.rawValue, label: $0.serviceName)
    }
    let timingOptions = [
        SelectOption(value: "a-venir", label: "À venir (dernier jour pas encore passé)"),
        SelectOption(value: "passees", label: "Passées"),
        SelectOption(value: "toutes", label: "Toutes"),
    ]
    let timing = filters.errors["periode"] == nil ? filters.text("periode") : ""
    return try context.page(
        title: "Sessions",
        status: filters.errors.isEmpty ? .ok : .badRequest
    ) {
        h1 { "Sessions" }
        p(.class("fr-text--lead")) {
            "Les sessions fixées : acceptées d’un plan, ou enregistrées d’un calendrier publié."
            if case .regionalOfficer = context.account.role {
                " Vous voyez celles que votre service organise et celles qui comptent vos "
                    + "candidats."
            }
        }
        if mayFix {
            p { a(href: "/sessions/nouvelle", .class("fr-btn")) { "Fixer une session" } }
        }
        form(action: "/sessions", method: .get, .class("fr-mb-4w")) {
            fieldset(.class("fr-fieldset")) {
                legend(.class("fr-fieldset__legend")) { "Filtrer les sessions" }
                div(.class("fr-fieldset__element")) {
                    selectField(
                        FormField(
                            name: "diplome",
                            label: "Diplôme",
                            value: filters.text("diplome").uppercased(),
                            error: filters.errors["diplome"]
                        ),
                        options: diplomaOptions,
                        placeholder: "Tous les diplômes"
                    )
                }
                div(.class("fr-fieldset__element")) {
                    selectField(
                        FormField(
                            name: "organisateur",
                            label: "Service organisateur",
                            value: filters.text("organisateur"),
                            error: filters.errors["organisateur"]
                        ),
                        options: organizerOptions,
                        placeholder: "Tous les services"
                    )
                }
                div(.class("fr-fieldset__element")) {
                    selectField(
                        FormField(
                            name: "periode",
                            label: "Période",
                            value: timing.isEmpty ? "a-venir" : timing,
                            error: filters.errors["periode"]
                        ),
                        options: timingOptions,
                        placeholder: nil
                    )
                }
                div(.class("fr-fieldset__element")) {
                    button(type: .submit, .class("fr-btn", "fr-btn--secondary")) { "Filtrer" }
                }
            }
        }
        p { strong { French.count(sessions.count, "session") } }
        if sessions.isEmpty {
            p { "Aucune session ne répond à ces critères." }
        } else {
            dataTable(caption: "Sessions fixées, de la plus proche à la plus lointaine") {
                thead {
                    tr {
                        th(scope: .col) { "Session" }
                        th(scope: .col) { "Diplôme" }
                        th(scope: .col) { "Organisateur" }
                        th(scope: .col) { "Jours" }
                        th(scope: .col) { "Commissions" }
                        th(scope: .col) { "Candidats" }
                        th(scope: .col) { "Origine" }
                    }
                }
                tbody {
                    for session in sessions {
                        tr {
                            th(scope: .row) {
                                a(href: Paths.session(session.id)) { session.id }
                                if !session.isUpcoming {
                                    " "
                                    span(.class("fr-badge", "fr-badge--sm")) { "passée" }
                                }
                            }
                            td { session.diploma.rawValue }
                            td { PlanningText.service(session.organizer, reference) }
                            td { session.days.map(\.date.french).joined(separator: ", ") }
                            td { String(session.days.reduce(0) { $0 + $1.commissions }) }
                            td { String(session.candidateCount) }
                            td { origin(session) }
                        }
                    }
                }
            }
        }
    }
}

/// "Plan n° 3", linked, or "Calendrier publié".
func origin(_ session: SessionView) -> Node {
    guard let planID = session.planID else {
        return .text("Calendrier publié")
    }
    return a(href: Paths.plan(planID)) { "Plan n° \(planID)" }
}
