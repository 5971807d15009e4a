import Foundation

extension CivilDate: CustomStringConvertible, Codable {
    /// Parses `AAAA-MM-JJ` (ISO 8601) or `JJ/MM/AAAA` (French), the two forms that users type and
    /// that spreadsheets export. Returns nil for any other text or for a day that does not exist.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let date = CivilDate.parse(trimmed, separator: "-", order: .yearFirst) {
            self = date
        } else if let date = CivilDate.parse(trimmed, separator: "/", order: .dayFirst) {
            self = date
        } else {
            return nil
        }
    }

    /// The ISO 8601 form, `2025-03-15`, used in files and the command line.
    public var iso: String {
        "\(CivilDate.pad(year, 4))-\(CivilDate.pad(month, 2))-\(CivilDate.pad(day, 2))"
    }

    /// The French form, `15/03/2025`, used in pages, documents and CSV exports.
    public var french: String {
        "\(CivilDate.pad(day, 2))/\(CivilDate.pad(month, 2))/\(CivilDate.pad(year, 4))"
    }

    public var description: String { iso }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CivilDate(parsing: text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "invalid date '\(text)': expected AAAA-MM-JJ or JJ/MM/AAAA"
            )
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }

    private enum FieldOrder { case yearFirst, dayFirst }

    private static func parse(
        _ text: String,
        separator: Character,
        order: FieldOrder
    )
        -> CivilDate?
    {
        let parts = text.split(separator: separator, omittingEmptySubsequences: false)
        // Each part must be ASCII digits, because Int(_:) also accepts a sign ("+5/03/2025").
        let asciiDigits = UInt8(ascii: "0")...UInt8(ascii: "9")
        guard parts.count == 3,
            parts.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy(asciiDigits.contains) })
        else { return nil }
        guard let first = Int(parts[0]), let second = Int(parts[1]), let third = Int(parts[2])
        else { return nil }
        switch order {
        case .yearFirst:
            guard parts[0].count == 4, parts[1].count <= 2, parts[2].count <= 2 else { return nil }
            return CivilDate(year: first, month: second, day: third)
        case .dayFirst:
            guard parts[2].count == 4, parts[0].count <= 2, parts[1].count <= 2 else { return nil }
            return CivilDate(year: third, month: second, day: first)
        }
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
