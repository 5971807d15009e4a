import CertifDomain
import CertifHTML
import CertifHTTP
import CertifServices

extension WebApplication {
    func addDashboardRoutes(to routes: inout WebRouter) {
        routes.page("/") { context in
            let today = context.today
            let summary = try await context.services { services in
                try services.dashboard(today: today)
            }
            return try dashboardPage(context, summary: summary)
        }
    }
}

private func dashboardPage(
    _ context: WebContext,
    summary: DashboardSummary
) throws
    -> HTTPResponse
{
    let reference = context.reference
    let seesCandidates = context.account.candidateVisibility != .none
    return try context.page(title: "Tableau de bord") {
        h1 { "Tableau de bord" }
        p(.class("fr-text--lead")) {
            "Bonjour " + context.account.displayName + ". Nous sommes le "
                + context.today.french + "."
        }
        div(.class("fr-grid-row", "fr-grid-row--gutters", "fr-mb-4w")) {
            figureTile(
                title: "Candidats en attente",
                value: summary.waitingCount,
                detail: "sans session fixée",
                link: seesCandidates ? "/candidats?statut=en-attente" : nil
            )
            figureTile(
                title: "Échéance proche",
                value: summary.urgentCount,
                detail: "date limite dans \(summary.urgentDays) jours ou moins, sans session",
                link: seesCandidates ? "/candidats?statut=en-attente&echeance=30" : nil
            )
            figureTile(
                title: "Sessions à venir",
                value: summary.upcoming.count,
                detail: "dont le dernier jour n’est pas passé",
                link: seesCandidates ? "/sessions" : nil
            )
            figureTile(
                title: "Brouillons de plan",
                value: summary.drafts.count,
                detail: "à examiner puis accepter",
                link: seesCandidates ? "/planification" : nil
            )
        }
        if seesCandidates {
            urgentSection(summary, reference: reference)
            upcomingSection(summary, reference: reference)
            draftsSection(summary)
        } else {
            p {
                "Votre rôle donne accès aux chiffres nationaux, sans donnée personnelle."
            }
        }
    }
}

private func figureTile(title: String, value: Int, detail: String, link: String?) -> Node {
    div(.class("fr-col-12", "fr-col-md-6", "fr-col-lg-3")) {
        // fr-enlarge-link makes the whole tile the link's target, as DSFR's tiles do.
        div(.class("fr-tile", link == nil ? "" : "fr-enlarge-link", "certif-figure")) {
            div(.class("fr-tile__body")) {
                div(.class("fr-tile__content")) {
                    h2(.class("fr-tile__title")) {
                        if let link {
                            a(href: link) { title }
                        } else {
                            title
                        }
                    }
                    p(.class("fr-h1", "fr-mb-1w", "certif-figure__value")) { String(value) }
                    p(.class("fr-tile__desc")) { detail }
                }
            }
        }
    }
}

private func urgentSection(_ summary: DashboardSummary, reference: ReferenceData) -> Node {
    section(.class("fr-mb-4w")) {
        h2 { "Échéance proche, sans session" }
        if summary.urgent.isEmpty {
            p {
                "Aucun candidat en attente n’a sa date limite dans les \(summary.urgentDays) jours."
            }
        } else {
            dataTable(caption: "Candidats dont la date limite approche") {
                thead {
                    tr {
                        th(scope: .col) { "Candidat" }
                        th(scope: .col) { "Diplôme" }
                        th(scope: .col) { "Territoire" }
                        th(scope: .col) { "Date limite" }
                    }
                }
                tbody {
                    for item in summary.urgent {
                        tr {
                            td {
                                a(href: Paths.candidate(item.candidate.id)) {
                                    CandidateText.fullName(item.candidate)
                                }
                            }
                            td { item.candidate.diploma.rawValue }
                            td {
                                reference.territory(item.candidate.territory)?.name
                                    ?? item.candidate.territory.rawValue
                            }
                            td { item.deadline.date.french }
                        }
                    }
                }
            }
        }
    }
}

private func upcomingSection(_ summary: DashboardSummary, reference: ReferenceData) -> Node {
    section(.class("fr-mb-4w")) {
        h2 { "Sessions à venir" }
        if summary.upcoming.isEmpty {
            p { "Aucune session fixée à venir." }
        } else {
            dataTable(caption: "Prochaines sessions") {
                thead {
                    tr {
                        th(scope: .col) { "Session" }
                        th(scope: .col) { "Diplôme" }
                        th(scope: .col) { "Organisateur" }
                        th(scope: .col) { "Jours" }
                        th(scope: .col) { "Candidats" }
                    }
                }
                tbody {
                    for item in summary.upcoming {
                        tr {
                            td { a(href: Paths.session(item.session.id)) { item.session.id } }
                            td { item.session.diploma.rawValue }
                            td {
                                reference.territory(item.session.organizer)?.serviceName
                                    ?? item.session.organizer.rawValue
                            }
                            td { item.session.days.map(\.date.french).joined(separator: ", ") }
                            td { String(item.candidateCount) }
                        }
                    }
                }
            }
        }
    }
}

private func draftsSection(_ summary: DashboardSummary) -> Node {
    section(.class("fr-mb-4w")) {
        h2 { "Brouillons de plan" }
        if summary.drafts.isEmpty {
            p {
                "Aucun brouillon. "
                a(href: "/planification", .class("fr-link")) { "Lancer une planification" }
            }
        } else {
            ul {
                for draft in summary.drafts {
                    li {
                        a(href: Paths.plan(draft.id)) {
                            "Plan n° \(draft.id) du \(draft.from.french) au \(draft.to.french), "
                                + French.count(draft.sessionCount, "session")
                        }
                    }
                }
            }
        }
    }
}
