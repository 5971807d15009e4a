// Forms and their controls.

/// The HTTP method of a form. Every form that changes data uses `post`.
public enum FormMethod: String, Sendable {
    case get
    case post
}

/// The `type` of an `input` element.
public enum InputType: String, Sendable {
    case text
    case email
    case password
    case hidden
    case number
    case date
    case time
    case datetimeLocal = "datetime-local"
    case search
    case tel
    case url
    case checkbox
    case radio
    case file
}

/// The `type` of a `button` element.
public enum ButtonType: String, Sendable {
    /// Submits the form.
    case submit
    /// Does nothing without script.
    case button
    /// Resets the form's fields to their initial values.
    case reset
}

/// Builds a form posted to `action`, checked by `URLSafety`. A form with a file input also
/// needs `.multipartFormData`.
public func form(
    action: String,
    method: FormMethod = .post,
    _ attributes: Attribute...,
    @NodeBuilder content: () -> [Node]
) -> Node {
    .element(
        "form",
        [.action(action), Attribute("method", method.rawValue)] + attributes,
        content()
    )
}

extension Attribute {
    /// The `enctype` of a form that uploads a file.
    public static let multipartFormData = Attribute("enctype", "multipart/form-data")
}

/// Builds a label for the control whose `id` is `controlID`.
public func label(
    for controlID: String,
    _ attributes: Attribute...,
    @NodeBuilder content: () -> [Node]
) -> Node {
    .element("label", [Attribute("for", controlID)] + attributes, content())
}

public func input(type: InputType, _ attributes: Attribute...) -> Node {
    .voidElement("input", [Attribute("type", type.rawValue)] + attributes)
}

/// Builds a drop-down list, whose children are `option` elements.
public func select(
    name: String,
    _ attributes: Attribute...,
    @NodeBuilder content: () -> [Node]
) -> Node {
    .element("select", [.name(name)] + attributes, content())
}

/// Builds one choice of a `select`, which shows `text` and submits `value`.
public func option(
    _ text: String,
    value: String,
    selected isSelected: Bool = false,
    _ attributes: Attribute...
) -> Node {
    .element("option", [.value(value), .selected(isSelected)] + attributes, [.text(text)])
}

/// Builds a multi-line text field that shows `text`.
public func textarea(name: String, text: String = "", _ attributes: Attribute...) -> Node {
    // The HTML parser drops one line break right after `<textarea>`, so a text that starts with
    // a line break gets one more to keep its own.
    let content = text.hasPrefix("\n") || text.hasPrefix("\r") ? "\n" + text : text
    return .element("textarea", [.name(name)] + attributes, [.text(content)])
}

public func button(
    type: ButtonType,
    _ attributes: Attribute...,
    @NodeBuilder content: () -> [Node]
) -> Node {
    .element("button", [Attribute("type", type.rawValue)] + attributes, content())
}

/// Builds a group of related controls, whose first child should be `legend`.
public func fieldset(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    .element("fieldset", attributes, content())
}

public func legend(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    .element("legend", attributes, content())
}
