import CSQLite

/// A connection to one SQLite database file, the owner of its `sqlite3` handle.
///
/// `init(path:)` creates the file when it is missing and turns on write-ahead logging.
/// `init(path:mode:)` opens the file in `mode` and leaves the journal mode as it is, so that
/// the caller can look at the file before anything writes to it. Both turn on foreign
/// keys and wait up to 5 seconds for another connection's lock before failing with
/// `SQLITE_BUSY`. The handle is released by `close()` or, failing that, in `deinit`.
///
/// A `Database` is not Sendable: use one connection from one thread or task at a time, and
/// open another connection for another thread. SQLite's error message belongs to the
/// connection, so sharing one would also mix up the messages of concurrent errors.
public final class Database {
    /// The access that `init(path:mode:)` requests for the file.
    public enum OpenMode: Sendable {
        /// Reads only (SQLITE_OPEN_READONLY). The file must exist.
        case readOnly
        /// Reads and writes. The file must exist.
        case readWrite
        /// Reads and writes, creating the file when it is missing.
        case readWriteCreate
    }

    /// The file path given to the initializer.
    public let path: String
    /// The mode given to the initializer, `readWriteCreate` for `init(path:)`.
    public let mode: OpenMode
    private var handle: OpaquePointer?

    /// Milliseconds that a statement waits for another connection's lock.
    public static let busyTimeoutMilliseconds: Int32 = 5000

    /// Opens the database at `path`, creating the file when it is missing, and turns on
    /// write-ahead logging.
    public convenience init(path: String) throws {
        try self.init(path: path, mode: .readWriteCreate)
        try enableWriteAheadLog()
    }

    /// Opens the database at `path` in `mode`, without changing its journal mode.
    ///
    /// Throws `cannotOpen` when the path is empty, when SQLite cannot open the file and the
    /// file system shows why (a missing folder, a folder given as the path, a permission), and
    /// when `mode` asks to write but SQLite could only open the file for reading.
    public init(path: String, mode: OpenMode) throws {
        self.path = path
        self.mode = mode

        guard !path.isEmpty else {
            // SQLite would open a private temporary database for the empty name.
            throw StoreError(
                code: .cannotOpen,
                message: "the database path is empty; give the path of a database file"
            )
        }

        var opened: OpaquePointer?
        let flags: Int32
        switch mode {
        case .readOnly: flags = SQLITE_OPEN_READONLY
        case .readWrite: flags = SQLITE_OPEN_READWRITE
        case .readWriteCreate: flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        }

        let result = sqlite3_open_v2(path, &opened, flags, nil)
        guard result == SQLITE_OK, let opened else {
            // SQLite returns a handle even when opening fails, to carry the error message, and
            // that handle must still be closed.
            let message = opened.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(opened)
            let problem = DatabaseFile.problem(at: path, mode: mode)
            throw StoreError(
                code: problem == nil ? .sqlite : .cannotOpen,
                message: problem ?? "opening the database \(path) failed: \(message)",
                function: "sqlite3_open_v2",
                resultCode: result,
                sqliteMessage: message
            )
        }

        handle = opened
        try check(sqlite3_extended_result_codes(opened, 1), "sqlite3_extended_result_codes")
        try check(
            sqlite3_busy_timeout(opened, Database.busyTimeoutMilliseconds),
            "sqlite3_busy_timeout"
        )

        if mode != .readOnly, sqlite3_db_readonly(opened, "main") == 1 {
            // SQLite opens a file that it may not write for reading only, without an error.
            throw StoreError(
                code: .cannotOpen,
                message: DatabaseFile.problem(at: path, mode: mode)
                    ?? "the database \(path) can only be read, not written; check its "
                    + "permissions and those of its folder",
                function: "sqlite3_db_readonly"
            )
        }
        try execute("PRAGMA foreign_keys = ON")
    }

    deinit {
        // No statement is open here, because each Statement keeps its Database alive. Had one
        // been open, sqlite3_close_v2 would release the handle once it was finalized.
        sqlite3_close_v2(handle)
    }

    /// Closes the connection. Later calls on this database throw `closed`.
    ///
    /// Throws `SQLITE_BUSY` and keeps the connection open while a `Statement` of this database
    /// is still alive.
    public func close() throws {
        guard let handle else {
            return
        }
        try check(sqlite3_close(handle), "sqlite3_close")
        self.handle = nil
    }

    public var isOpen: Bool { handle != nil }

    /// Whether a transaction is open on this connection.
    public var isInTransaction: Bool {
        guard let handle else {
            return false
        }
        return sqlite3_get_autocommit(handle) == 0
    }

    /// The rowid of the last row inserted through this connection.
    public var lastInsertRowID: Int64 {
        get throws { try withHandle { sqlite3_last_insert_rowid($0) } }
    }

    /// The rows that the last INSERT, UPDATE or DELETE changed.
    public var changes: Int {
        get throws { try withHandle { Int(sqlite3_changes($0)) } }
    }

    /// Lends the handle to `body`, which must not keep it.
    func withHandle<Result>(_ body: (OpaquePointer) throws -> Result) throws -> Result {
        guard let handle else {
            throw StoreError(
                code: .closed,
                message: "the database \(path) was used after it was closed"
            )
        }
        return try body(handle)
    }

    /// Throws the connection's error for `result` unless it is SQLITE_OK, SQLITE_ROW or
    /// SQLITE_DONE.
    func check(_ result: Int32, _ function: String, sql: String? = nil) throws {
        guard result != SQLITE_OK, result != SQLITE_ROW, result != SQLITE_DONE else {
            return
        }
        let sqliteMessage = handle.map { String(cString: sqlite3_errmsg($0)) }
        let reason = sqliteMessage ?? String(cString: sqlite3_errstr(result))
        throw StoreError(
            code: .sqlite,
            message: "the database call \(function) failed: \(reason)",
            function: function,
            resultCode: result,
            sqliteMessage: sqliteMessage,
            sql: sql
        )
    }

    /// Turns on write-ahead logging, which lets readers go on while one connection writes.
    /// The mode is stored in the file, so it stays on for every later connection.
    public func enableWriteAheadLog() throws {
        let rows = try query("PRAGMA journal_mode = WAL")
        let mode = try rows.first?.optionalString("journal_mode")?.lowercased()
        // An in-memory database reports "memory": it has no file to log to.
        guard mode == "wal" || mode == "memory" else {
            throw StoreError(
                code: .sqlite,
                message: "turning on write-ahead logging failed for the database \(path): "
                    + "SQLite kept the journal mode \(mode ?? "unknown")",
                function: "sqlite3_step",
                sql: "PRAGMA journal_mode = WAL"
            )
        }
    }
}

@available(*, unavailable, message: "a Database is used by one thread at a time")
extension Database: Sendable {}
