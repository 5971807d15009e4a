import CertifAuth
import CertifDomain
import CertifHTML
import CertifHTTP
import CertifPlanning
import CertifServices
import CertifStore

/// The outcome of a posted acceptance that the service refused: its message, the error of the
/// session checkboxes, and the boxes that were checked, which stay checked.
struct AcceptanceOutcome {
    var message: String?
    var fieldError: String?
    var checked: Set<String>
}

/// The id of the checkbox group's error, which each checkbox points to.
private let acceptanceErrorID = "sessions-erreur"

/// Builds the plan's overview: its figures, and its sessions by diploma then organiser, with
/// the checkboxes that accept some or all of them.
func planOverviewPage(
    _ context: WebContext,
    view: PlanView,
    acceptance: AcceptanceOutcome? = nil,
    filterErrors: [String: String] = [:],
    status: HTTPStatus = .ok
) throws -> HTTPResponse {
    let reference = context.reference
    let title = "Plan n° \(view.id)"
    let sessions = try sessionsSection(context, view: view, acceptance: acceptance)
    return try context.page(title: title, status: status) {
        h1 { title }
        planHeader(view, reference: reference)
        if case .regionalOfficer = context.account.role {
            nationalScopeNotice()
            if view.hiddenSessionCount > 0 {
                p {
                    French.count(view.hiddenSessionCount, "session")
                        + " du plan ne concernent ni votre service ni vos candidats : elles "
                        + "comptent dans les chiffres, mais ne sont pas listées."
                }
            }
        }
        planLinks(view)
        planScopeForm(view, reference: reference, diploma: "", organizer: "", errors: filterErrors)
        section(.class("fr-mb-6w")) {
            h2 { "Chiffres du plan" }
            figuresTable(view)
        }
        sessions
    }
}

/// Writes the plan's status, period and author.
func planHeader(_ view: PlanView, reference: ReferenceData) -> Node {
    p {
        strong { PlanningText.status(view.status) }
        if let acceptedAt = view.acceptedAt {
            " le " + PlanningText.timestamp(acceptedAt)
        }
        ". Période du " + view.from.french + " au " + view.to.french + ", plan établi à la date du "
            + view.today.french + ", enregistré le " + PlanningText.timestamp(view.createdAt)
            + " par " + view.createdBy + "."
    }
}

private func planLinks(_ view: PlanView) -> Node {
    ul(.class("fr-btns-group", "fr-btns-group--inline-md", "fr-mb-4w")) {
        li {
            a(href: Paths.plan(view.id) + "/calendrier", .class("fr-btn", "fr-btn--secondary")) {
                "Calendrier par mois"
            }
        }
        li {
            a(
                href: "/planification/comparer?a=\(view.id)",
                .class("fr-btn", "fr-btn--secondary")
            ) { "Comparer avec un autre plan" }
        }
        li {
            a(href: Paths.plan(view.id) + "/export.csv", .class("fr-btn", "fr-btn--secondary")) {
                "Exporter (CSV)"
            }
        }
        li {
            a(href: Paths.plan(view.id) + "/export.xlsx", .class("fr-btn", "fr-btn--secondary")) {
                "Exporter (Excel)"
            }
        }
        li { a(href: "/planification", .class("fr-btn", "fr-btn--tertiary")) { "Tous les plans" } }
    }
}

/// Builds the GET form that opens one diploma of the plan, optionally one organiser.
func planScopeForm(
    _ view: PlanView,
    reference: ReferenceData,
    diploma: String,
    organizer: String,
    errors: [String: String]
) -> Node {
    let diplomas = view.diplomas.map {
        SelectOption(value: $0.diploma.rawValue, label: PlanningText.diploma($0.diploma, reference))
    }
    var organizers: [TerritoryCode] = []
    // With a diploma chosen, only its organisers; otherwise those of every diploma.
    for line in view.diplomas where diploma.isEmpty || line.diploma.rawValue == diploma {
        for code in line.organizers where !organizers.contains(code) {
            organizers.append(code)
        }
    }
    let organizerOptions = organizers.sorted {
        PlanningText.service($0, reference) < PlanningText.service($1, reference)
    }.map { SelectOption(value: $0.rawValue, label: PlanningText.service($0, reference)) }
    return form(action: Paths.plan(view.id), method: .get, .class("fr-mb-4w")) {
        fieldset(.class("fr-fieldset")) {
            legend(.class("fr-fieldset__legend")) { "Détail des sessions et des candidats" }
            div(.class("fr-fieldset__element")) {
                selectField(
                    FormField(
                        name: "diplome",
                        label: "Diplôme",
                        value: diploma,
                        error: errors["diplome"]
                    ),
                    options: diplomas,
                    placeholder: "Choisir un diplôme"
                )
            }
            div(.class("fr-fieldset__element")) {
                selectField(
                    FormField(
                        name: "organisateur",
                        label: "Service organisateur",
                        value: organizer,
                        hint: "Facultatif : sans choix, tous les organisateurs du diplôme.",
                        error: errors["organisateur"]
                    ),
                    options: organizerOptions,
                    placeholder: "Tous les organisateurs"
                )
            }
            div(.class("fr-fieldset__element")) {
                button(type: .submit, .class("fr-btn", "fr-btn--secondary")) { "Afficher" }
            }
        }
    }
}

