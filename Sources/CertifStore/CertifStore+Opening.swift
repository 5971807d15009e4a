import CSQLite

extension CertifStore {
    /// Returns whether a file, not a folder, exists at `path`. It does not say whether the file
    /// is a Certif database: opening the store checks that.
    public static func exists(path: String) -> Bool {
        DatabaseFile.isFile(at: path)
    }

    /// Throws `databaseNotFound` when no file exists at `path`, and `cannotOpen` when `path`
    /// is a folder.
    static func checkFileExists(at path: String) throws {
        guard !path.isEmpty, !DatabaseFile.isFile(at: path) else {
            // Database.init rejects the empty path with its own message.
            return
        }
        if DatabaseFile.isDirectory(at: path) {
            throw StoreError(
                code: .cannotOpen,
                message: DatabaseFile.problem(at: path, mode: .readOnly)
                    ?? "\(path) is a folder, not a database file"
            )
        }
        throw StoreError(
            code: .databaseNotFound,
            message: "no database exists at \(path); check the path, or import candidates to "
                + "create the database"
        )
    }

    /// Rewrites a SQLite failure met while opening `path` into an error whose message names
    /// what went wrong with the file, keeping SQLite's function, code and message.
    static func openingError(
        from error: StoreError,
        path: String,
        mode: Database.OpenMode
    ) -> StoreError {
        var rewritten = error
        let reason = error.sqliteMessage ?? "unknown error"
        switch error.resultCode.map({ $0 & 0xFF }) {
        case SQLITE_BUSY, SQLITE_LOCKED:
            let seconds = Database.busyTimeoutMilliseconds / 1000
            rewritten.message =
                "the database \(path) is locked by another program, which held it for more "
                + "than \(seconds) seconds; try again when that program has finished"
        case SQLITE_CORRUPT:
            rewritten.message =
                "the database \(path) is damaged (SQLite: \(reason)); restore it from a backup"
        case SQLITE_FULL:
            rewritten.message =
                "the disk that holds the database \(path) is full; free some space and try again"
        case SQLITE_CANTOPEN, SQLITE_READONLY, SQLITE_PERM, SQLITE_IOERR, SQLITE_AUTH:
            if let problem = DatabaseFile.problem(at: path, mode: mode) {
                rewritten.code = .cannotOpen
                rewritten.message = problem
            } else {
                rewritten.message = "opening the database \(path) failed: \(reason)"
            }
        default:
            rewritten.message = "opening the database \(path) failed: \(reason)"
        }
        return rewritten
    }
}
