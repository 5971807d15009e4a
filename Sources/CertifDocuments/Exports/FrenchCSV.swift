import CertifDomain
import Foundation

/// CSV as French Excel opens it with a double click: UTF-8 with a byte order mark, semicolons,
/// CRLF line ends, dates `JJ/MM/AAAA` and decimal commas. Without the mark Excel reads the
/// file as Windows-1252, and the semicolon is the list separator of the French locale because
/// the comma is its decimal mark.
///
/// A text cell that a spreadsheet may run as a formula is neutralised: when it starts
/// with `=`, `+`, `-`, `@`, a tab or a carriage return, an apostrophe is put before it. The
/// apostrophe stays visible in the cell, so the value reads as written, yet no spreadsheet
/// evaluates it, and a program that reads the file back can strip it. Doubling or escaping
/// the character instead would change the value, and dropping it would lose data. Numbers
/// and dates are written by the encoder, never from text, so they need no prefix.
public enum FrenchCSV {
    /// The characters that make a spreadsheet read a cell as a formula or strip them first.
    public static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// Encodes the table's header and rows as the bytes of a CSV file.
    public static func encode(_ table: ExportTable) -> Data {
        Data(text(table).utf8)
    }

    /// Returns the file's text, starting with U+FEFF, which UTF-8 encodes as the byte order
    /// mark.
    public static func text(_ table: ExportTable) -> String {
        var text = "\u{FEFF}"
        text += table.columns.map { field($0.header) }.joined(separator: ";") + "\r\n"
        for row in table.rows {
            let fields = zip(table.columns, row).map { column, cell in
                cell.map { field(for: $0, in: column) } ?? ""
            }
            text += fields.joined(separator: ";") + "\r\n"
        }
        return text
    }

    /// Returns the cell as CSV text: neutralised and quoted when it is text, formatted the
    /// French way when it is a date or a number.
    static func field(for cell: ExportCell, in column: ExportColumn) -> String {
        switch cell {
        case .text(let text):
            return field(text)
        case .date(let date):
            return date.french
        case .integer(let value):
            return String(value)
        case .decimal(let value):
            guard case .decimal(let places) = column.kind else { return String(value) }
            return French.decimal(value, digits: places)
        }
    }

    /// Returns a text field neutralised, then enclosed in double quotes (with inner quotes
    /// doubled, as RFC 4180 has it) when it contains a semicolon, a quote or a line break.
    static func field(_ text: String) -> String {
        var field = text
        if let first = field.unicodeScalars.first, formulaStarts.contains(first) {
            field = "'" + field
        }
        let needsQuotes = field.unicodeScalars.contains {
            $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r"
        }
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
