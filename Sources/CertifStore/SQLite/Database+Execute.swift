import CSQLite

extension Database {
    /// Prepares one SQL statement and binds the values interpolated into `sql`. SQL written
    /// with bare `?` placeholders is left for the caller to bind.
    public func prepare(_ sql: SQL) throws -> Statement {
        let statement = try Statement(database: self, sql: sql.text)
        if !sql.bindings.isEmpty {
            try statement.bind(sql.bindings)
        }
        return statement
    }

    /// Prepares one statement and binds every one of its parameters.
    private func prepareBound(_ sql: SQL, _ arguments: [SQLValue]) throws -> Statement {
        let combined = try Database.combine(sql, arguments)
        let statement = try Statement(database: self, sql: combined.text)
        try statement.bind(combined.bindings)
        return statement
    }

    /// Runs one statement to completion, binding the values interpolated into `sql` or, for
    /// SQL with `?` placeholders, the values of `arguments` in order.
    public func execute(_ sql: SQL, _ arguments: [SQLValue] = []) throws {
        let statement = try prepareBound(sql, arguments)
        while try statement.step() {}
    }

    /// Runs one query and returns all its rows.
    public func query(_ sql: SQL, _ arguments: [SQLValue] = []) throws -> [Row] {
        let statement = try prepareBound(sql, arguments)
        var rows: [Row] = []
        while try statement.step() {
            rows.append(statement.row())
        }
        return rows
    }

    /// Runs several statements separated by semicolons, such as a migration. The script
    /// binds no values.
    public func executeScript(_ script: SQL) throws {
        guard script.bindings.isEmpty else {
            throw StoreError(
                code: .misuse,
                message: "a script cannot bind values; run its statements one by one",
                sql: script.text
            )
        }
        try withHandle { connection in
            try script.text.withCString { start in
                var next: UnsafePointer<CChar>? = start
                while let current = next, current.pointee != 0 {
                    var prepared: OpaquePointer?
                    var tail: UnsafePointer<CChar>?
                    try check(
                        sqlite3_prepare_v2(connection, current, -1, &prepared, &tail),
                        "sqlite3_prepare_v2",
                        sql: String(cString: current)
                    )
                    defer { sqlite3_finalize(prepared) }
                    if let prepared {
                        try check(
                            sqlite3_step(prepared),
                            "sqlite3_step",
                            sql: String(cString: current)
                        )
                    }
                    next = tail
                }
            }
        }
    }

    /// Runs `body` in a transaction that takes the write lock at once (BEGIN IMMEDIATE). A
    /// busy database then makes BEGIN wait up to the busy timeout, where a deferred
    /// transaction would fail with SQLITE_BUSY when its read lock could not be upgraded.
    /// Commits when `body` returns, rolls back and rethrows when it throws.
    ///
    /// Transactions do not nest: calling this inside `body` throws `misuse`.
    public func transaction<Result>(_ body: () throws -> Result) throws -> Result {
        guard !isInTransaction else {
            throw StoreError(
                code: .misuse,
                message: "a transaction is already open on this connection",
                sql: "BEGIN IMMEDIATE"
            )
        }
        try execute("BEGIN IMMEDIATE")
        let result: Result
        do {
            result = try body()
            try execute("COMMIT")
        } catch {
            rollBack()
            throw error
        }
        return result
    }

    /// Runs the queries of `body` in a deferred transaction, so that they read one snapshot of
    /// the database even while other connections write. Inside an open transaction, `body`
    /// runs in that one. Commits when `body` returns, rolls back and rethrows when it throws.
    public func readTransaction<Result>(_ body: () throws -> Result) throws -> Result {
        guard !isInTransaction else {
            return try body()
        }
        try execute("BEGIN DEFERRED")
        let result: Result
        do {
            result = try body()
            try execute("COMMIT")
        } catch {
            rollBack()
            throw error
        }
        return result
    }

    private func rollBack() {
        // SQLite may already have rolled back on its own (after SQLITE_FULL, for instance),
        // and ROLLBACK then fails with "no transaction is active".
        guard isInTransaction else {
            return
        }
        // NOTE: A failing ROLLBACK is dropped because the caller rethrows the error that caused
        // it. The transaction then stays open until the connection closes, and the next
        // `transaction` call throws `misuse`.
        try? execute("ROLLBACK")
    }

    private static func combine(_ sql: SQL, _ arguments: [SQLValue]) throws -> SQL {
        guard !arguments.isEmpty else {
            return sql
        }
        guard sql.bindings.isEmpty else {
            throw StoreError(
                code: .misuse,
                message: "give the values either by interpolation or as arguments, not both",
                sql: sql.text
            )
        }
        return SQL(text: sql.text, bindings: arguments)
    }
}
