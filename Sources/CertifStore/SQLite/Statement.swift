import CSQLite
import Foundation

/// A prepared statement, the owner of its `sqlite3_stmt` handle, finalized in `deinit`.
///
/// Parameter and column indexes follow SQLite: parameters count from 1, columns from 0. A
/// statement keeps its database open, and is used on the database's thread only.
public final class Statement {
    public let database: Database
    /// The SQL text, with its placeholders.
    public let sql: String
    private let handle: OpaquePointer

    init(database: Database, sql: String) throws {
        self.database = database
        self.sql = sql
        var prepared: OpaquePointer?
        try database.withHandle { connection in
            try database.check(
                sqlite3_prepare_v2(connection, sql, -1, &prepared, nil),
                "sqlite3_prepare_v2",
                sql: sql
            )
        }
        guard let prepared else {
            // SQLite prepares no statement for text that contains only comments or spaces.
            throw StoreError(
                code: .misuse,
                message: "the SQL text contains no statement",
                function: "sqlite3_prepare_v2",
                sql: sql
            )
        }
        handle = prepared
    }

    deinit {
        sqlite3_finalize(handle)
    }

    public var parameterCount: Int { Int(sqlite3_bind_parameter_count(handle)) }

    // MARK: Binding

    public func bind(_ value: Int64, at index: Int) throws {
        try check(sqlite3_bind_int64(handle, Int32(index), value), "sqlite3_bind_int64")
    }

    public func bind(_ value: Int, at index: Int) throws {
        try bind(Int64(value), at: index)
    }

    public func bind(_ value: Double, at index: Int) throws {
        try check(sqlite3_bind_double(handle, Int32(index), value), "sqlite3_bind_double")
    }

    /// Binds `value` as UTF-8 text, which SQLite copies before this returns.
    public func bind(_ value: String, at index: Int) throws {
        let length = UInt64(value.utf8.count)
        let result = value.withCString { text in
            sqlite3_bind_text64(
                handle,
                Int32(index),
                text,
                length,
                certif_sqlite_transient(),
                UInt8(SQLITE_UTF8)
            )
        }
        try check(result, "sqlite3_bind_text64")
    }

    /// Binds `value` as a blob, which SQLite copies before this returns.
    public func bind(_ value: Data, at index: Int) throws {
        guard !value.isEmpty else {
            // An empty Data may have no base address, and a NULL pointer would bind NULL.
            try check(sqlite3_bind_zeroblob(handle, Int32(index), 0), "sqlite3_bind_zeroblob")
            return
        }
        let result = value.withUnsafeBytes { bytes in
            sqlite3_bind_blob64(
                handle,
                Int32(index),
                bytes.baseAddress,
                UInt64(bytes.count),
                certif_sqlite_transient()
            )
        }
        try check(result, "sqlite3_bind_blob64")
    }

    public func bindNull(at index: Int) throws {
        try check(sqlite3_bind_null(handle, Int32(index)), "sqlite3_bind_null")
    }

    public func bind(_ value: SQLValue, at index: Int) throws {
        switch value {
        case .integer(let integer): try bind(integer, at: index)
        case .real(let real): try bind(real, at: index)
        case .text(let text): try bind(text, at: index)
        case .blob(let data): try bind(data, at: index)
        case .null: try bindNull(at: index)
        }
    }

    /// Binds `values` to parameters 1 through `values.count`, after checking that the
    /// statement has exactly that many parameters.
    public func bind(_ values: [SQLValue]) throws {
        guard values.count == parameterCount else {
            throw StoreError(
                code: .misuse,
                message: "the statement has \(parameterCount) parameters, "
                    + "but \(values.count) values were given",
                sql: sql
            )
        }
        for (offset, value) in values.enumerated() {
            try bind(value, at: offset + 1)
        }
    }

    // MARK: Running

    /// Runs the statement to its next row. Returns true when a row is ready for the column
    /// readers, false when the statement has finished.
    @discardableResult
    public func step() throws -> Bool {
        let result = sqlite3_step(handle)
        try check(result, "sqlite3_step")
        return result == SQLITE_ROW
    }

    /// Rewinds the statement so that it can run again, keeping its bindings.
    public func reset() throws {
        try check(sqlite3_reset(handle), "sqlite3_reset")
    }

    public func clearBindings() throws {
        try check(sqlite3_clear_bindings(handle), "sqlite3_clear_bindings")
    }

    // MARK: Reading columns

    public var columnCount: Int { Int(sqlite3_column_count(handle)) }

    public func columnName(at index: Int) -> String {
        sqlite3_column_name(handle, Int32(index)).map { String(cString: $0) } ?? ""
    }

    public func isNull(at index: Int) -> Bool {
        sqlite3_column_type(handle, Int32(index)) == SQLITE_NULL
    }

    public func int64(at index: Int) -> Int64 {
        sqlite3_column_int64(handle, Int32(index))
    }

    public func int(at index: Int) -> Int {
        Int(int64(at: index))
    }

    public func double(at index: Int) -> Double {
        sqlite3_column_double(handle, Int32(index))
    }

    /// Returns the column as UTF-8 text, or nil when it is NULL.
    public func string(at index: Int) -> String? {
        guard let text = sqlite3_column_text(handle, Int32(index)) else {
            return nil
        }
        // The byte count, not the first NUL, ends the text: stored text may contain NUL.
        let count = Int(sqlite3_column_bytes(handle, Int32(index)))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }

    /// Returns the column as bytes, or nil when it is NULL.
    public func data(at index: Int) -> Data? {
        guard !isNull(at: index) else {
            return nil
        }
        guard let bytes = sqlite3_column_blob(handle, Int32(index)) else {
            // SQLite returns a NULL pointer for a blob of zero bytes.
            return Data()
        }
        let count = Int(sqlite3_column_bytes(handle, Int32(index)))
        return Data(bytes: bytes, count: count)
    }

    /// Returns the column in its own storage class.
    public func value(at index: Int) -> SQLValue {
        switch sqlite3_column_type(handle, Int32(index)) {
        case SQLITE_INTEGER: return .integer(int64(at: index))
        case SQLITE_FLOAT: return .real(double(at: index))
        case SQLITE_TEXT: return string(at: index).map(SQLValue.text) ?? .null
        case SQLITE_BLOB: return data(at: index).map(SQLValue.blob) ?? .null
        default: return .null
        }
    }

    /// Returns the current row, with every column in its own storage class.
    public func row() -> Row {
        let indexes = 0..<columnCount
        return Row(
            columns: indexes.map { columnName(at: $0) },
            values: indexes.map { value(at: $0) }
        )
    }

    private func check(_ result: Int32, _ function: String) throws {
        try database.check(result, function, sql: sql)
    }
}

@available(*, unavailable, message: "a Statement is used on its database's thread only")
extension Statement: Sendable {}