private func figuresTable(_ view: PlanView) -> Node {
    let summary = view.summary
    return dataTable(caption: "Chiffres de l’ensemble du plan") {
        thead {
            tr {
                th(scope: .col) { "Chiffre" }
                th(scope: .col) { "Valeur" }
            }
        }
        tbody {
            for row in PlanFigureRow.all(settings: view.settings) {
                tr {
                    th(scope: .row) { row.label }
                    td { row.text(summary) }
                }
            }
        }
    }
}

private func sessionsSection(
    _ context: WebContext,
    view: PlanView,
    acceptance: AcceptanceOutcome?
) throws -> Node {
    let reference = context.reference
    let accepting = view.mayAccept
    let open = view.sessions.count <= 40
    let checked = acceptance?.checked ?? []
    let boxIDs = uniqueIDs(prefix: "accepter-", for: view.sessions.map(\.id))
    let tables = Node.fragment {
        for line in view.diplomas {
            let sessions = view.sessions.filter { $0.diploma == line.diploma }
            details(.open(open || sessions.contains { checked.contains($0.id) })) {
                summary {
                    PlanningText.diploma(line.diploma, reference) + " : "
                        + French.count(line.sessions, "session") + ", "
                        + French.count(line.candidates, "candidat") + " placé"
                        + (line.candidates > 1 ? "s" : "") + ", "
                        + French.count(line.unplanned, "non planifié", "non planifiés")
                }
                p {
                    a(
                        href: Paths.plan(view.id) + "?diplome="
                            + Paths.segment(
                                line.diploma.rawValue
                            ),
                        .class("fr-link")
                    ) {
                        "Voir les jours, les candidats et les règles des sessions "
                            + line.diploma.rawValue
                    }
                }
                if !sessions.isEmpty {
                    sessionTable(
                        line.diploma,
                        sessions: sessions,
                        planID: view.id,
                        checkboxes: accepting,
                        boxIDs: boxIDs,
                        checked: checked,
                        hasError: acceptance?.fieldError != nil,
                        reference: reference
                    )
                }
            }
        }
    }
    guard accepting else {
        return section(.class("fr-mb-6w")) {
            h2 { "Sessions par diplôme" }
            if let message = acceptance?.message {
                div(
                    .class("fr-alert", "fr-alert--error", "fr-alert--sm", "fr-mb-3w"),
                    .role("alert")
                ) {
                    p { message }
                }
            }
            if view.status == .accepted {
                p {
                    "Ce plan est accepté : ses sessions retenues sont fixées et se trouvent dans "
                    a(href: "/sessions") { "la liste des sessions" }
                    "."
                }
            }
            if view.diplomas.isEmpty {
                p { "Ce plan ne compte aucune session que vous puissiez voir." }
            }
            tables
        }
    }
    let acceptable = view.diplomas.reduce(0) { $0 + $1.acceptableSessions }
    let form = try context.postForm(action: Paths.plan(view.id) + "/accepter") {
        if let message = acceptance?.message, acceptance?.fieldError == nil {
            div(.class("fr-alert", "fr-alert--error", "fr-alert--sm", "fr-mb-3w"), .role("alert")) {
                p { message }
            }
        }
        fieldset(
            .class("fr-fieldset", acceptance?.fieldError == nil ? "" : "fr-fieldset--error")
        ) {
            legend(.class("fr-fieldset__legend")) {
                "Sessions à accepter"
                span(.class("fr-hint-text")) {
                    if acceptable < view.summary.sessions {
                        "Cochez les sessions à fixer. Vous pouvez accepter "
                            + French.count(acceptable, "session")
                            + " de ce plan, celles que votre service organise."
                    } else {
                        "Cochez les sessions à fixer, parmi les "
                            + French.count(acceptable, "session") + " de ce plan."
                    }
                }
            }
            if let error = acceptance?.fieldError {
                p(.id(acceptanceErrorID), .class("fr-error-text", "fr-mb-2w")) { error }
            }
            tables
        }
        div(.class("fr-alert", "fr-alert--warning", "fr-alert--sm", "fr-mb-3w")) {
            p {
                "Accepter fixe les sessions choisies et clôt ce brouillon : un plan ne s’accepte "
                    + "qu’une fois. Les candidats des sessions non retenues attendront le "
                    + "prochain plan, qui gardera les sessions fixées."
            }
        }
        ul(.class("fr-btns-group", "fr-btns-group--inline-md")) {
            li {
                button(
                    type: .submit,
                    .class("fr-btn"),
                    .name("portee"),
                    .value("selection")
                ) { "Accepter la sélection" }
            }
            li {
                button(
                    type: .submit,
                    .class("fr-btn", "fr-btn--secondary"),
                    .name("portee"),
                    .value("tout")
                ) {
                    "Accepter tout"
                }
            }
        }
        if acceptable < view.summary.sessions {
            p(.class("fr-text--sm")) {
                "« Accepter tout » fixe les " + French.count(acceptable, "session")
                    + " que votre service organise."
            }
        }
    }
    return section(.class("fr-mb-6w")) {
        h2 { "Sessions par diplôme" }
        form
    }
}

