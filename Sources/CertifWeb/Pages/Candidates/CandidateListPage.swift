import CertifDomain
import CertifHTML
import CertifHTTP
import CertifServices

/// GET /candidats: the search and filter form, the count, one page of the list and the
/// links to the other pages, which keep the filters.
func candidateListPage(_ context: WebContext) async throws -> HTTPResponse {
    let query = CandidateListQuery(context.request.query)
    let reference = context.reference
    let today = context.today
    var errors: [String: String] = [:]
    var page: CandidatePage?
    switch query.filters(reference: reference) {
    case .success(let filters):
        do {
            page = try await context.services { services in
                try services.candidatePage(filters, today: today)
            }
        } catch let error as ServiceError where error.code == .invalid {
            errors = error.fieldErrors
        }
    case .failure(let failure):
        errors = failure.messages
    }
    // A person who may see no candidate got notFound above; one with invalid filters still
    // needs to know whether he may write, for the buttons.
    let canWrite: Bool
    if let page {
        canWrite = page.canWrite
    } else {
        canWrite = try await context.services { services in
            guard services.account.candidateVisibility != .none else {
                throw ServiceError.notFound
            }
            return !services.writableTerritories.isEmpty
        }
    }
    return try context.page(title: "Candidats", status: page == nil ? .badRequest : .ok) {
        h1 { "Candidats" }
        if canWrite {
            ul(.class("fr-btns-group", "fr-btns-group--inline-md", "fr-mb-3w")) {
                li { a(href: "/candidats/nouveau", .class("fr-btn")) { "Nouveau candidat" } }
                li {
                    a(href: "/candidats/import", .class("fr-btn", "fr-btn--secondary")) {
                        "Importer un fichier"
                    }
                }
            }
        }
        filterForm(query, errors: errors, reference: reference)
        if let page {
            listSection(page, query: query, reference: reference)
        } else {
            div(.class("fr-alert", "fr-alert--error", "fr-alert--sm", "fr-mb-3w")) {
                p { "La liste n’est pas affichée : corrigez les filtres signalés." }
            }
        }
    }
}

private func filterForm(
    _ query: CandidateListQuery,
    errors: [String: String],
    reference: ReferenceData
) -> Node {
    form(action: "/candidats", method: .get, .class("fr-mb-4w"), .role("search")) {
        fieldset(.class("fr-fieldset")) {
            legend(.class("fr-fieldset__legend")) { "Rechercher et filtrer" }
            div(.class("fr-fieldset__element")) {
                inputField(
                    FormField(
                        name: "q",
                        label: "Nom, prénom ou identifiant",
                        value: query.search,
                        hint: "Sans tenir compte des majuscules, des accents ni de la "
                            + "ponctuation.",
                        error: errors["q"]
                    ),
                    type: .search
                )
            }
            div(.class("fr-fieldset__element", "fr-fieldset__element--inline")) {
                selectField(
                    FormField(
                        name: "diplome",
                        label: "Diplôme",
                        value: query.diploma,
                        error: errors["diplome"]
                    ),
                    options: reference.diplomas.map {
                        SelectOption(value: $0.code.rawValue, label: $0.code.rawValue)
                    },
                    placeholder: "Tous"
                )
            }
            div(.class("fr-fieldset__element", "fr-fieldset__element--inline")) {
                selectField(
                    FormField(
                        name: "voie",
                        label: "Voie d’accès",
                        value: query.route,
                        error: errors["voie"]
                    ),
                    options: [
                        SelectOption(value: AccessRoute.vae.rawValue, label: "VAE"),
                        SelectOption(value: AccessRoute.training.rawValue, label: "Formation"),
                    ],
                    placeholder: "Toutes"
                )
            }
            div(.class("fr-fieldset__element", "fr-fieldset__element--inline")) {
                selectField(
                    FormField(
                        name: "statut",
                        label: "Statut",
                        value: query.status,
                        error: errors["statut"]
                    ),
                    options: CandidateListQuery.statusNames.map {
                        SelectOption(value: $0.name, label: $0.label)
                    },
                    placeholder: "Tous"
                )
            }
            div(.class("fr-fieldset__element", "fr-fieldset__element--inline")) {
                inputField(
                    FormField(
                        name: "echeance",
                        label: "Date limite dans les … jours",
                        value: query.days,
                        hint: "Nombre de jours à partir d’aujourd’hui ; les dates limites "
                            + "dépassées sont comprises.",
                        error: errors["echeance"]
                    ),
                    type: .text,
                    .inputmode("numeric")
                )
            }
            div(.class("fr-fieldset__element", "fr-fieldset__element--inline")) {
                inputField(
                    FormField(
                        name: "avant",
                        label: "Date limite au plus tard le",
                        value: query.before,
                        hint: "Au format JJ/MM/AAAA.",
                        error: errors["avant"]
                    )
                )
            }
            if let pageError = errors["page"] {
                div(.class("fr-fieldset__element")) {
                    p(.class("fr-error-text")) { pageError }
                }
            }
            div(.class("fr-fieldset__element")) {
                ul(.class("fr-btns-group", "fr-btns-group--inline-md")) {
                    li { button(type: .submit, .class("fr-btn")) { "Filtrer" } }
                    if query.hasFilters {
                        li {
                            a(href: "/candidats", .class("fr-btn", "fr-btn--tertiary")) {
                                "Effacer les filtres"
                            }
                        }
                    }
                }
            }
        }
    }
}

