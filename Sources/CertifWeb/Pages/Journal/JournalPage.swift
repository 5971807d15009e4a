import CertifDomain
import CertifHTML
import CertifHTTP
import CertifServices
import CertifStore
import Foundation

/// Changed fields that one journal row lists before it sums up the rest.
private let maxChangesShown = 12

/// Renders the journal with its filter form. `page` is nil when the filters have errors.
func journalPage(
    _ context: WebContext,
    query: JournalQuery,
    page: JournalPage?,
    vocabulary: JournalVocabulary? = nil,
    errors: [String: String] = [:],
    status: HTTPStatus = .ok
) throws -> HTTPResponse {
    let choices = page?.vocabulary ?? vocabulary ?? JournalVocabulary(actions: [], entities: [])
    return try context.page(title: "Journal", status: status) {
        h1 { "Journal" }
        p {
            switch context.account.role {
            case .regionalOfficer:
                "Vos propres actions, et celles qui concernent les candidats de votre service, "
                    + "ceux des sessions qu’il organise et ces sessions, les plus récentes "
                    + "d’abord."
            default:
                "Toutes les modifications faites dans Certif, les plus récentes d’abord : qui, "
                    + "quoi, quand, avant et après."
            }
        }
        filterForm(query: query, vocabulary: choices, errors: errors)
        if let page {
            results(page, query: query)
        }
    }
}

private func filterForm(
    query: JournalQuery,
    vocabulary: JournalVocabulary,
    errors: [String: String]
) -> Node {
    typealias Field = JournalQuery.Field
    return form(action: "/journal", method: .get, .class("fr-mb-4w")) {
        fieldset(.class("fr-fieldset")) {
            legend(.class("fr-fieldset__legend")) { "Filtrer le journal" }
            if !errors.isEmpty {
                div(.class("fr-fieldset__element")) {
                    // The page number comes from the pagination links, not from a field, so
                    // its message goes in the summary.
                    formErrorSummary(
                        "Corrigez les filtres signalés pour afficher le journal."
                            + (errors[Field.page].map { " " + $0 } ?? "")
                    )
                }
            }
            filterElement {
                inputField(
                    FormField(
                        name: Field.actor,
                        label: "Acteur",
                        value: query.actor,
                        hint: "Tout ou partie de l’identifiant : agent-hdf.",
                        error: errors[Field.actor]
                    ),
                    .autocomplete("off")
                )
            }
            filterElement {
                selectField(
                    FormField(
                        name: Field.action,
                        label: "Action",
                        value: query.action,
                        error: errors[Field.action]
                    ),
                    options: choices(
                        vocabulary.actions.map(\.rawValue),
                        selected: query.action,
                        label: { JournalText.action(AuditAction(rawValue: $0)) }
                    ),
                    placeholder: "Toutes les actions"
                )
            }
            filterElement {
                selectField(
                    FormField(
                        name: Field.entity,
                        label: "Objet",
                        value: query.entity,
                        error: errors[Field.entity]
                    ),
                    options: choices(
                        vocabulary.entities,
                        selected: query.entity,
                        label: JournalText.entity
                    ),
                    placeholder: "Tous les objets"
                )
            }
            filterElement {
                inputField(
                    FormField(
                        name: Field.candidate,
                        label: "Identifiant du candidat",
                        value: query.candidate,
                        hint: "L’historique d’un candidat.",
                        error: errors[Field.candidate]
                    ),
                    .autocomplete("off")
                )
            }
            filterElement {
                inputField(
                    FormField(
                        name: Field.from,
                        label: "Du",
                        value: dateValue(query.from),
                        hint: "Format JJ/MM/AAAA, heure de Paris.",
                        error: errors[Field.from]
                    ),
                    type: .date
                )
            }
            filterElement {
                inputField(
                    FormField(
                        name: Field.to,
                        label: "Au",
                        value: dateValue(query.to),
                        hint: "Ce jour compris.",
                        error: errors[Field.to]
                    ),
                    type: .date
                )
            }
            div(.class("fr-fieldset__element")) {
                ul(.class("fr-btns-group", "fr-btns-group--inline-md")) {
                    li { button(type: .submit, .class("fr-btn")) { "Filtrer" } }
                    li {
                        a(href: "/journal", .class("fr-btn", "fr-btn--secondary")) {
                            "Effacer les filtres"
                        }
                    }
                }
            }
        }
    }
}

/// Returns the options of a filter list, with the value of the query string added when no
/// entry has it yet, so that the list still shows the filter in effect.
private func choices(
    _ values: [String],
    selected: String,
    label: (String) -> String
) -> [SelectOption] {
    var all = values
    let typed = selected.trimmingCharacters(in: .whitespaces)
    if !typed.isEmpty, !all.contains(typed) {
        all.append(typed)
    }
    return all.map { SelectOption(value: $0, label: label($0)) }
}

private func filterElement(@NodeBuilder content: () -> [Node]) -> Node {
    div(
        .class("fr-fieldset__element", "fr-fieldset__element--inline"),
        content: content
    )
}

