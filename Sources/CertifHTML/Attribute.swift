/// An HTML attribute: a checked name and a value that is escaped when rendered.
///
/// The names are code, never data. The initializer stops the program on a name that could
/// run script or change the page's style, so a mistake shows in the first test that renders
/// the page. The values of URL attributes (`href`, `src`, `action` …) go through
/// `URLSafety.sanitized(_:)`, which replaces a `javascript:` URL or any other scheme that is
/// not allowed with an inert URL.
public struct Attribute: Sendable, Equatable {
    /// The name, in lowercase ASCII.
    public let name: String
    /// The value, unescaped, or nil for a boolean attribute written without a value.
    public let value: String?
    /// Whether the attribute is written. A boolean helper called with `false` gives an omitted
    /// attribute, so that a condition reads `.checked(isChecked)`.
    let isOmitted: Bool

    /// Creates an attribute, with nil as the value of a boolean attribute.
    ///
    /// `name` must start with a lowercase ASCII letter and continue with lowercase ASCII
    /// letters, digits or hyphens. Event handlers (`on…`), `style`, `srcset` and `http-equiv`
    /// are rejected as well, because the pages run under a Content Security Policy without
    /// inline script or style and the module cannot check the URLs that they contain.
    public init(_ name: String, _ value: String?) {
        guard Self.isAllowedName(name) else {
            preconditionFailure(
                "Invalid HTML attribute name \"\(name)\": use lowercase ASCII letters, digits "
                    + "and hyphens, starting with a letter, and no event handler (on…), style, "
                    + "srcset or http-equiv."
            )
        }
        self.name = name
        if let value, Self.urlAttributeNames.contains(name) {
            self.value = URLSafety.sanitized(value)
        } else {
            self.value = value
        }
        self.isOmitted = false
    }

    private init(omitted name: String) {
        self.name = name
        self.value = nil
        self.isOmitted = true
    }

    /// Builds a boolean attribute, written when `isPresent` is true and left out otherwise. The
    /// name is checked in both cases.
    public static func boolean(_ name: String, _ isPresent: Bool = true) -> Attribute {
        let attribute = Attribute(name, nil)
        return isPresent ? attribute : Attribute(omitted: name)
    }

    /// The attributes whose value is a URL, which `URLSafety` checks.
    static let urlAttributeNames: Set<String> = [
        "action", "background", "cite", "data", "formaction", "href", "longdesc", "manifest",
        "ping", "poster", "src",
    ]

    private static let rejectedNames: Set<String> = ["style", "srcset", "http-equiv"]

    /// Whether `name` matches `[a-z][a-z0-9-]*` and is neither an event handler nor one of the
    /// rejected names.
    static func isAllowedName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard let first = bytes.first, isLowercaseLetter(first) else { return false }
        for byte in bytes.dropFirst() {
            guard isLowercaseLetter(byte) || isDigit(byte) || byte == UInt8(ascii: "-") else {
                return false
            }
        }
        return !name.hasPrefix("on") && !rejectedNames.contains(name)
    }

    private static func isLowercaseLetter(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// Drops omitted attributes, joins the values of repeated `class` attributes with a space
    /// and keeps the first of any other repeated name, as a browser would. The first
    /// occurrence of each name keeps its place, so the order stays as given.
    static func merged(_ attributes: [Attribute]) -> [Attribute] {
        var result: [Attribute] = []
        result.reserveCapacity(attributes.count)
        for attribute in attributes where !attribute.isOmitted {
            guard let index = result.firstIndex(where: { $0.name == attribute.name }) else {
                result.append(attribute)
                continue
            }
            if attribute.name == "class", let added = attribute.value, !added.isEmpty {
                let existing = result[index].value ?? ""
                let joined = existing.isEmpty ? added : existing + " " + added
                result[index] = Attribute("class", joined)
            }
        }
        return result
    }
}
