/// The width of an XLSX column: enough for its longest value, within
/// `XLSXEncoder.columnWidths`.
enum XLSXColumnWidth {
    /// Returns the width in Excel's units, about one digit of the default font each. The header
    /// gets 3 more, for its bold letters and the filter button that covers its right end.
    static func width(of column: ExportColumn, at index: Int, in table: ExportTable) -> Double {
        let limit = Int(XLSXEncoder.columnWidths.upperBound)
        var widest = column.header.count + 3
        for row in table.rows where widest < limit {
            guard let cell = row[index] else { continue }
            widest = max(widest, length(of: cell, in: column, limit: limit) + 1)
        }
        let width = Double(widest)
        return min(
            max(width, XLSXEncoder.columnWidths.lowerBound),
            XLSXEncoder.columnWidths.upperBound
        )
    }

    /// Returns the number of characters that the cell shows, counted up to `limit`.
    private static func length(of cell: ExportCell, in column: ExportColumn, limit: Int) -> Int {
        switch cell {
        case .text(let text):
            return text.prefix(limit).count
        case .date:
            return "15/03/2025".count
        case .integer, .decimal:
            return FrenchCSV.field(for: cell, in: column).count
        }
    }
}
