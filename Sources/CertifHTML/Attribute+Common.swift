// The attributes that the pages and documents use, so that a call site reads `.id("contenu")`
// rather than `Attribute("id", "contenu")`.
extension Attribute {
    public static func id(_ id: String) -> Attribute {
        Attribute("id", id)
    }

    /// A `class` attribute with the names joined by spaces. Empty names are skipped, and an
    /// element given several `class` attributes gets one with all their names.
    public static func `class`(_ names: String...) -> Attribute {
        `class`(names)
    }

    public static func `class`(_ names: [String]) -> Attribute {
        Attribute("class", names.filter { !$0.isEmpty }.joined(separator: " "))
    }

    public static func title(_ title: String) -> Attribute {
        Attribute("title", title)
    }

    /// The language of the element's text as a BCP 47 tag, such as `fr` or `en`.
    public static func lang(_ language: String) -> Attribute {
        Attribute("lang", language)
    }

    public static func role(_ role: String) -> Attribute {
        Attribute("role", role)
    }

    public static func name(_ name: String) -> Attribute {
        Attribute("name", name)
    }

    public static func value(_ value: String) -> Attribute {
        Attribute("value", value)
    }

    public static func placeholder(_ text: String) -> Attribute {
        Attribute("placeholder", text)
    }

    /// An `autocomplete` token such as `username`, `current-password`, `email` or `off`.
    public static func autocomplete(_ token: String) -> Attribute {
        Attribute("autocomplete", token)
    }

    /// An `href`, checked by `URLSafety`.
    public static func href(_ url: String) -> Attribute {
        Attribute("href", url)
    }

    /// A `src`, checked by `URLSafety`.
    public static func src(_ url: String) -> Attribute {
        Attribute("src", url)
    }

    /// A form's `action`, checked by `URLSafety`.
    public static func action(_ url: String) -> Attribute {
        Attribute("action", url)
    }

    public static func rel(_ relation: String) -> Attribute {
        Attribute("rel", relation)
    }

    public static func tabindex(_ index: Int) -> Attribute {
        Attribute("tabindex", String(index))
    }

    public static func colspan(_ count: Int) -> Attribute {
        Attribute("colspan", String(count))
    }

    public static func rowspan(_ count: Int) -> Attribute {
        Attribute("rowspan", String(count))
    }

    public static func min(_ value: String) -> Attribute {
        Attribute("min", value)
    }

    public static func max(_ value: String) -> Attribute {
        Attribute("max", value)
    }

    public static func step(_ value: String) -> Attribute {
        Attribute("step", value)
    }

    /// The maximum length of a text field's value, in UTF-16 code units as the browser counts
    /// them.
    public static func maxlength(_ length: Int) -> Attribute {
        Attribute("maxlength", String(length))
    }

    /// A regular expression that the whole value of a text field must match.
    public static func pattern(_ expression: String) -> Attribute {
        Attribute("pattern", expression)
    }

    /// The virtual keyboard to show: `numeric`, `decimal`, `tel`, `email` …
    public static func inputmode(_ mode: String) -> Attribute {
        Attribute("inputmode", mode)
    }

    /// The file types that a file input offers, as MIME types or extensions (`.csv,text/csv`).
    public static func accept(_ types: String) -> Attribute {
        Attribute("accept", types)
    }

    /// An `aria-*` attribute. `name` is the part after `aria-`, such as `describedby` or
    /// `current`.
    public static func aria(_ name: String, _ value: String) -> Attribute {
        Attribute("aria-" + name, value)
    }

    /// A `data-*` attribute. `name` is the part after `data-`, in lowercase.
    public static func data(_ name: String, _ value: String) -> Attribute {
        Attribute("data-" + name, value)
    }
}

// Boolean attributes: each is a property for the plain case (`.required`) and a function for a
// condition (`.required(field.isRequired)`).
extension Attribute {
    public static let disabled = boolean("disabled")
    public static let required = boolean("required")
    public static let readonly = boolean("readonly")
    public static let checked = boolean("checked")
    public static let selected = boolean("selected")
    public static let multiple = boolean("multiple")
    public static let hidden = boolean("hidden")
    public static let open = boolean("open")
    public static let novalidate = boolean("novalidate")
    public static let autofocus = boolean("autofocus")

    public static func disabled(_ isPresent: Bool) -> Attribute {
        boolean("disabled", isPresent)
    }

    public static func required(_ isPresent: Bool) -> Attribute {
        boolean("required", isPresent)
    }

    public static func readonly(_ isPresent: Bool) -> Attribute {
        boolean("readonly", isPresent)
    }

    public static func checked(_ isPresent: Bool) -> Attribute {
        boolean("checked", isPresent)
    }

    public static func selected(_ isPresent: Bool) -> Attribute {
        boolean("selected", isPresent)
    }

    public static func multiple(_ isPresent: Bool) -> Attribute {
        boolean("multiple", isPresent)
    }

    public static func hidden(_ isPresent: Bool) -> Attribute {
        boolean("hidden", isPresent)
    }

    public static func open(_ isPresent: Bool) -> Attribute {
        boolean("open", isPresent)
    }
}
