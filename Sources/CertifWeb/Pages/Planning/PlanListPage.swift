import CertifAuth
import CertifDomain
import CertifHTML
import CertifHTTP
import CertifServices
import CertifStore

/// The form that runs the planner: the period as typed, and what the service refused.
struct PlanRunForm {
    var from: String
    var to: String
    var errors: [String: String] = [:]
    /// The service's message when it refused the request.
    var message: String?

    init(from: String, to: String) {
        self.from = from
        self.to = to
    }

    /// Creates the form of a first visit, which proposes the period from the first day of next
    /// month to the end of the fifteenth month, the span of the demonstration's plan.
    init(today: CivilDate) {
        let next = today.adding(months: 1)
        let first = CivilDate(year: next.year, month: next.month, day: 1) ?? next
        self.init(from: first.french, to: first.adding(months: 14).endOfMonth.french)
    }
}

func planListPage(
    _ context: WebContext,
    plans: [StoredPlanSummary],
    form: PlanRunForm,
    status: HTTPStatus = .ok
) throws -> HTTPResponse {
    let runForm = try planRunForm(context, form: form)
    return try context.page(title: "Planification", status: status) {
        h1 { "Planification" }
        p(.class("fr-text--lead")) {
            "Lancez le planificateur sur une période, examinez le brouillon obtenu, puis "
                + "acceptez tout ou partie de ses sessions."
        }
        if case .regionalOfficer = context.account.role {
            nationalScopeNotice()
        }
        section(.class("fr-mb-6w")) {
            h2 { "Lancer une planification" }
            runForm
        }
        section(.class("fr-mb-6w")) {
            h2 { "Plans enregistrés" }
            planTable(plans)
            if plans.count >= 2 {
                comparisonForm(plans: plans, first: plans[1].id, second: plans[0].id)
            }
        }
    }
}

/// Builds the notice that tells a regional officer that a plan covers the whole country, and
/// what a plan shows him.
func nationalScopeNotice() -> Node {
    div(.class("fr-alert", "fr-alert--info", "fr-alert--sm", "fr-mb-4w")) {
        p {
            "La planification est nationale : la mutualisation traverse les régions, donc chaque "
                + "plan place tous les candidats en attente du pays. Dans un plan, vous voyez les "
                + "sessions que votre service organise et celles qui comptent vos candidats, sans "
                + "le nom des candidats d’autres territoires. Vous n’acceptez que les sessions "
                + "organisées par votre service."
        }
    }
}

private func planRunForm(_ context: WebContext, form: PlanRunForm) throws -> Node {
    try context.postForm(action: "/planification") {
        if let message = form.message {
            div(.class("fr-alert", "fr-alert--error", "fr-alert--sm", "fr-mb-3w"), .role("alert")) {
                p { message }
            }
        }
        fieldset(.class("fr-fieldset")) {
            legend(.class("fr-fieldset__legend")) { "Période à planifier" }
            div(.class("fr-fieldset__element")) {
                inputField(
                    FormField(
                        name: "du",
                        label: "Premier jour",
                        value: form.from,
                        hint: "Au format JJ/MM/AAAA.",
                        error: form.errors["du"],
                        isRequired: true
                    ),
                    .autocomplete("off")
                )
            }
            div(.class("fr-fieldset__element")) {
                inputField(
                    FormField(
                        name: "au",
                        label: "Dernier jour",
                        value: form.to,
                        hint: "Au format JJ/MM/AAAA, trois ans au plus après le premier jour.",
                        error: form.errors["au"],
                        isRequired: true
                    ),
                    .autocomplete("off")
                )
            }
            div(.class("fr-fieldset__element")) {
                p(.class("fr-text--sm")) {
                    "Le plan est établi à la date du " + context.today.french
                        + ", qui compte pour les délais de 45 jours avant une session "
                        + "mutualisée. Les sessions déjà fixées gardent leurs jours et sont "
                        + "remplies en premier. Pour tout le pays, le calcul prend quelques "
                        + "secondes."
                }
                button(type: .submit, .class("fr-btn")) { "Lancer la planification" }
            }
        }
    }
}

private func planTable(_ plans: [StoredPlanSummary]) -> Node {
    guard !plans.isEmpty else {
        return p { "Aucun plan n’est enregistré : lancez une première planification." }
    }
    return dataTable(caption: "Plans, du plus récent au plus ancien") {
        thead {
            tr {
                th(scope: .col) { "Plan" }
                th(scope: .col) { "Statut" }
                th(scope: .col) { "Période" }
                th(scope: .col) { "Date du plan" }
                th(scope: .col) { "Sessions" }
                th(scope: .col) { "Enregistré" }
            }
        }
        tbody {
            for plan in plans {
                tr {
                    td { a(href: Paths.plan(plan.id)) { "Plan n° \(plan.id)" } }
                    td {
                        if let acceptedAt = plan.acceptedAt {
                            "Accepté le " + PlanningText.timestamp(acceptedAt)
                        } else {
                            PlanningText.status(plan.status)
                        }
                    }
                    td { "du " + plan.from.french + " au " + plan.to.french }
                    td { plan.today.french }
                    td { String(plan.sessionCount) }
                    td { PlanningText.timestamp(plan.createdAt) + " par " + plan.createdBy }
                }
            }
        }
    }
}

/// Builds the GET form that opens the comparison of two plans, with `first` and `second`
/// chosen.
func comparisonForm(
    plans: [StoredPlanSummary],
    first: String,
    second: String,
    errors: [String: String] = [:]
) -> Node {
    let options = plans.map { plan in
        SelectOption(
            value: String(plan.id),
            label: "Plan n° \(plan.id) (\(PlanningText.status(plan.status).lowercased()), "
                + "du \(plan.from.french) au \(plan.to.french))"
        )
    }
    return form(action: "/planification/comparer", method: .get) {
        fieldset(.class("fr-fieldset")) {
            legend(.class("fr-fieldset__legend")) { "Comparer deux plans" }
            div(.class("fr-fieldset__element")) {
                selectField(
                    FormField(name: "a", label: "Premier plan", value: first, error: errors["a"]),
                    options: options,
                    placeholder: "Choisir un plan"
                )
            }
            div(.class("fr-fieldset__element")) {
                selectField(
                    FormField(name: "b", label: "Second plan", value: second, error: errors["b"]),
                    options: options,
                    placeholder: "Choisir un plan"
                )
            }
            div(.class("fr-fieldset__element")) {
                button(type: .submit, .class("fr-btn", "fr-btn--secondary")) { "Comparer" }
            }
        }
    }
}

func comparisonForm(plans: [StoredPlanSummary], first: Int, second: Int) -> Node {
    comparisonForm(plans: plans, first: String(first), second: String(second))
}
