import CXLSXWriter
import Foundation

/// The owner of one libxlsxwriter workbook, written to its file by `close()`.
///
/// Not Sendable: the workbook, its worksheets and its formats are C pointers that one thread
/// uses inside one `XLSXEncoder.encode` call. Worksheets and formats belong to the workbook,
/// which frees them when it closes, so each `XLSXWorksheet` keeps the workbook alive.
final class XLSXWorkbook {
    private let handle: UnsafeMutablePointer<lxw_workbook>
    /// The folder for libxlsxwriter's own temporary files, kept allocated for the workbook's
    /// lifetime because the options hold a plain `char *` to it.
    private let temporaryFolder: UnsafeMutablePointer<CChar>
    private var closed = false

    /// Starts a workbook that `close()` writes to `path`, with libxlsxwriter's temporary files
    /// in `temporaryFolder`. libxlsxwriter opens the file only when it closes the workbook.
    init(path: String, temporaryFolder: String) throws {
        guard let folder = strdup(temporaryFolder) else {
            throw ExportError(code: .spreadsheet, message: "strdup failed: out of memory")
        }
        var options = lxw_workbook_options(constant_memory: 0, tmpdir: folder, use_zip64: 0)
        guard let handle = workbook_new_opt(path, &options) else {
            free(folder)
            throw ExportError(
                code: .spreadsheet,
                message: "workbook_new_opt failed: libxlsxwriter is out of memory",
                function: "workbook_new_opt"
            )
        }
        self.handle = handle
        self.temporaryFolder = folder
    }

    deinit {
        // A workbook left open after an error is closed to free its memory. The file that this
        // writes lies in the encoder's private folder, which the encoder removes.
        if !closed {
            _ = workbook_close(handle)
        }
        free(temporaryFolder)
    }

    /// Adds a worksheet, or throws the reason when Excel would reject the name (more than 31
    /// characters, one of `[ ] : * ? / \`, an apostrophe at either end, or a name in use).
    func addWorksheet(named name: String) throws -> XLSXWorksheet {
        try Self.check("workbook_validate_sheet_name", context: "sheet name '\(name)'") {
            workbook_validate_sheet_name(handle, name)
        }
        guard let sheet = workbook_add_worksheet(handle, name) else {
            throw ExportError(
                code: .spreadsheet,
                message: "workbook_add_worksheet failed on sheet name '\(name)'",
                function: "workbook_add_worksheet"
            )
        }
        return XLSXWorksheet(pointer: sheet, workbook: self)
    }

    /// Adds a cell format that `configure` sets up.
    func addFormat(
        _ configure: (UnsafeMutablePointer<lxw_format>) -> Void
    ) throws
        -> UnsafeMutablePointer<lxw_format>
    {
        guard let format = workbook_add_format(handle) else {
            throw ExportError(
                code: .spreadsheet,
                message: "workbook_add_format failed: libxlsxwriter is out of memory",
                function: "workbook_add_format"
            )
        }
        configure(format)
        return format
    }

    /// Writes the workbook's file and frees the workbook, which must not be used afterwards.
    func close() throws {
        closed = true
        try Self.check("workbook_close", context: "writing the workbook's file") {
            workbook_close(handle)
        }
    }

    /// Runs `call` and throws `spreadsheet` naming `function`, `context` and libxlsxwriter's
    /// message unless it returns `LXW_NO_ERROR`.
    static func check(_ function: String, context: String, _ call: () -> lxw_error) throws {
        let error = call()
        guard error != LXW_NO_ERROR else { return }
        let libraryMessage = lxw_strerror(error).map { String(cString: $0) } ?? "unknown error"
        throw ExportError(
            code: .spreadsheet,
            message: "\(function) failed on \(context): \(libraryMessage)",
            function: function,
            returnCode: Int32(bitPattern: error.rawValue),
            libraryMessage: libraryMessage
        )
    }
}
