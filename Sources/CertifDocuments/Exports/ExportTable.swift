import CertifDomain

/// A table to export as CSV or XLSX: a title, typed columns with French headers, and rows.
///
/// The initializer and `append(_:)` check every row against the columns, so the encoders can
/// write any table they are given. The limits keep both formats exact: Excel stores 15
/// significant digits, so integers stay within ±(10^15 − 1) and decimals within ±10^12 with at
/// most 6 places.
public struct ExportTable: Sendable, Hashable {
    /// The largest magnitude of an integer cell.
    public static let maxInteger = 999_999_999_999_999
    /// The bound, excluded, on the magnitude of a decimal cell.
    public static let decimalBound = 1e12
    /// The number of decimal places that a decimal column may ask for.
    public static let decimalPlaces = 0...6

    /// The table's name: the sheet name in XLSX (see `XLSXEncoder` for the characters that
    /// Excel rejects there). CSV has no place for it.
    public let title: String
    public let columns: [ExportColumn]
    /// The rows, each with one cell per column, where nil is an empty cell.
    public private(set) var rows: [[ExportCell?]] = []

    /// Creates a table, and throws `invalidTable` when the title is blank, there is no column,
    /// a header is blank, a decimal column has places outside `decimalPlaces`, or a row does
    /// not fit the columns.
    public init(title: String, columns: [ExportColumn], rows: [[ExportCell?]] = []) throws {
        guard !title.allSatisfy(\.isWhitespace) else {
            throw ExportError(code: .invalidTable, message: "the table title is blank; name it")
        }
        guard !columns.isEmpty else {
            throw ExportError(
                code: .invalidTable,
                message: "the table '\(title)' has no column; give at least one"
            )
        }
        for (index, column) in columns.enumerated() {
            try Self.check(column, at: index, title: title)
        }
        self.title = title
        self.columns = columns
        for row in rows {
            try append(row)
        }
    }

    /// Appends a row, and throws `invalidTable` when it does not have one cell per column, a
    /// cell's kind differs from its column's, a text contains U+0000 (which XLSX cannot
    /// store), or a number is out of the limits above.
    public mutating func append(_ row: [ExportCell?]) throws {
        let rowNumber = rows.count + 1
        guard row.count == columns.count else {
            throw ExportError(
                code: .invalidTable,
                message: "row \(rowNumber) of table '\(title)' has \(row.count) cells for "
                    + "\(columns.count) columns; give one cell per column, nil when empty"
            )
        }
        for (column, cell) in zip(columns, row) {
            guard let cell else { continue }
            if let problem = Self.problem(with: cell, in: column) {
                throw ExportError(
                    code: .invalidTable,
                    message: "row \(rowNumber) of table '\(title)', column '\(column.header)': "
                        + problem
                )
            }
        }
        rows.append(row)
    }

    private static func check(_ column: ExportColumn, at index: Int, title: String) throws {
        guard !column.header.allSatisfy(\.isWhitespace) else {
            throw ExportError(
                code: .invalidTable,
                message: "column \(index + 1) of table '\(title)' has a blank header; name it"
            )
        }
        if case .decimal(let places) = column.kind, !decimalPlaces.contains(places) {
            throw ExportError(
                code: .invalidTable,
                message: "column '\(column.header)' of table '\(title)' has \(places) "
                    + "decimal places; expected \(decimalPlaces.lowerBound) to "
                    + "\(decimalPlaces.upperBound)"
            )
        }
    }

    /// Returns why `cell` cannot stand in `column`, or nil when it can. The text never quotes
    /// the cell's value, which may be personal data.
    private static func problem(with cell: ExportCell, in column: ExportColumn) -> String? {
        switch (cell, column.kind) {
        case (.text(let text), .text):
            return text.unicodeScalars.contains("\u{0}")
                ? "the text contains U+0000, which XLSX cannot store; remove it" : nil
        case (.date, .date):
            return nil
        case (.integer(let value), .integer):
            return value.magnitude <= UInt(maxInteger)
                ? nil : "the integer is outside ±\(maxInteger), the range Excel stores exactly"
        case (.decimal(let value), .decimal):
            return value.isFinite && abs(value) < decimalBound
                ? nil : "the decimal is not a finite number below 10^12 in magnitude"
        default:
            return "a \(cell.kindName) cell in a \(column.kind.name) column; give a cell of the "
                + "column's kind"
        }
    }
}
