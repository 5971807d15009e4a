/// A problem found in a candidate file: where it is, the value concerned and a French message
/// for the user.
public struct CandidateFileIssue: Sendable, Hashable, CustomStringConvertible {
    /// The kind of problem, stable across releases so that callers can branch on it.
    public var code: Code
    /// The 1-based physical line where the row starts, or 0 for the whole file. Issues about
    /// the header carry the header's line.
    public var line: Int
    /// The header name as written in the file, or nil when the issue concerns no single column.
    public var column: String?
    /// The value found, trimmed of surrounding spaces, or nil when no single value is at fault.
    public var value: String?
    /// French, for users: what is wrong and what is expected.
    public var message: String
    /// The row's identifier, when the row has a readable one.
    public var identifier: String?

    public init(
        code: Code,
        line: Int,
        column: String? = nil,
        value: String? = nil,
        message: String,
        identifier: String? = nil
    ) {
        self.code = code
        self.line = line
        self.column = column
        self.value = value
        self.message = message
        self.identifier = identifier
    }

    /// Returns the value as a person may read it on a terminal or a page: each control or format
    /// character written as its code (`<U+200B>`), and the text cut after `maxLength` Unicode
    /// scalars with "…". Nil when there is no value or it is empty.
    public func visibleValue(maxLength: Int = 80) -> String? {
        guard let value, !value.isEmpty else { return nil }
        var text = ""
        for scalar in value.unicodeScalars.prefix(maxLength) {
            let category = scalar.properties.generalCategory
            if scalar.value < 0x20 || scalar.value == 0x7F || category == .format
                || category == .lineSeparator || category == .paragraphSeparator
            {
                text += "<U+" + String(scalar.value, radix: 16, uppercase: true) + ">"
            } else {
                text.unicodeScalars.append(scalar)
            }
        }
        return value.unicodeScalars.count > maxLength ? text + "…" : text
    }

    /// The line, column and message. The value is left out because it may be a name or a birth
    /// date, so the description is safe to log.
    public var description: String {
        var location = line == 0 ? "fichier" : "ligne \(line)"
        if let column {
            location += ", colonne \(column)"
        }
        return "\(location) : \(message)"
    }
}

extension CandidateFileIssue {
    /// The kind of a candidate file issue, one constant per check that the reader makes.
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        public let rawValue: String

        public init(rawValue: String) { self.rawValue = rawValue }

        public var description: String { rawValue }

        // Issues about the whole file: no candidate is returned.

        /// The file is UTF-16 or UTF-32, which spreadsheets write as "Unicode text".
        public static let unsupportedEncoding = Code(rawValue: "unsupported-encoding")
        /// The file is not valid UTF-8 but contains valid UTF-8 sequences of two to four bytes,
        /// so some lines are UTF-8 and others Windows-1252. Read in either encoding, some of its
        /// accented letters would be garbled.
        public static let mixedEncoding = Code(rawValue: "mixed-encoding")
        /// The file contains NUL bytes or is a ZIP archive such as an .xlsx workbook.
        public static let notText = Code(rawValue: "not-text")
        public static let emptyFile = Code(rawValue: "empty-file")
        /// The file has a header line and no row below it.
        public static let noRows = Code(rawValue: "no-rows")
        public static let missingColumns = Code(rawValue: "missing-columns")
        /// Two header names match the same column.
        public static let duplicateColumn = Code(rawValue: "duplicate-column")

        // Issues about the layout of a row.

        /// A quoted value is never closed, so it runs to the end of the file.
        public static let unterminatedQuote = Code(rawValue: "unterminated-quote")
        /// A row has more or fewer fields than the header has columns.
        public static let wrongFieldCount = Code(rawValue: "wrong-field-count")

        // Issues about one value.

        public static let missingValue = Code(rawValue: "missing-value")
        public static let valueTooLong = Code(rawValue: "value-too-long")
        /// A value contains a character of Unicode category Cc (control), Cf (format, such as
        /// U+200B or U+202E), Zl (U+2028) or Zp (U+2029).
        public static let controlCharacter = Code(rawValue: "control-character")
        /// An identifier contains a character other than a letter, a decimal digit, a space and
        /// `-`, `_`, `.`, `/`, once put in Unicode normalization form C.
        public static let invalidIdentifier = Code(rawValue: "invalid-identifier")
        public static let unknownDiploma = Code(rawValue: "unknown-diploma")
        public static let invalidRoute = Code(rawValue: "invalid-route")
        /// The diploma has no exam format for the row's access route.
        public static let routeNotOffered = Code(rawValue: "route-not-offered")
        public static let unknownTerritory = Code(rawValue: "unknown-territory")
        /// The territory is one that Certif does not serve, such as New Caledonia.
        public static let excludedTerritory = Code(rawValue: "excluded-territory")
        /// A date whose form is valid but whose day does not exist, such as 31/02/2025.
        public static let nonexistentDate = Code(rawValue: "nonexistent-date")
        /// A date in neither of the accepted forms, JJ/MM/AAAA and AAAA-MM-JJ.
        public static let invalidDate = Code(rawValue: "invalid-date")
        /// A birth date before 1900, or an availability date or deadline outside 2000 to 2100.
        public static let dateOutOfRange = Code(rawValue: "date-out-of-range")
        public static let birthDateInFuture = Code(rawValue: "birth-date-in-future")
        /// The candidate would be under the minimum age on the availability date.
        public static let candidateTooYoung = Code(rawValue: "candidate-too-young")
        public static let deadlineBeforeAvailability = Code(
            rawValue: "deadline-before-availability"
        )
        /// The identifier matches one on an earlier row, exactly or once both are compared by
        /// `CandidateFileReader.identifierKey(_:)`.
        public static let duplicateIdentifier = Code(rawValue: "duplicate-identifier")
        public static let invalidRemote = Code(rawValue: "invalid-remote")
        public static let invalidExtraTime = Code(rawValue: "invalid-extra-time")
    }
}
