/// CSV as French Excel opens it: UTF-8 with a BOM, semicolons, CRLF line ends, and cells that
/// Excel would run as a formula neutralised.
enum FrenchCSV {
    static func document(header: [String], rows: [[String]]) -> String {
        var text = "\u{FEFF}"
        for row in [header] + rows {
            text += row.map(cell).joined(separator: ";") + "\r\n"
        }
        return text
    }

    /// Quotes a cell when needed, and prefixes with an apostrophe a cell starting with = + - @
    /// (or a tab or carriage return), so that a spreadsheet shows it as text instead of
    /// evaluating it.
    static func cell(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
            text = "'" + text
        }
        if text.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            text = "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return text
    }
}
