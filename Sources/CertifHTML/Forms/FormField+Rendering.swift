// The DSFR markup of form fields. A field in error gets the `--error` modifier on its group,
// `aria-invalid` and `aria-describedby` on its control, and a `fr-error-text` paragraph after
// the control.

/// The name of the hidden field that carries the CSRF token in every form that is posted.
public let csrfFieldName = "csrf_token"

/// Builds the hidden input that carries the CSRF token, named `csrfFieldName`. Every form posted to
/// the server must contain one.
public func csrfInput(token: String) -> Node {
    input(type: .hidden, .name(csrfFieldName), .value(token))
}

// In each helper, `controlAttributes` (`.autocomplete`, `.maxlength`, `.placeholder` …) go on
// the control, after the helper's own. A repeated name keeps the helper's value, except `class`,
// whose names are joined.

/// Builds a labelled input in a `fr-input-group`, with the field's hint, value and error.
///
/// The value is written back in the input, except for a password, which is never sent back to
/// the browser.
public func inputField(
    _ field: FormField,
    type: InputType = .text,
    _ controlAttributes: Attribute...
) -> Node {
    var attributes: [Attribute] = [
        Attribute("type", type.rawValue),
        .class("fr-input", field.error == nil ? "" : "fr-input--error"),
        .id(field.id),
        .name(field.name),
    ]
    if type != .password {
        attributes.append(.value(field.value))
    }
    attributes.append(.required(field.isRequired))
    let control = Node.voidElement("input", attributes + controlAttributes)
    return fieldGroup(field, groupClass: "fr-input-group", control: control)
}

/// Builds a labelled multi-line text field in a `fr-input-group`, with the field's hint, value
/// and error.
public func textareaField(
    _ field: FormField,
    rows: Int = 5,
    _ controlAttributes: Attribute...
) -> Node {
    let attributes: [Attribute] = [
        .class("fr-input", field.error == nil ? "" : "fr-input--error"),
        .id(field.id),
        Attribute("rows", String(rows)),
        .required(field.isRequired),
    ]
    let control = textarea(name: field.name, text: field.value).addingAttributes(
        attributes + controlAttributes
    )
    return fieldGroup(field, groupClass: "fr-input-group", control: control)
}

/// Builds a labelled drop-down list in a `fr-select-group`, with the option whose value is the
/// field's value selected.
///
/// When `placeholder` is not nil, the list starts with an empty choice showing it, which is
/// selected when no option has the field's value. It stays selectable so that an optional
/// field can be emptied again.
public func selectField(
    _ field: FormField,
    options: [SelectOption],
    placeholder: String? = "Sélectionner une option",
    _ controlAttributes: Attribute...
) -> Node {
    let hasSelection = options.contains { $0.value == field.value }
    let attributes: [Attribute] = [
        .class("fr-select"),
        .id(field.id),
        .required(field.isRequired),
    ]
    let control = select(name: field.name) {
        if let placeholder {
            option(placeholder, value: "", selected: !hasSelection)
        }
        for choice in options {
            option(choice.label, value: choice.value, selected: choice.value == field.value)
        }
    }.addingAttributes(attributes + controlAttributes)
    return fieldGroup(field, groupClass: "fr-select-group", control: control)
}

/// Wraps `control` in the group `div` with the label, the hint and the error, and links the
/// control to the error.
private func fieldGroup(_ field: FormField, groupClass: String, control: Node) -> Node {
    var describedControl = control
    if field.error != nil {
        describedControl = control.addingAttributes([
            .aria("invalid", "true"),
            .aria("describedby", field.errorID),
        ])
    }
    let groupAttributes: [Attribute] = [
        .class(groupClass, field.error == nil ? "" : groupClass + "--error")
    ]
    return .element("div", groupAttributes) {
        label(for: field.id, .class("fr-label")) {
            field.label
            if let hint = field.hint {
                span(.class("fr-hint-text")) { hint }
            }
        }
        describedControl
        if let error = field.error {
            p(.id(field.errorID), .class("fr-error-text")) { error }
        }
    }
}
