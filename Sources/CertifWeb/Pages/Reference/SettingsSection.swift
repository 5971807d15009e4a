import CertifHTML
import CertifServices

/// Builds the section of the settings in effect, each with its key, value and meaning,
/// then the form that changes them.
func settingsSection(
    _ context: WebContext,
    overview: ReferenceOverview,
    form: SettingsFormState?
) throws -> Node {
    let rows = overview.settings
    let errors = form?.errors ?? [:]
    let settingsForm = try context.postForm(action: "/referentiel/reglages") {
        if !errors.isEmpty {
            formErrorSummary(
                "Les réglages n’ont pas été enregistrés : corrigez les champs signalés."
            )
        }
        for row in rows {
            settingField(row, typed: form?.values[row.key], error: errors[row.key])
        }
        button(type: .submit, .class("fr-btn")) { "Enregistrer les réglages" }
    }
    return section(.id("reglages"), .class("fr-mb-6w")) {
        h2 { "Réglages de la planification" }
        p {
            "Les valeurs que les règles appliquent. Une modification s’applique au prochain "
                + "plan et aux dates limites affichées."
        }
        dataTable(caption: "Réglages en vigueur") {
            thead {
                tr {
                    th(scope: .col) { "Clé" }
                    th(scope: .col) { "Valeur" }
                    th(scope: .col) { "Signification" }
                }
            }
            tbody {
                for row in rows {
                    tr {
                        th(scope: .row) { code { row.key } }
                        td { valueText(row) }
                        td { row.meaning }
                    }
                }
            }
        }
        details(.id("reglages-formulaire"), .open(form != nil)) {
            summary { "Modifier les réglages" }
            div(.class("fr-p-2w")) { settingsForm }
        }
    }
}

private func settingField(_ row: SettingRow, typed: String?, error: String?) -> Node {
    let field = FormField(
        name: row.key,
        label: row.meaning,
        value: typed ?? row.value,
        hint: "Clé " + row.key + " : " + row.format + ".",
        error: error,
        id: "reglage-" + row.key,
        isRequired: true
    )
    switch row.input {
    case .integer:
        return inputField(field, .inputmode("numeric"), .autocomplete("off"))
    case .clock:
        return inputField(field, type: .time)
    case .choice(let choices):
        return selectField(
            field,
            options: choices.map { SelectOption(value: $0.value, label: $0.label) },
            placeholder: nil
        )
    case .text:
        return inputField(field, .autocomplete("off"))
    }
}

/// Returns the value as the table shows it: a choice by its label, the pooling policy "all"
/// in words.
private func valueText(_ row: SettingRow) -> String {
    switch row.input {
    case .choice(let choices):
        return choices.first { $0.value == row.value }?.label ?? row.value
    case .text where row.key == "pooling" && row.value == "all":
        return "all : chaque organisateur accepte tous les autres territoires"
    default:
        return row.value
    }
}
