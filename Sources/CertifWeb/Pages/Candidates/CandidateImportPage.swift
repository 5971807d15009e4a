import CertifDomain
import CertifHTML
import CertifHTTP
import CertifImport
import CertifServices

/// Rows of each kind that the preview lists; the counts always cover the whole file.
let importPreviewListLimit = 500

/// Builds GET /candidats/import, the file upload, and the same form again with an error.
func candidateImportPage(
    _ context: WebContext,
    error: String? = nil,
    status: HTTPStatus = .ok
) throws -> HTTPResponse {
    let form = try uploadForm(context, error: error)
    let required = CandidateColumn.allCases.filter(\.isRequired).map(\.rawValue)
    let optional = CandidateColumn.allCases.filter { !$0.isRequired }.map(\.rawValue)
    let columns =
        "Colonnes obligatoires : \(required.joined(separator: ", ")). Colonnes facultatives : "
        + "\(optional.joined(separator: ", "))."
    return try context.page(title: "Importer des candidats", status: status) {
        h1 { "Importer des candidats" }
        p {
            "L’import se fait en deux temps. Certif vérifie d’abord tout le fichier et montre "
                + "chaque erreur, ou les candidats qu’il créerait et modifierait. Rien n’est "
                + "enregistré avant votre confirmation."
        }
        p(.class("fr-text--sm")) {
            "Le fichier est un CSV, tel qu’un tableur l’enregistre, avec une ligne d’en-tête "
                + "puis une ligne par candidat. " + columns
        }
        form
    }
}

private func uploadForm(_ context: WebContext, error: String?) throws -> Node {
    try context.postForm(action: "/candidats/import", multipart: true) {
        div(
            .class("fr-upload-group", error == nil ? "" : "fr-upload-group--error", "fr-mb-3w")
        ) {
            label(for: "champ-fichier", .class("fr-label")) {
                "Fichier des candidats"
                span(.class("fr-hint-text")) {
                    "Format CSV, séparé par des points-virgules, des virgules ou des "
                        + "tabulations, en UTF-8 ou Windows-1252 ; 10 Mio au plus."
                }
            }
            if let error {
                input(
                    type: .file,
                    .class("fr-upload"),
                    .id("champ-fichier"),
                    .name("fichier"),
                    .accept(".csv,text/csv"),
                    .required,
                    .aria("invalid", "true"),
                    .aria("describedby", "champ-fichier-erreur")
                )
                p(.id("champ-fichier-erreur"), .class("fr-error-text")) { error }
            } else {
                input(
                    type: .file,
                    .class("fr-upload"),
                    .id("champ-fichier"),
                    .name("fichier"),
                    .accept(".csv,text/csv"),
                    .required
                )
            }
        }
        button(type: .submit, .class("fr-btn")) { "Vérifier le fichier" }
    }
}

/// Builds the preview of an uploaded file: its errors by line, or what the import would do,
/// with the confirmation button.
func importPreviewPage(_ context: WebContext, _ preview: ImportPreview) throws -> HTTPResponse {
    let reference = context.reference
    let confirmation: Node
    if let uploadID = preview.uploadID {
        confirmation = try context.postForm(action: "/candidats/import/confirmer") {
            input(type: .hidden, .name("envoi"), .value(uploadID))
            ul(.class("fr-btns-group", "fr-btns-group--inline-md")) {
                li {
                    button(type: .submit, .class("fr-btn")) {
                        "Confirmer l’import"
                    }
                }
                li {
                    a(href: "/candidats/import", .class("fr-btn", "fr-btn--secondary")) {
                        "Annuler"
                    }
                }
            }
        }
    } else {
        confirmation = try uploadForm(context, error: nil)
    }
    let status: HTTPStatus = preview.issues.isEmpty ? .ok : .unprocessableContent
    return try context.page(title: "Aperçu de l’import", status: status) {
        h1 { "Aperçu de l’import" }
        dl(.class("certif-facts")) {
            dt { "Fichier" }
            dd { preview.filename.isEmpty ? "sans nom" : preview.filename }
            dt { "Encodage" }
            dd { preview.encoding }
            dt { "Lignes de candidats" }
            dd { String(preview.rowCount) }
            if !preview.ignoredColumns.isEmpty {
                dt { "Colonnes ignorées" }
                dd { preview.ignoredColumns.joined(separator: ", ") }
            }
        }
        if preview.issues.isEmpty {
            outcomeSection(preview, reference: reference)
        } else {
            issuesSection(preview)
        }
        confirmation
    }
}

