/// An error of an export: a table that its rows do not fit, a failed libxlsxwriter call, or a
/// temporary file that could not be made or read.
///
/// Messages name the table, row number, column header and C function at fault, never a cell's
/// value, so `description` is safe to log.
public struct ExportError: Error, Sendable, CustomStringConvertible {
    /// The kind of failure, stable across releases so that callers can match on it.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String

        public init(rawValue: String) { self.rawValue = rawValue }

        public var description: String { rawValue }

        /// A row or a column does not fit the table's rules.
        public static let invalidTable = Code(rawValue: "invalid-table")
        /// A libxlsxwriter call returned an error.
        public static let spreadsheet = Code(rawValue: "spreadsheet")
        /// The private temporary folder or file of an XLSX export could not be made or read.
        public static let temporaryFile = Code(rawValue: "temporary-file")
    }

    public var code: Code
    /// Plain English naming what failed and, where one exists, the fix.
    public var message: String
    /// The C function that failed, "worksheet_write_string".
    public var function: String?
    /// libxlsxwriter's `lxw_error` value, or the `errno` of a failed system call.
    public var returnCode: Int32?
    /// libxlsxwriter's own text for `returnCode`, from `lxw_strerror`.
    public var libraryMessage: String?

    public init(
        code: Code,
        message: String,
        function: String? = nil,
        returnCode: Int32? = nil,
        libraryMessage: String? = nil
    ) {
        self.code = code
        self.message = message
        self.function = function
        self.returnCode = returnCode
        self.libraryMessage = libraryMessage
    }

    public var description: String {
        var parts = ["ExportError(\(code)"]
        if let function {
            parts.append("function: \(function)")
        }
        if let returnCode {
            parts.append("return code: \(returnCode)")
        }
        return parts.joined(separator: ", ") + "): " + message
    }
}
