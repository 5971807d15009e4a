import CXLSXWriter

/// The cell formats of an XLSX export, made once per workbook, which owns them.
struct XLSXFormats {
    let header: UnsafeMutablePointer<lxw_format>
    let text: UnsafeMutablePointer<lxw_format>
    let date: UnsafeMutablePointer<lxw_format>
    private let decimals: [Int: UnsafeMutablePointer<lxw_format>]

    /// Makes the header, text and date formats, and one number format for each count of
    /// decimal places that `columns` use.
    init(workbook: XLSXWorkbook, columns: [ExportColumn]) throws {
        header = try workbook.addFormat { format_set_bold($0) }
        // "@" is Excel's text format: a value that a user types in the column stays text, so
        // an identifier typed as 007 keeps its zeros.
        text = try workbook.addFormat { format_set_num_format($0, "@") }
        date = try workbook.addFormat { format_set_num_format($0, XLSXEncoder.dateFormat) }
        var decimals: [Int: UnsafeMutablePointer<lxw_format>] = [:]
        for column in columns {
            guard case .decimal(let places) = column.kind, decimals[places] == nil else {
                continue
            }
            let code = places == 0 ? "0" : "0." + String(repeating: "0", count: places)
            decimals[places] = try workbook.addFormat { format_set_num_format($0, code) }
        }
        self.decimals = decimals
    }

    /// Returns the format of a column's cells; integers keep Excel's General format.
    func cell(for kind: ExportColumn.Kind) -> UnsafeMutablePointer<lxw_format>? {
        switch kind {
        case .text: return text
        case .date: return date
        case .integer: return nil
        case .decimal(let places): return decimals[places]
        }
    }
}
