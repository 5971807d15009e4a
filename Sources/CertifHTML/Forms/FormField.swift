/// The state of one form field as a page shows it: its label and hint, the value typed and the
/// error found when the form was posted.
///
/// The form helpers render it as DSFR lays out a field. The error is a French sentence written
/// right under the control, and the control's `aria-describedby` points to it so that a screen
/// reader reads it with the label.
public struct FormField: Sendable, Equatable {
    /// The control's `name`, which is the key of the value in the posted form.
    public var name: String
    public var label: String
    /// The value typed or chosen, shown again when the form comes back with errors. A password
    /// field never shows it.
    public var value: String
    /// A help text shown under the label, such as the expected format.
    public var hint: String?
    /// The error message, in French, or nil when the value is valid.
    public var error: String?
    /// The control's `id`, which the label's `for` and the error's `id` are built from.
    public var id: String
    public var isRequired: Bool

    /// Creates a field. Without an `id`, the id is `champ-` followed by `name` with every
    /// character other than an ASCII letter, digit, `-` or `_` replaced by `-`.
    public init(
        name: String,
        label: String,
        value: String = "",
        hint: String? = nil,
        error: String? = nil,
        id: String? = nil,
        isRequired: Bool = false
    ) {
        self.name = name
        self.label = label
        self.value = value
        self.hint = hint
        self.error = error
        self.id = id ?? FormField.defaultID(forName: name)
        self.isRequired = isRequired
    }

    /// The `id` of the paragraph that shows the error.
    public var errorID: String {
        id + "-erreur"
    }

    static func defaultID(forName name: String) -> String {
        var id = "champ-"
        for scalar in name.unicodeScalars {
            let isKept =
                scalar.isASCII
                && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                    || scalar == "-" || scalar == "_")
            id.unicodeScalars.append(isKept ? scalar : "-")
        }
        return id
    }
}

/// One choice of a `selectField`.
public struct SelectOption: Sendable, Equatable {
    /// The value posted when the option is chosen.
    public var value: String
    /// The text shown.
    public var label: String

    public init(value: String, label: String) {
        self.value = value
        self.label = label
    }
}
