import CertifHTML

/// One checkbox or radio button of a group of choices.
struct Choice {
    var value: String
    var label: String
    var isChecked: Bool
}

/// Builds a DSFR group of radio buttons (`type: .radio`) or checkboxes (`type: .checkbox`)
/// that share the field name `name`, in a `fieldset` whose legend is `legend`.
///
/// Each control's id is `idPrefix` and the choice's value. An error puts the fieldset in its
/// error state and writes the message under the choices, and the fieldset's
/// `aria-labelledby` reads it with the legend.
func choiceFieldset(
    name: String,
    legend legendText: String,
    hint: String? = nil,
    type: InputType,
    choices: [Choice],
    idPrefix: String,
    error: String?,
    inline: Bool = false
) -> Node {
    let legendID = idPrefix + "-legende"
    let messagesID = idPrefix + "-messages"
    let groupClass = type == .radio ? "fr-radio-group" : "fr-checkbox-group"
    var fieldsetClasses = ["fr-fieldset"]
    if error != nil {
        fieldsetClasses.append("fr-fieldset--error")
    }
    let labelledBy = error == nil ? legendID : legendID + " " + messagesID
    return fieldset(
        .class(fieldsetClasses),
        .id(idPrefix),
        .aria("labelledby", labelledBy)
    ) {
        legend(.class("fr-fieldset__legend", "fr-fieldset__legend--regular"), .id(legendID)) {
            legendText
            if let hint {
                span(.class("fr-hint-text")) { hint }
            }
        }
        for choice in choices {
            div(.class("fr-fieldset__element", inline ? "fr-fieldset__element--inline" : "")) {
                div(.class(groupClass)) {
                    input(
                        type: type,
                        .id(idPrefix + "-" + choice.value),
                        .name(name),
                        .value(choice.value),
                        .checked(choice.isChecked)
                    )
                    label(for: idPrefix + "-" + choice.value, .class("fr-label")) {
                        choice.label
                    }
                }
            }
        }
        div(.class("fr-messages-group"), .id(messagesID), .aria("live", "polite")) {
            if let error {
                p(.class("fr-message", "fr-message--error")) { error }
            }
        }
    }
}

/// Builds the alert that opens a form sent back with errors.
func formErrorSummary(_ message: String) -> Node {
    div(.class("fr-alert", "fr-alert--error", "fr-alert--sm", "fr-mb-3w"), .role("alert")) {
        p { message }
    }
}
