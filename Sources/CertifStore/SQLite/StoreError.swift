/// An error of the store: a failed SQLite call, a rejected request or a stored row that cannot
/// be read.
///
/// `message` is plain English for the user and may name the ids that the request gave (a
/// candidate id, a session id), so `description` leaves it out. `description` is safe to log:
/// it contains the code, the SQLite function, result code and message, and the SQL text with
/// its placeholders, never a bound value or personal data. `debugDescription` adds the message
/// and the cause.
public struct StoreError: Error, CustomStringConvertible, CustomDebugStringConvertible {
    /// The kind of failure, stable across releases so that callers can match on it.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String

        public init(rawValue: String) { self.rawValue = rawValue }

        public var description: String { rawValue }

        /// A SQLite call returned an error code.
        public static let sqlite = Code(rawValue: "sqlite")
        /// The database was used after `close()`.
        public static let closed = Code(rawValue: "closed")
        /// The store was called in a way its contract forbids (wrong number of bound values,
        /// nested transaction).
        public static let misuse = Code(rawValue: "misuse")
        /// The database carries a migration that this version of Certif does not know.
        public static let schemaTooNew = Code(rawValue: "schema-too-new")
        /// A database opened read-only lacks a migration of this version of Certif, and a
        /// read-only connection cannot apply it.
        public static let schemaOutdated = Code(rawValue: "schema-outdated")
        /// The file cannot be opened or created: the path is empty or a folder, its folder is
        /// missing, or permission is denied.
        public static let cannotOpen = Code(rawValue: "cannot-open")
        /// No database file exists at the path, and the request asked not to create one.
        public static let databaseNotFound = Code(rawValue: "database-not-found")
        /// The file is not a SQLite database, or is the SQLite database of another program, so
        /// Certif leaves it unchanged.
        public static let notCertifDatabase = Code(rawValue: "not-certif-database")
        /// A stored value has the wrong type, or its JSON cannot be decoded.
        public static let invalidStoredData = Code(rawValue: "invalid-stored-data")
        /// A value could not be encoded as JSON.
        public static let encodingFailed = Code(rawValue: "encoding-failed")
        /// The request contradicts itself (an id given twice, an empty actor name).
        public static let invalidRequest = Code(rawValue: "invalid-request")
        public static let planNotFound = Code(rawValue: "plan-not-found")
        public static let planAlreadyAccepted = Code(rawValue: "plan-already-accepted")
        /// A session named in a request is not part of the plan.
        public static let sessionNotInPlan = Code(rawValue: "session-not-in-plan")
        public static let sessionNotFound = Code(rawValue: "session-not-found")
        public static let candidateNotFound = Code(rawValue: "candidate-not-found")
        /// A candidate to create has the id of a stored one.
        public static let candidateExists = Code(rawValue: "candidate-exists")
        /// No upload has this id for this account and binding, or it expired.
        public static let uploadNotFound = Code(rawValue: "upload-not-found")
        /// The stored candidates changed after an import was previewed, so confirming it would
        /// not do what the preview showed.
        public static let importChanged = Code(rawValue: "import-changed")
        /// A candidate is already in a fixed session, so he cannot be placed in another.
        public static let candidateAlreadyScheduled = Code(rawValue: "candidate-already-scheduled")
        /// A candidate's stored record or the stored settings changed after the plan was made,
        /// and the session that the plan gives him no longer fits him.
        public static let candidateChanged = Code(rawValue: "candidate-changed")
        public static let accountNotFound = Code(rawValue: "account-not-found")
        /// Another account has the same login once both are normalised.
        public static let loginTaken = Code(rawValue: "login-taken")
        /// The account may no longer log in, so it cannot get a session or an API token.
        public static let accountInactive = Code(rawValue: "account-inactive")
        public static let apiTokenNotFound = Code(rawValue: "api-token-not-found")
    }

    public var code: Code
    /// Plain English for the user, naming the value at fault and, where one exists, the fix.
    public var message: String
    /// The SQLite function that failed, "sqlite3_step".
    public var function: String?
    /// SQLite's extended result code, 2067 for SQLITE_CONSTRAINT_UNIQUE.
    public var resultCode: Int32?
    /// SQLite's own message from `sqlite3_errmsg`. It names tables, columns, constraints or SQL
    /// tokens, and the constraint failures tested quote no bound value.
    public var sqliteMessage: String?
    /// The SQL text with its `?` placeholders.
    public var sql: String?
    public var cause: (any Error)?

    public init(
        code: Code,
        message: String,
        function: String? = nil,
        resultCode: Int32? = nil,
        sqliteMessage: String? = nil,
        sql: String? = nil,
        cause: (any Error)? = nil
    ) {
        self.code = code
        self.message = message
        self.function = function
        self.resultCode = resultCode
        self.sqliteMessage = sqliteMessage
        self.sql = sql
        self.cause = cause
    }

    public var description: String {
        var parts = ["StoreError(\(code)"]
        if let function {
            parts.append("function: \(function)")
        }
        if let resultCode {
            parts.append("result code: \(resultCode)")
        }
        if let sqliteMessage {
            parts.append("sqlite: \(sqliteMessage)")
        }
        if let sql {
            parts.append("sql: \(sql)")
        }
        if let cause {
            // The cause's own text may quote a decoded value, so only its type is shown.
            parts.append("cause: \(type(of: cause))")
        }
        return parts.joined(separator: ", ") + ")"
    }

    public var debugDescription: String {
        var text = description + ": " + message
        if let cause {
            text += " (cause: \(String(reflecting: cause)))"
        }
        return text
    }
}