private func sessionTable(
    _ diploma: DiplomaCode,
    sessions: [PlanSessionView],
    planID: Int,
    checkboxes: Bool,
    boxIDs: [String: String],
    checked: Set<String>,
    hasError: Bool,
    reference: ReferenceData
) -> Node {
    let anchors = sessionAnchors(sessions)
    let ordered = sessions.enumerated().sorted {
        let left = PlanningText.service($0.element.organizer, reference)
        let right = PlanningText.service($1.element.organizer, reference)
        return (left, $0.offset) < (right, $1.offset)
    }.map(\.element)
    return dataTable(caption: "Sessions " + diploma.rawValue + ", par service organisateur") {
        thead {
            tr {
                if checkboxes {
                    th(scope: .col) { "Accepter" }
                }
                th(scope: .col) { "Session" }
                th(scope: .col) { "Organisateur" }
                th(scope: .col) { "Jours" }
                th(scope: .col) { "Commissions" }
                th(scope: .col) { "Candidats" }
                th(scope: .col) { "R1" }
                th(scope: .col) { "R2" }
            }
        }
        tbody {
            for session in ordered {
                tr {
                    if checkboxes {
                        td {
                            if session.mayAccept, let boxID = boxIDs[session.id] {
                                acceptanceBox(
                                    session,
                                    id: boxID,
                                    checked: checked.contains(session.id),
                                    hasError: hasError
                                )
                            } else {
                                span(.class("fr-text--sm")) { "Autre service" }
                            }
                        }
                    }
                    th(scope: .row) {
                        a(
                            href: Paths.plan(planID) + "?diplome="
                                + Paths.segment(diploma.rawValue) + "#"
                                + (anchors[session.id] ?? "")
                        ) { session.id }
                        if session.fixed {
                            " "
                            span(.class("fr-badge", "fr-badge--sm", "fr-badge--info")) { "fixée" }
                        }
                        if session.pooled {
                            " "
                            span(.class("fr-badge", "fr-badge--sm")) { "mutualisée" }
                        }
                    }
                    td { PlanningText.service(session.organizer, reference) }
                    td { session.days.map(\.date.french).joined(separator: ", ") }
                    td { String(session.sittings) }
                    td { String(session.candidateCount) }
                    td { ruleMark(session.rules, "R1") }
                    td { ruleMark(session.rules, "R2") }
                }
            }
        }
    }
}

private func acceptanceBox(
    _ session: PlanSessionView,
    id: String,
    checked: Bool,
    hasError: Bool
) -> Node {
    var attributes: [Attribute] = [
        .id(id), .name("sessions"), .value(session.id), .checked(checked),
    ]
    if hasError {
        attributes.append(.aria("describedby", acceptanceErrorID))
    }
    return div(.class("fr-checkbox-group", "fr-checkbox-group--sm")) {
        input(type: .checkbox).addingAttributes(attributes)
        label(for: id, .class("fr-label")) {
            span(.class("fr-sr-only")) { "Accepter la session " + session.id }
            span(.aria("hidden", "true")) { "Accepter" }
        }
    }
}

/// "atteint" or "manqué", with the rule's detail for screen readers and tooltips, or a dash
/// when the session has no check of that rule.
private func ruleMark(_ rules: [RuleCheck], _ rule: String) -> Node {
    guard let check = rules.first(where: { $0.rule == rule }) else {
        return .text("—")
    }
    return span(
        .class("fr-badge", "fr-badge--sm", check.met ? "fr-badge--success" : "fr-badge--warning"),
        .title(check.detail)
    ) { check.met ? "atteint" : "manqué" }
}

/// Element ids made from `prefix` and each of `values`, in which every character other than
/// an ASCII letter, digit, `-` or `_` becomes `-`, with a number added when two values give
/// the same id.
func uniqueIDs(prefix: String, for values: [String]) -> [String: String] {
    var ids: [String: String] = [:]
    var used = Set<String>()
    for value in values where ids[value] == nil {
        var base = prefix
        for scalar in value.unicodeScalars {
            let isKept =
                scalar.isASCII
                && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                    || scalar == "-" || scalar == "_")
            base.unicodeScalars.append(isKept ? scalar : "-")
        }
        var candidate = base
        var number = 2
        while used.contains(candidate) {
            candidate = base + "-\(number)"
            number += 1
        }
        used.insert(candidate)
        ids[value] = candidate
    }
    return ids
}

/// Returns the anchors of the sessions of one diploma on the diploma page, by session id.
/// `sessions` are that diploma's sessions in the plan's order, as the diploma page lists them.
func sessionAnchors(_ sessions: [PlanSessionView]) -> [String: String] {
    uniqueIDs(prefix: "session-", for: sessions.map(\.id))
}
