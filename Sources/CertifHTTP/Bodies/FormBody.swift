import Foundation

/// The fields of an `application/x-www-form-urlencoded` body or query string, in order, with
/// repeated names kept.
///
/// The format is the one of the WHATWG URL standard: `&` separates fields, the first `=` of a
/// field separates its name from its value, `+` is a space and `%XY` is the byte 0xXY. The
/// decoded bytes must be UTF-8. Empty fields (`a=1&&b=2`) are skipped, and a field without
/// `=` has an empty value.
public struct FormBody: Sendable, Equatable {
    /// One name and value of a form or a query string, both decoded.
    public struct Field: Sendable, Hashable {
        public var name: String
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    public var fields: [Field]

    public init(fields: [Field] = []) {
        self.fields = fields
    }

    /// The fields that `parse` accepts before it throws `tooManyFields`.
    public static let defaultMaximumFieldCount = 1000

    /// Parses `body`, throwing for an invalid percent escape, bytes that are not UTF-8 once
    /// decoded, or more than `maximumFieldCount` fields.
    public static func parse(
        _ body: Data,
        maximumFieldCount: Int = defaultMaximumFieldCount
    ) throws(BodyParseError) -> FormBody {
        try parse(bytes: Array(body), maximumFieldCount: maximumFieldCount)
    }

    /// Parses a query string, the part of a request target after `?`.
    public static func parse(
        query: Substring,
        maximumFieldCount: Int = defaultMaximumFieldCount
    ) throws(BodyParseError) -> FormBody {
        try parse(bytes: Array(query.utf8), maximumFieldCount: maximumFieldCount)
    }

    static func parse(bytes: [UInt8], maximumFieldCount: Int) throws(BodyParseError) -> FormBody {
        var fields: [Field] = []
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "&")) ?? bytes.count
            if end > start {
                guard fields.count < maximumFieldCount else {
                    throw BodyParseError(
                        code: .tooManyFields,
                        message: "the form has more than \(maximumFieldCount) fields; field "
                            + "\(maximumFieldCount + 1) starts at byte offset \(start)",
                        offset: start
                    )
                }
                let field = bytes[start..<end]
                let equals = field.firstIndex(of: UInt8(ascii: "="))
                let name = try decodedText(field[..<(equals ?? end)], part: "name")
                let value = try equals.map { index throws(BodyParseError) in
                    try decodedText(field[(index + 1)...], part: "value")
                }
                fields.append(Field(name: name, value: value ?? ""))
            }
            start = end + 1
        }
        return FormBody(fields: fields)
    }

    private static func decodedText(
        _ bytes: ArraySlice<UInt8>,
        part: String
    ) throws(BodyParseError) -> String {
        let decoded = try percentDecoded(bytes, plusAsSpace: true)
        guard let text = String(validating: decoded, as: UTF8.self) else {
            throw BodyParseError(
                code: .invalidUTF8,
                message: "the field \(part) at byte offset \(bytes.startIndex) is not valid "
                    + "UTF-8 once decoded",
                offset: bytes.startIndex
            )
        }
        return text
    }

    /// The value of the first field named `name`.
    public subscript(name: String) -> String? {
        fields.first { $0.name == name }?.value
    }

    /// The values of every field named `name`, in order.
    public func values(for name: String) -> [String] {
        fields.filter { $0.name == name }.map(\.value)
    }
}