/// Returns the date as a date input shows it, `AAAA-MM-JJ`, or the text as typed when it is
/// no date.
private func dateValue(_ text: String) -> String {
    CivilDate(parsing: text)?.iso ?? text
}

private func results(_ page: JournalPage, query: JournalQuery) -> Node {
    let first = (page.page - 1) * page.pageSize + 1
    let last = first + page.entries.count - 1
    return section {
        h2 { French.count(page.total, "entrée") }
        if page.entries.isEmpty {
            p {
                page.total == 0
                    ? "Aucune entrée ne correspond à ces filtres."
                    : "Cette page est au-delà de la dernière, la page \(page.pageCount)."
            }
        } else {
            dataTable(
                caption: "Journal, entrées \(first) à \(last) sur \(page.total), page "
                    + "\(page.page) sur \(page.pageCount)"
            ) {
                thead {
                    tr {
                        th(scope: .col) { "Date" }
                        th(scope: .col) { "Acteur" }
                        th(scope: .col) { "Action" }
                        th(scope: .col) { "Objet" }
                        th(scope: .col) { "Modifications" }
                    }
                }
                tbody {
                    for entry in page.entries {
                        entryRow(entry)
                    }
                }
            }
        }
        pagination(page, query: query)
    }
}

private func entryRow(_ entry: AuditEntry) -> Node {
    let changes = CertifServices.auditChanges(before: entry.before, after: entry.after)
    return tr {
        th(scope: .row) {
            time(datetime: ParisTime.machineText(entry.at)) { ParisTime.text(entry.at) }
        }
        td { entry.actor }
        td { JournalText.action(entry.action) }
        td { entityCell(entry) }
        td {
            if changes.isEmpty {
                "Aucun champ enregistré"
            } else {
                dl(.class("certif-changes")) {
                    for change in changes.prefix(maxChangesShown) {
                        dt { JournalText.field(change.path) }
                        dd { changeText(change) }
                    }
                }
                if changes.count > maxChangesShown {
                    p(.class("fr-text--sm")) {
                        "… et "
                            + French.count(
                                changes.count - maxChangesShown,
                                "autre champ",
                                "autres champs"
                            )
                    }
                }
            }
        }
    }
}

/// Builds the entity's kind and id, linked to its page for a candidate, a session or a plan.
private func entityCell(_ entry: AuditEntry) -> Node {
    let kind = JournalText.entity(entry.entity)
    guard let id = entry.entityID else {
        return .text(kind)
    }
    let path: String?
    switch entry.entity {
    case "candidate": path = Paths.candidate(id)
    case "session": path = Paths.session(id)
    case "plan": path = Int(id).map(Paths.plan)
    default: path = nil
    }
    return Node.fragment {
        kind + " "
        if let path {
            a(href: path) { id }
        } else {
            id
        }
    }
}

/// Returns "ancienne → nouvelle", or one side alone when the field was added or removed.
private func changeText(_ change: AuditFieldChange) -> String {
    switch (change.before, change.after) {
    case (let before?, let after?):
        return JournalText.value(before) + " → " + JournalText.value(after)
    case (nil, let after?):
        return JournalText.value(after)
    case (let before?, nil):
        return "retiré (était " + JournalText.value(before) + ")"
    case (nil, nil):
        return "aucun"
    }
}

private func pagination(_ page: JournalPage, query: JournalQuery) -> Node {
    guard page.pageCount > 1 || page.page > 1 else {
        return .empty
    }
    let last = page.pageCount
    return nav(.class("fr-pagination"), .aria("label", "Pages du journal")) {
        ul(.class("fr-pagination__list")) {
            if page.page > 1 {
                li {
                    a(
                        href: journalPath(query, page: 1),
                        .class("fr-pagination__link", "fr-pagination__link--first")
                    ) { "Première page" }
                }
                li {
                    a(
                        href: journalPath(query, page: min(page.page - 1, last)),
                        .class("fr-pagination__link", "fr-pagination__link--prev")
                    ) { "Page précédente" }
                }
            }
            li {
                span(.class("fr-pagination__link"), .aria("current", "page")) {
                    "Page \(page.page) sur \(last)"
                }
            }
            if page.page < last {
                li {
                    a(
                        href: journalPath(query, page: page.page + 1),
                        .class("fr-pagination__link", "fr-pagination__link--next")
                    ) { "Page suivante" }
                }
                li {
                    a(
                        href: journalPath(query, page: last),
                        .class("fr-pagination__link", "fr-pagination__link--last")
                    ) { "Dernière page" }
                }
            }
        }
    }
}

/// Returns the journal's path with the filters of `query` and the page number.
private func journalPath(_ query: JournalQuery, page: Int) -> String {
    typealias Field = JournalQuery.Field
    let fields: [(String, String)] = [
        (Field.actor, query.actor),
        (Field.action, query.action),
        (Field.entity, query.entity),
        (Field.from, query.from),
        (Field.to, query.to),
        (Field.candidate, query.candidate),
    ]
    var parts = fields.filter { !$0.1.isEmpty }.map { $0.0 + "=" + Paths.segment($0.1) }
    parts.append(Field.page + "=\(page)")
    return "/journal?" + parts.joined(separator: "&")
}