private func listSection(
    _ page: CandidatePage,
    query: CandidateListQuery,
    reference: ReferenceData
) -> Node {
    section {
        h2 { French.count(page.total, "candidat") }
        if page.total > 0 {
            ul(.class("fr-btns-group", "fr-btns-group--inline-sm", "fr-mb-2w")) {
                li {
                    a(
                        href: query.path(page: 1, base: "/candidats/export.csv"),
                        .class("fr-btn", "fr-btn--secondary", "fr-btn--sm")
                    ) { "Exporter la liste (CSV)" }
                }
                li {
                    a(
                        href: query.path(page: 1, base: "/candidats/export.xlsx"),
                        .class("fr-btn", "fr-btn--secondary", "fr-btn--sm")
                    ) { "Exporter la liste (Excel)" }
                }
            }
        }
        if page.rows.isEmpty {
            if page.total > 0 {
                p {
                    "Cette page n’existe pas : la liste compte "
                        + French.count(page.pageCount, "page") + ". "
                    a(href: query.path(page: 1), .class("fr-link")) { "Revenir à la page 1" }
                }
            } else {
                p { "Aucun candidat ne correspond à ces critères." }
            }
        } else {
            dataTable(
                caption: "Candidats, page \(page.page) sur \(page.pageCount)"
            ) {
                thead {
                    tr {
                        th(scope: .col) { "Candidat" }
                        th(scope: .col) { "Identifiant" }
                        th(scope: .col) { "Diplôme" }
                        th(scope: .col) { "Voie" }
                        th(scope: .col) { "Territoire" }
                        th(scope: .col) { "Date limite" }
                        th(scope: .col) { "Statut" }
                    }
                }
                tbody {
                    for row in page.rows {
                        candidateRow(row, reference: reference)
                    }
                }
            }
            pagination(page, query: query)
        }
    }
}

private func candidateRow(_ row: CandidatePage.Row, reference: ReferenceData) -> Node {
    let candidate = row.candidate
    return tr {
        td {
            a(href: Paths.candidate(candidate.id)) { CandidateText.fullName(candidate) }
        }
        td { candidate.id }
        td { candidate.diploma.rawValue }
        td { CandidateLabels.route(candidate.route) }
        td { CandidateLabels.territory(candidate.territory, reference: reference) }
        td { time(datetime: row.deadline.date.iso) { row.deadline.date.french } }
        td {
            if let sessionID = row.sessionID {
                "Planifié ("
                a(href: Paths.session(sessionID)) { sessionID }
                ")"
            } else {
                "En attente"
            }
        }
    }
}

/// DSFR's pagination: previous and next links around "Page 2 sur 7".
private func pagination(_ page: CandidatePage, query: CandidateListQuery) -> Node {
    nav(.class("fr-pagination", "fr-mt-3w"), .role("navigation"), .aria("label", "Pagination")) {
        ul(.class("fr-pagination__list")) {
            if page.page > 1 {
                li {
                    a(
                        href: query.path(page: 1),
                        .class("fr-pagination__link", "fr-pagination__link--first")
                    ) { "Première page" }
                }
            }
            if page.page > 1 {
                li {
                    a(
                        href: query.path(page: page.page - 1),
                        .class(
                            "fr-pagination__link",
                            "fr-pagination__link--prev",
                            "fr-pagination__link--lg-label"
                        ),
                        .rel("prev")
                    ) { "Page précédente" }
                }
            }
            li {
                span(.class("fr-pagination__link"), .aria("current", "page")) {
                    "Page \(page.page) sur \(page.pageCount)"
                }
            }
            if page.page < page.pageCount {
                li {
                    a(
                        href: query.path(page: page.page + 1),
                        .class(
                            "fr-pagination__link",
                            "fr-pagination__link--next",
                            "fr-pagination__link--lg-label"
                        ),
                        .rel("next")
                    ) { "Page suivante" }
                }
            }
            if page.page < page.pageCount {
                li {
                    a(
                        href: query.path(page: page.pageCount),
                        .class("fr-pagination__link", "fr-pagination__link--last")
                    ) { "Dernière page" }
                }
            }
        }
    }
}
