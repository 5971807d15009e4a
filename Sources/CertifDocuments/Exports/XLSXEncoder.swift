import CXLSXWriter
import CertifDomain
import Foundation

/// Excel workbooks of one sheet, written by libxlsxwriter.
///
/// The first row contains the headers in bold, stays in view when the user scrolls and carries
/// the filter buttons. Text cells are strings, so identifiers keep their leading zeros and a
/// text starting with `=` stays text: the encoder never writes a formula. Dates are Excel
/// dates shown `JJ/MM/AAAA`, integers and decimals are numbers, and decimals show their
/// column's places. Each column is as wide as its longest value, within `columnWidths`.
public enum XLSXEncoder {
    /// Excel's limits on a sheet's rows (header included) and columns.
    public static let maxRows = 1_048_576
    public static let maxColumns = 16_384
    /// Excel's limit on a sheet name's length, in characters.
    public static let maxSheetNameLength = 31
    /// The narrowest and widest column, in Excel's width units (about one digit each).
    public static let columnWidths = 6.0...60.0
    /// The number format of date cells. Excel stores format codes in its English syntax
    /// (`yyyy`, where French Excel shows `aaaa`), and shows this one as 15/03/2025.
    static let dateFormat = "dd/mm/yyyy"

    /// Encodes the table as the bytes of an `.xlsx` file.
    ///
    /// The Debian 12 libxlsxwriter (1.1.4) writes only to files, so the workbook is written in
    /// a new folder that only this user can open, read back, and removed with the folder.
    /// Throws `invalidTable` when the table exceeds Excel's limits, `spreadsheet` when a
    /// libxlsxwriter call fails, and `temporaryFile` when the folder cannot be made, read or
    /// removed.
    public static func encode(_ table: ExportTable) throws -> Data {
        guard table.columns.count <= maxColumns, table.rows.count < maxRows else {
            throw ExportError(
                code: .invalidTable,
                message: "the table '\(table.title)' has \(table.rows.count) rows and "
                    + "\(table.columns.count) columns, more than a sheet holds: at most "
                    + "\(maxRows - 1) rows below the header and \(maxColumns) columns; "
                    + "export it in parts"
            )
        }
        return try PrivateFolder.withNew { folder in
            let path = folder + "/export.xlsx"
            let workbook = try XLSXWorkbook(path: path, temporaryFolder: folder)
            try write(table, to: workbook)
            try workbook.close()
            return try PrivateFolder.read(path)
        }
    }

    /// Returns the title as a sheet name that Excel accepts: each of `[ ] : * ? / \` becomes
    /// `-`, apostrophes and spaces at either end are dropped, and the name is cut to
    /// `maxSheetNameLength` characters. A title with nothing left becomes "Feuille1".
    public static func sheetName(for title: String) -> String {
        let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]
        var name = String(title.map { forbidden.contains($0) ? "-" : $0 })
        name = name.trimmingCharacters(in: CharacterSet(charactersIn: "' "))
        // libxlsxwriter counts the limit in Unicode scalars.
        name = String(String.UnicodeScalarView(name.unicodeScalars.prefix(maxSheetNameLength)))
        name = name.trimmingCharacters(in: CharacterSet(charactersIn: "' "))
        return name.isEmpty ? "Feuille1" : name
    }

    private static func write(_ table: ExportTable, to workbook: XLSXWorkbook) throws {
        let formats = try XLSXFormats(workbook: workbook, columns: table.columns)
        let sheet = try workbook.addWorksheet(named: sheetName(for: table.title))
        for (index, column) in table.columns.enumerated() {
            try sheet.write(
                text: column.header,
                row: 0,
                column: index,
                format: formats.header,
                place: "the header of column '\(column.header)'"
            )
        }
        for (rowIndex, row) in table.rows.enumerated() {
            for (index, (column, cell)) in zip(table.columns, row).enumerated() {
                guard let cell else { continue }
                try write(
                    cell,
                    of: column,
                    row: rowIndex + 1,
                    column: index,
                    to: sheet,
                    formats: formats
                )
            }
        }
        for (index, column) in table.columns.enumerated() {
            try sheet.setColumn(
                index,
                width: XLSXColumnWidth.width(of: column, at: index, in: table),
                format: formats.cell(for: column.kind)
            )
        }
        sheet.freezeRows(above: 1)
        try sheet.autofilter(lastRow: table.rows.count, lastColumn: table.columns.count - 1)
    }

    private static func write(
        _ cell: ExportCell,
        of column: ExportColumn,
        row: Int,
        column index: Int,
        to sheet: XLSXWorksheet,
        formats: XLSXFormats
    ) throws {
        let format = formats.cell(for: column.kind)
        let place = "row \(row + 1), column '\(column.header)'"
        switch cell {
        case .text(let text):
            try sheet.write(text: text, row: row, column: index, format: format, place: place)
        case .date(let date) where date.year < 1900:
            // NOTE: Excel's dates start on 01/01/1900, so an earlier date is written as its
            // French text and does not sort with the others.
            try sheet.write(
                text: date.french,
                row: row,
                column: index,
                format: nil,
                place: place
            )
        case .date(let date):
            try sheet.write(
                year: date.year,
                month: date.month,
                day: date.day,
                row: row,
                column: index,
                format: format,
                place: place
            )
        case .integer(let value):
            try sheet.write(
                number: Double(value),
                row: row,
                column: index,
                format: format,
                place: place
            )
        case .decimal(let value):
            try sheet.write(number: value, row: row, column: index, format: format, place: place)
        }
    }
}
