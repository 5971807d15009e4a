import CXLSXWriter

/// A worksheet of an `XLSXWorkbook`, with the calls that the encoder needs. Rows and columns
/// count from 0, as in libxlsxwriter.
///
/// Errors name the cell as Excel does (row from 1, column header), never its value.
struct XLSXWorksheet {
    let pointer: UnsafeMutablePointer<lxw_worksheet>
    /// Keeps the workbook, which owns the worksheet's memory, alive.
    let workbook: XLSXWorkbook

    /// Writes a shared string, which Excel never evaluates, whatever its first character.
    func write(
        text: String,
        row: Int,
        column: Int,
        format: UnsafeMutablePointer<lxw_format>?,
        place: @autoclosure () -> String
    ) throws {
        try XLSXWorkbook.check("worksheet_write_string", context: place()) {
            worksheet_write_string(pointer, lxw_row_t(row), lxw_col_t(column), text, format)
        }
    }

    func write(
        number: Double,
        row: Int,
        column: Int,
        format: UnsafeMutablePointer<lxw_format>?,
        place: @autoclosure () -> String
    ) throws {
        try XLSXWorkbook.check("worksheet_write_number", context: place()) {
            worksheet_write_number(pointer, lxw_row_t(row), lxw_col_t(column), number, format)
        }
    }

    /// Writes a date as an Excel serial number, which libxlsxwriter computes with Excel's
    /// 1900 date system, so that `format` shows it as a date.
    func write(
        year: Int,
        month: Int,
        day: Int,
        row: Int,
        column: Int,
        format: UnsafeMutablePointer<lxw_format>?,
        place: @autoclosure () -> String
    ) throws {
        var datetime = lxw_datetime(
            year: Int32(year),
            month: Int32(month),
            day: Int32(day),
            hour: 0,
            min: 0,
            sec: 0
        )
        try XLSXWorkbook.check("worksheet_write_datetime", context: place()) {
            worksheet_write_datetime(
                pointer,
                lxw_row_t(row),
                lxw_col_t(column),
                &datetime,
                format
            )
        }
    }

    /// Sets a column's width, in Excel's units (the width of one digit of the default font),
    /// and the format of the cells that a user adds to it.
    func setColumn(
        _ column: Int,
        width: Double,
        format: UnsafeMutablePointer<lxw_format>?
    ) throws {
        try XLSXWorkbook.check("worksheet_set_column", context: "column \(column + 1)") {
            worksheet_set_column(pointer, lxw_col_t(column), lxw_col_t(column), width, format)
        }
    }

    /// Freezes the rows above `row`, so that they stay in view while the user scrolls.
    func freezeRows(above row: Int) {
        worksheet_freeze_panes(pointer, lxw_row_t(row), 0)
    }

    /// Puts filter buttons on the first row over the given range, inclusive.
    func autofilter(lastRow: Int, lastColumn: Int) throws {
        try XLSXWorkbook.check("worksheet_autofilter", context: "the header row") {
            worksheet_autofilter(pointer, 0, 0, lxw_row_t(lastRow), lxw_col_t(lastColumn))
        }
    }
}