private func issuesSection(_ preview: ImportPreview) -> Node {
    section(.class("fr-mb-4w")) {
        div(.class("fr-alert", "fr-alert--error", "fr-mb-3w")) {
            h2(.class("fr-alert__title")) {
                "Le fichier contient " + French.count(preview.issues.count, "erreur")
                    + " : rien n’a été importé."
            }
            p {
                "Corrigez chaque erreur dans le fichier, puis envoyez-le de nouveau. Lignes "
                    + "concernées : \(preview.invalidLineCount)."
            }
        }
        dataTable(caption: "Erreurs du fichier, par ligne") {
            thead {
                tr {
                    th(scope: .col) { "Ligne" }
                    th(scope: .col) { "Colonne" }
                    th(scope: .col) { "Valeur trouvée" }
                    th(scope: .col) { "Erreur et valeur attendue" }
                }
            }
            tbody {
                for issue in preview.issues {
                    tr {
                        td { issue.line == 0 ? "fichier" : String(issue.line) }
                        td { issue.column ?? "" }
                        td { issue.visibleValue() ?? "" }
                        td { issue.message }
                    }
                }
            }
        }
    }
}

private func outcomeSection(_ preview: ImportPreview, reference: ReferenceData) -> Node {
    section(.class("fr-mb-4w")) {
        if preview.uploadID == nil {
            div(.class("fr-alert", "fr-alert--info", "fr-mb-3w")) {
                p {
                    "Le fichier ne contient aucune erreur et ne change aucun candidat : "
                        + "rien n’est à importer."
                }
            }
        } else {
            div(.class("fr-alert", "fr-alert--success", "fr-mb-3w")) {
                h2(.class("fr-alert__title")) { "Le fichier ne contient aucune erreur." }
                p {
                    "L’import créera " + French.count(preview.inserted.count, "candidat")
                        + ", en modifiera \(preview.updated.count) et en laissera "
                        + "\(preview.unchanged) inchangés. Confirmez-le avant "
                        + (preview.expiresAt.map(CandidateLabels.clockTime) ?? "une heure")
                        + ", après quoi il faudra envoyer le fichier de nouveau."
                }
            }
        }
        if !preview.inserted.isEmpty {
            insertedTable(preview.inserted, reference: reference)
        }
        if !preview.updated.isEmpty {
            updatedTable(preview.updated)
        }
        if preview.unchanged > 0 {
            p { French.count(preview.unchanged, "candidat") + " du fichier restent inchangés." }
        }
    }
}

private func insertedTable(_ rows: [ParsedCandidate], reference: ReferenceData) -> Node {
    let listed = rows.prefix(importPreviewListLimit)
    return div {
        h2 { "Candidats à créer : \(rows.count)" }
        if rows.count > listed.count {
            p { "Les \(listed.count) premiers sont listés." }
        }
        dataTable(caption: "Candidats que l’import créera") {
            thead {
                tr {
                    th(scope: .col) { "Ligne" }
                    th(scope: .col) { "Identifiant" }
                    th(scope: .col) { "Candidat" }
                    th(scope: .col) { "Diplôme" }
                    th(scope: .col) { "Voie" }
                    th(scope: .col) { "Territoire" }
                }
            }
            tbody {
                for row in listed {
                    tr {
                        td { String(row.line) }
                        td { row.candidate.id }
                        td { CandidateText.fullName(row.candidate) }
                        td { row.candidate.diploma.rawValue }
                        td { CandidateLabels.route(row.candidate.route) }
                        td {
                            CandidateLabels.territory(
                                row.candidate.territory,
                                reference: reference
                            )
                        }
                    }
                }
            }
        }
    }
}

private func updatedTable(_ rows: [ImportPreview.Update]) -> Node {
    let listed = rows.prefix(importPreviewListLimit)
    return div {
        h2 { "Candidats à modifier : \(rows.count)" }
        if rows.count > listed.count {
            p { "Les \(listed.count) premiers sont listés." }
        }
        dataTable(caption: "Candidats que l’import modifiera") {
            thead {
                tr {
                    th(scope: .col) { "Ligne" }
                    th(scope: .col) { "Identifiant" }
                    th(scope: .col) { "Candidat" }
                    th(scope: .col) { "Changements" }
                }
            }
            tbody {
                for row in listed {
                    tr {
                        td { String(row.line) }
                        td { a(href: Paths.candidate(row.candidate.id)) { row.candidate.id } }
                        td { CandidateText.fullName(row.candidate) }
                        td { changeList(row.changes) }
                    }
                }
            }
        }
    }
}
