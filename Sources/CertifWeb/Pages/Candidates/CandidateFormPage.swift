import CertifDomain
import CertifHTML
import CertifHTTP
import CertifImport
import CertifServices

/// The candidate form, to create a candidate or edit one: the values typed, and each error
/// next to its field.
struct CandidateFormState {
    /// The candidate edited, or nil for a new one.
    var editedID: String?
    var values: CandidateFormValues
    /// French messages by field name, the columns' raw values.
    var errors: [String: String] = [:]
    /// The territories that the territory list offers.
    var territories: [TerritoryCode]

    /// Returns the values of the fields of a posted form, named after the columns.
    static func values(of posted: PostedForm) -> CandidateFormValues {
        var values = CandidateFormValues()
        for column in CandidateColumn.allCases {
            values[column] = posted[column.rawValue] ?? ""
        }
        return values
    }

    var action: String {
        editedID.map { Paths.candidate($0) + "/modifier" } ?? "/candidats/nouveau"
    }
}

/// Builds the page of the candidate form, for a new candidate or an edited one.
func candidateFormPage(
    _ context: WebContext,
    _ state: CandidateFormState,
    status: HTTPStatus = .ok
) throws -> HTTPResponse {
    let title = state.editedID == nil ? "Nouveau candidat" : "Modifier le candidat"
    let reference = context.reference
    let form = try context.postForm(action: state.action, .novalidate) {
        identityFieldset(state)
        routeFieldset(state, reference: reference)
        datesFieldset(state)
        ul(.class("fr-btns-group", "fr-btns-group--inline-md")) {
            li {
                button(type: .submit, .class("fr-btn")) {
                    state.editedID == nil ? "Créer le candidat" : "Enregistrer les modifications"
                }
            }
            li {
                a(
                    href: state.editedID.map(Paths.candidate) ?? "/candidats",
                    .class("fr-btn", "fr-btn--secondary")
                ) { "Annuler" }
            }
        }
    }
    return try context.page(title: title, status: status) {
        h1 { title }
        if let id = state.editedID {
            p { "Identifiant : " + id + ". Il ne change pas." }
        }
        if !state.errors.isEmpty {
            errorSummary(state.errors)
        }
        p(.class("fr-text--sm")) {
            "Les champs marqués d’un astérisque sont obligatoires. Les valeurs sont vérifiées "
                + "comme celles d’un fichier importé."
        }
        form
    }
}

/// Builds the list of the fields in error at the top of the form, each a link to its field.
private func errorSummary(_ errors: [String: String]) -> Node {
    let columns = CandidateColumn.allCases.filter { errors[$0.rawValue] != nil }
    return div(
        .class("fr-alert", "fr-alert--error", "fr-mb-3w"),
        .role("alert")
    ) {
        h2(.class("fr-alert__title")) {
            "Le candidat n’a pas été enregistré : "
                + (errors.count == 1
                    ? "un champ est à corriger." : "\(errors.count) champs sont à corriger.")
        }
        ul {
            for column in columns {
                li {
                    a(href: "#" + FormField(name: column.rawValue, label: "").id) {
                        CandidateLabels.column(column)
                    }
                }
            }
        }
    }
}

private func field(
    _ state: CandidateFormState,
    _ column: CandidateColumn,
    hint: String? = nil
) -> FormField {
    FormField(
        name: column.rawValue,
        label: CandidateLabels.column(column) + (column.isRequired ? " *" : ""),
        value: state.values[column],
        hint: hint,
        error: state.errors[column.rawValue],
        isRequired: column.isRequired
    )
}

private func identityFieldset(_ state: CandidateFormState) -> Node {
    fieldset(.class("fr-fieldset")) {
        legend(.class("fr-fieldset__legend")) { "Identité" }
        if state.editedID == nil {
            div(.class("fr-fieldset__element")) {
                inputField(
                    field(
                        state,
                        .identifier,
                        hint: "Lettres, chiffres, espaces et signes - _ . / ; 64 caractères au "
                            + "plus, unique parmi les candidats."
                    ),
                    .maxlength(CandidateColumn.identifier.maximumLength)
                )
            }
        }
        div(.class("fr-fieldset__element")) {
            inputField(field(state, .birthName), .autocomplete("off"))
        }
        div(.class("fr-fieldset__element")) {
            inputField(field(state, .usageName), .autocomplete("off"))
        }
        div(.class("fr-fieldset__element")) {
            inputField(field(state, .givenNames), .autocomplete("off"))
        }
        div(.class("fr-fieldset__element")) {
            inputField(
                field(state, .birthDate, hint: "Au format JJ/MM/AAAA, par exemple 14/03/1979."),
                .autocomplete("off")
            )
        }
    }
}

private func routeFieldset(_ state: CandidateFormState, reference: ReferenceData) -> Node {
    fieldset(.class("fr-fieldset")) {
        legend(.class("fr-fieldset__legend")) { "Parcours" }
        div(.class("fr-fieldset__element")) {
            selectField(
                field(state, .diploma),
                options: reference.diplomas.map {
                    SelectOption(
                        value: $0.code.rawValue,
                        label: CandidateLabels.diploma($0.code, reference: reference)
                    )
                }
            )
        }
        div(.class("fr-fieldset__element")) {
            selectField(
                field(state, .route),
                options: [
                    SelectOption(value: AccessRoute.vae.rawValue, label: "VAE"),
                    SelectOption(value: AccessRoute.training.rawValue, label: "Formation"),
                ]
            )
        }
        div(.class("fr-fieldset__element")) {
            selectField(
                field(state, .territory),
                options: state.territories.map {
                    SelectOption(
                        value: $0.rawValue,
                        label: CandidateLabels.territory($0, reference: reference)
                    )
                },
                placeholder: state.territories.count == 1 ? nil : "Sélectionner un territoire"
            )
        }
    }
}

private func datesFieldset(_ state: CandidateFormState) -> Node {
    fieldset(.class("fr-fieldset")) {
        legend(.class("fr-fieldset__legend")) { "Dates et conditions d’examen" }
        div(.class("fr-fieldset__element")) {
            inputField(
                field(
                    state,
                    .availableFrom,
                    hint: "Dépôt du dossier de validation pour la VAE, fin de la formation "
                        + "sinon. Au format JJ/MM/AAAA."
                )
            )
        }
        div(.class("fr-fieldset__element")) {
            inputField(
                field(
                    state,
                    .deadline,
                    hint: "À laisser vide pour que Certif la calcule d’après les paramètres. "
                        + "Au format JJ/MM/AAAA."
                )
            )
        }
        div(.class("fr-fieldset__element")) {
            selectField(
                field(state, .remote),
                options: [
                    SelectOption(value: "oui", label: "Oui"),
                    SelectOption(value: "non", label: "Non"),
                ],
                placeholder: nil
            )
        }
        div(.class("fr-fieldset__element")) {
            inputField(
                field(
                    state,
                    .extraTime,
                    hint: "Pourcentage entier de 0 à 100 ; 0 ou vide s’il n’y en a pas."
                ),
                .inputmode("numeric")
            )
        }
    }
}
