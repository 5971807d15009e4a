import CertifDomain
import CertifHTML
import CertifHTTP
import CertifServices

/// Builds the page of a fixed session: its facts, each day with its commissions and
/// candidates, and the way to release it.
func sessionPage(_ context: WebContext, session: SessionView) throws -> HTTPResponse {
    let reference = context.reference
    let title = "Session " + session.id
    let hidden = session.days.flatMap(\.candidates).filter { !$0.isVisible }.count
    return try context.page(title: title) {
        p(.class("fr-mb-1w")) {
            a(href: "/sessions", .class("fr-link", "fr-icon-arrow-left-line", "fr-link--icon-left"))
            {
                "Retour aux sessions"
            }
        }
        h1 { title }
        dl {
            dt { "Diplôme" }
            dd { PlanningText.diploma(session.diploma, reference) }
            dt { "Service organisateur (chef de file)" }
            dd { PlanningText.service(session.organizer, reference) }
            dt { "Origine" }
            dd {
                origin(session)
                ", fixée le " + PlanningText.timestamp(session.acceptedAt) + " par "
                    + session.acceptedBy
            }
            dt { "État" }
            dd { session.isUpcoming ? "À venir" : "Passée" }
            dt { "Candidats" }
            dd {
                String(session.candidateCount)
                if hidden > 0 {
                    ", dont " + French.count(hidden, "candidat") + " d’autres territoires, "
                        + "dont le nom est réservé à leur service et à l’organisateur"
                }
            }
        }
        for day in session.days {
            section(.class("fr-mb-4w")) {
                h2 { PlanningText.longDate(day.date).capitalizedFirst }
                p {
                    French.count(day.commissions, "commission") + ", "
                        + French.count(day.candidateCount, "candidat") + "."
                }
                if day.candidates.isEmpty {
                    p { "Aucun candidat ce jour-là : le prochain plan y placera des candidats." }
                } else {
                    placementTable(
                        caption: "Candidats du " + day.date.french
                            + ", par commission et heure",
                        days: [(day.date, day.candidates)],
                        withReasons: true,
                        reference: reference
                    )
                }
            }
        }
        if session.mayRelease {
            section(.class("fr-mb-4w")) {
                h2 { "Libérer la session" }
                p {
                    "Libérer supprime la session et remet ses candidats en attente du prochain "
                        + "plan. Une confirmation vous sera demandée."
                }
                a(
                    href: Paths.session(session.id) + "/liberer",
                    .class("fr-btn", "fr-btn--secondary")
                ) { "Libérer la session…" }
            }
        }
    }
}

/// Builds the page that confirms a release and says what it undoes.
func releasePage(_ context: WebContext, session: SessionView) throws -> HTTPResponse {
    let title = "Libérer la session " + session.id
    let confirm = try context.postForm(action: Paths.session(session.id) + "/liberer") {
        ul(.class("fr-btns-group", "fr-btns-group--inline-md")) {
            li { button(type: .submit, .class("fr-btn")) { "Confirmer la libération" } }
            li {
                a(href: Paths.session(session.id), .class("fr-btn", "fr-btn--secondary")) {
                    "Annuler"
                }
            }
        }
    }
    return try context.page(title: title) {
        h1 { title }
        div(.class("fr-alert", "fr-alert--warning", "fr-mb-4w")) {
            h2(.class("fr-alert__title")) { "Cette action supprime la session" }
            p {
                "La session " + session.id + " ("
                    + session.days.map(\.date.french).joined(separator: ", ")
                    + ") sera supprimée et ses "
                    + French.count(session.candidateCount, "candidat")
                    + " attendront de nouveau le prochain plan. Les convocations déjà envoyées "
                    + "ne vaudront plus. Le plan qui l’a créée reste accepté, et la libération "
                    + "est inscrite au journal."
            }
            if !session.isUpcoming {
                p { "Cette session est passée : ne la libérez que si elle n’a pas eu lieu." }
            }
        }
        confirm
    }
}

extension String {
    /// The text with its first letter in upper case: "Jeudi 20/03/2025".
    fileprivate var capitalizedFirst: String {
        prefix(1).uppercased() + dropFirst()
    }
}
