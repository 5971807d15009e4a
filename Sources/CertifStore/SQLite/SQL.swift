/// SQL text and the values bound to its placeholders.
///
/// A string literal becomes SQL as written, and each interpolated value becomes a `?`
/// placeholder with the value bound to it, so `"SELECT * FROM candidates WHERE id = \(id)"`
/// never puts `id` into the SQL text. Text built at run time needs the visible
/// `SQL(raw:)` label, because it bypasses that protection.
public struct SQL: Sendable, Hashable, ExpressibleByStringInterpolation {
    /// The SQL text, with a `?` for each bound value.
    public private(set) var text: String
    public private(set) var bindings: [SQLValue]

    public init(stringLiteral value: String) {
        text = value
        bindings = []
    }

    public init(stringInterpolation: Interpolation) {
        text = stringInterpolation.text
        bindings = stringInterpolation.bindings
    }

    /// Wraps SQL text built at run time. The caller must make sure that it contains no value
    /// from outside the program, since SQLite would parse such a value as SQL.
    public init(raw text: String) {
        self.text = text
        bindings = []
    }

    init(text: String, bindings: [SQLValue]) {
        self.text = text
        self.bindings = bindings
    }

    /// Joins `fragments` with `separator`, a piece of SQL written in the program, keeping
    /// every fragment's bound values in order.
    static func joined(_ fragments: [SQL], separator: StaticString) -> SQL {
        var joined = SQL(text: "", bindings: [])
        for (index, fragment) in fragments.enumerated() {
            if index > 0 {
                joined.text += "\(separator)"
            }
            joined.text += fragment.text
            joined.bindings += fragment.bindings
        }
        return joined
    }

    public struct Interpolation: StringInterpolationProtocol {
        var text = ""
        var bindings: [SQLValue] = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            text.reserveCapacity(literalCapacity + interpolationCount)
        }

        public mutating func appendLiteral(_ literal: String) {
            text += literal
        }

        /// Appends a `?` placeholder and binds `value` to it.
        public mutating func appendInterpolation(_ value: some SQLValueConvertible) {
            text += "?"
            bindings.append(value.sqlValue)
        }

        /// Appends a `?` placeholder and binds `value` to it, or NULL when it is nil.
        public mutating func appendInterpolation(_ value: (some SQLValueConvertible)?) {
            text += "?"
            bindings.append(value?.sqlValue ?? .null)
        }

        /// Appends another fragment with its own bound values.
        public mutating func appendInterpolation(_ fragment: SQL) {
            text += fragment.text
            bindings += fragment.bindings
        }
    }
}
