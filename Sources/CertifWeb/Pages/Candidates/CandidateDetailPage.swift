import CertifDomain
import CertifHTML
import CertifHTTP
import CertifImport
import CertifServices
import CertifStore

/// Builds GET /candidats/:id: the candidate's identity and route, his deadline and how it was
/// computed, his exam day and his history.
func candidateDetailPage(_ context: WebContext, id: String) async throws -> HTTPResponse {
    let detail = try await context.services { services in
        try services.candidateDetail(id: id)
    }
    let reference = context.reference
    let candidate = detail.candidate
    let title = CandidateText.fullName(candidate)
    return try context.page(title: title) {
        p(.class("fr-mb-1w")) {
            a(
                href: "/candidats",
                .class("fr-link", "fr-icon-arrow-left-line", "fr-link--icon-left")
            ) {
                "Liste des candidats"
            }
        }
        h1 { title }
        if detail.canEdit {
            p {
                a(href: Paths.candidate(candidate.id) + "/modifier", .class("fr-btn")) {
                    "Modifier le candidat"
                }
            }
        }
        identitySection(candidate)
        routeSection(candidate, reference: reference)
        deadlineSection(detail.deadline)
        examSection(detail.exam, reference: reference)
        historySection(detail.history)
    }
}

private func identitySection(_ candidate: Candidate) -> Node {
    section(.class("fr-mb-4w")) {
        h2 { "Identité" }
        dl(.class("certif-facts")) {
            dt { "Identifiant" }
            dd { candidate.id }
            dt { "Nom de naissance" }
            dd { candidate.birthName }
            dt { "Nom d’usage" }
            dd { candidate.usageName ?? "aucun" }
            dt { "Prénoms" }
            dd { candidate.givenNames }
            dt { "Date de naissance" }
            dd { candidate.birthDate.french }
        }
    }
}

private func routeSection(_ candidate: Candidate, reference: ReferenceData) -> Node {
    section(.class("fr-mb-4w")) {
        h2 { "Parcours" }
        dl(.class("certif-facts")) {
            dt { "Diplôme" }
            dd { CandidateLabels.diploma(candidate.diploma, reference: reference) }
            dt { "Voie d’accès" }
            dd { CandidateLabels.route(candidate.route) }
            dt { "Territoire de domiciliation" }
            dd {
                CandidateLabels.territory(candidate.territory, reference: reference) + ", "
                    + CandidateLabels.service(candidate.territory, reference: reference)
            }
            dt { candidate.route == .vae ? "Dossier de validation déposé le" : "Disponible le" }
            dd { candidate.availableFrom.french }
            dt { "Examen par visioconférence" }
            dd { candidate.remoteAllowed ? "accepté" : "refusé" }
            dt { "Majoration du temps d’épreuve" }
            dd { candidate.extraTimePercent == 0 ? "aucune" : "\(candidate.extraTimePercent) %" }
        }
    }
}

private func deadlineSection(_ deadline: Deadline) -> Node {
    section(.class("fr-mb-4w")) {
        h2 { "Date limite" }
        p {
            "À examiner au plus tard le "
            strong { time(datetime: deadline.date.iso) { deadline.date.french } }
            "."
        }
        p(.class("fr-text--sm")) { "Calcul : " + deadline.explanation + "." }
    }
}

private func examSection(_ exam: CandidateExam?, reference: ReferenceData) -> Node {
    section(.class("fr-mb-4w")) {
        h2 { "Session" }
        if let exam {
            dl(.class("certif-facts")) {
                dt { "Session" }
                dd { a(href: Paths.session(exam.sessionID)) { exam.sessionID } }
                dt { "Organisée par" }
                dd { CandidateLabels.service(exam.organizer, reference: reference) }
                dt { "Jour d’examen" }
                dd { time(datetime: exam.date.iso) { exam.date.french } }
                dt { "Commission" }
                dd { "n° \(exam.commission)" }
                dt { "Heure de l’entretien" }
                dd { exam.start + ", heure du service organisateur" }
                dt { "Durée" }
                dd { "\(exam.durationMinutes) minutes" }
                dt { "Mode" }
                dd { CandidateLabels.mode(exam.mode) }
                dt { "Lieu d’accueil" }
                dd { CandidateLabels.service(exam.host, reference: reference) }
            }
        } else {
            p { "En attente : le candidat n’est dans aucune session fixée." }
        }
    }
}

private func historySection(_ history: [CandidateHistoryEntry]) -> Node {
    section(.class("fr-mb-4w")) {
        h2 { "Historique" }
        if history.isEmpty {
            p { "Aucune modification enregistrée." }
        } else {
            dataTable(caption: "Modifications du candidat, la plus récente en premier") {
                thead {
                    tr {
                        th(scope: .col) { "Date" }
                        th(scope: .col) { "Auteur" }
                        th(scope: .col) { "Action" }
                        th(scope: .col) { "Changements" }
                    }
                }
                tbody {
                    for entry in history {
                        tr {
                            td {
                                time(datetime: ParisTime.machineText(entry.at)) {
                                    ParisTime.text(entry.at)
                                }
                            }
                            td { entry.actor }
                            td { CandidateLabels.action(entry.action) }
                            td {
                                changeList(
                                    entry.changes,
                                    isCreation: entry.action == .candidateInsert
                                )
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Builds the list of the changed values, one per item: "Nom de naissance : DUPONT →
/// DURAND", or only the new value for a creation.
func changeList(_ changes: [CandidateHistoryEntry.Change], isCreation: Bool = false) -> Node {
    ul(.class("certif-changes")) {
        for change in changes {
            li {
                let label = CandidateLabels.column(change.column) + " : "
                if isCreation {
                    label + change.after
                } else {
                    label + (change.before.isEmpty ? "(vide)" : change.before) + " → "
                        + (change.after.isEmpty ? "(vide)" : change.after)
                }
            }
        }
    }
}
