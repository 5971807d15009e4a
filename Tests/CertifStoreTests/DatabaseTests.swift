import CSQLite
import Foundation
import Testing

@testable import CertifStore

@Suite("Database")
struct DatabaseTests {
    @Test("new file is migrated")
    func newFileMigrated() throws {
        try withTemporaryStore { store, _ throws in
            let tables = try store.database.query(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            ).map { try $0.string("name") }
            let journalMode = try store.database.query("PRAGMA journal_mode")[0]
                .string("journal_mode")
            let foreignKeys = try store.database.query("PRAGMA foreign_keys")[0].int("foreign_keys")

            #expect(try store.schemaVersions() == Schema.migrations.map(\.version))
            #expect(
                tables == [
                    "accounts", "api_tokens", "audit_log", "candidate_uploads", "candidates",
                    "national_scheme_rules", "plans", "schema_migrations",
                    "session_candidates", "sessions", "settings", "sqlite_sequence",
                    "web_sessions",
                ]
            )
            #expect(journalMode == "wal")
            #expect(foreignKeys == 1)
        }
    }

    @Test("reopening keeps schema and data")
    func reopenKeepsSchemaAndData() throws {
        try withTemporaryStore { store, path throws in
            _ = try store.importCandidates([makeCandidate("C-001")], actor: tester)
            try store.close()

            let reopened = try CertifStore(path: path)
            let appliedAgain = try reopened.database.migrate(Schema.migrations)

            #expect(appliedAgain == [])
            #expect(try reopened.schemaVersions() == Schema.migrations.map(\.version))
            #expect(try reopened.rowCount("schema_migrations") == Schema.migrations.count)
            #expect(try reopened.candidates().map(\.id) == ["C-001"])
            try reopened.close()
        }
    }

    @Test("newer schema is rejected")
    func newerSchemaRejected() throws {
        try withTemporaryStore { store, path throws in
            try store.database.execute(
                """
                INSERT INTO schema_migrations (version, name, applied_at)
                VALUES (99, 'later', '2030-01-01T00:00:00.000Z')
                """
            )
            try store.close()

            let error = #expect(throws: StoreError.self) { try CertifStore(path: path) }

            #expect(error?.code == .schemaTooNew)
            #expect(error?.message.contains("99") == true)
        }
    }

    @Test("migrations apply in order once")
    func migrationsApplyInOrder() throws {
        try withTemporaryStore { store, _ throws in
            let latest = unreleasedVersion - 1
            let migrations =
                Schema.migrations + [
                    Migration(
                        version: latest + 1,
                        name: "table",
                        script: "CREATE TABLE extra (id INTEGER)"
                    ),
                    Migration(
                        version: latest + 2,
                        name: "row",
                        script: "INSERT INTO extra VALUES (1); INSERT INTO extra VALUES (2);"
                    ),
                ]

            let first = try store.database.migrate(migrations)
            let second = try store.database.migrate(migrations)

            #expect(first == [latest + 1, latest + 2])
            #expect(second == [])
            #expect(try store.rowCount("extra") == 2)
        }
    }

    @Test("failed migration leaves no trace")
    func failedMigrationRollsBack() throws {
        try withTemporaryStore { store, _ throws in
            let broken = Migration(
                version: unreleasedVersion,
                name: "broken",
                script: "CREATE TABLE half (id INTEGER); INSERT INTO missing VALUES (1);"
            )

            let error = #expect(throws: StoreError.self) {
                try store.database.migrate(Schema.migrations + [broken])
            }
            let halfTables = try store.database.query(
                "SELECT name FROM sqlite_master WHERE name = 'half'"
            )

            #expect(error?.code == .sqlite)
            #expect(error?.function == "sqlite3_prepare_v2")
            #expect(halfTables.isEmpty)
            #expect(try store.schemaVersions() == Schema.migrations.map(\.version))
        }
    }

    @Test("transaction rolls back on throw")
    func transactionRollsBack() throws {
        struct Abort: Error {}
        try withTemporaryStore { store, _ throws in
            let database = store.database
            try database.execute("CREATE TABLE t (value TEXT)")

            #expect(throws: Abort.self) {
                try database.transaction {
                    try database.execute("INSERT INTO t VALUES (\("kept?"))")
                    throw Abort()
                }
            }

            #expect(try store.rowCount("t") == 0)
            #expect(!database.isInTransaction)
        }
    }

    @Test("transaction commits on return")
    func transactionCommits() throws {
        try withTemporaryStore { store, _ throws in
            let database = store.database
            try database.execute("CREATE TABLE t (value TEXT)")

            let result = try database.transaction {
                try database.execute("INSERT INTO t VALUES (\("kept"))")
                return 7
            }

            #expect(result == 7)
            #expect(try store.rowCount("t") == 1)
        }
    }

    @Test("nested transaction is misuse")
    func nestedTransactionRejected() throws {
        try withTemporaryStore { store, _ throws in
            let database = store.database

            let error = #expect(throws: StoreError.self) {
                try database.transaction { try database.transaction {} }
            }

            #expect(error?.code == .misuse)
            #expect(!database.isInTransaction)
        }
    }

    @Test("statement binds and reads every type")
    func statementRoundTripsTypes() throws {
        try withTemporaryStore { store, _ throws in
            let database = store.database
            try database.execute("CREATE TABLE t (i INTEGER, l INTEGER, r REAL, s TEXT, b BLOB, n)")
            let text = "zéro\u{0}un 🎓"
            let bytes = Data([0, 1, 2, 255])
            let insert = try database.prepare("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?)")
            try insert.bind(42, at: 1)
            try insert.bind(Int64.max, at: 2)
            try insert.bind(0.1, at: 3)
            try insert.bind(text, at: 4)
            try insert.bind(bytes, at: 5)
            try insert.bindNull(at: 6)
            try insert.step()
            try insert.reset()
            try insert.bind("", at: 4)
            try insert.bind(Data(), at: 5)
            try insert.step()

            let select = try database.prepare("SELECT * FROM t ORDER BY rowid")
            #expect(try select.step())
            let firstRow = select.row()
            #expect(select.int(at: 0) == 42)
            #expect(select.int64(at: 1) == Int64.max)
            #expect(select.double(at: 2) == 0.1)
            #expect(select.string(at: 3) == text)
            #expect(select.data(at: 4) == bytes)
            #expect(select.isNull(at: 5))
            #expect(select.string(at: 5) == nil)
            #expect(try select.step())
            #expect(select.string(at: 3) == "")
            #expect(select.data(at: 4) == Data())
            #expect(try !select.step())
            #expect(firstRow.columns == ["i", "l", "r", "s", "b", "n"])
            #expect(firstRow["n"] == .null)
        }
    }

    @Test("argument count is checked")
    func argumentCountChecked() throws {
        try withTemporaryStore { store, _ throws in
            let database = store.database

            let tooFew = #expect(throws: StoreError.self) {
                try database.query("SELECT ?, ?", [.integer(1)])
            }
            let both = #expect(throws: StoreError.self) {
                try database.query("SELECT \(1), ?", [.integer(2)])
            }
            let rows = try database.query("SELECT ? AS a, ? AS b", [.text("x"), .null])

            #expect(tooFew?.code == .misuse)
            #expect(both?.code == .misuse)
            #expect(rows == [Row(columns: ["a", "b"], values: [.text("x"), .null])])
        }
    }

    @Test("close waits for open statements")
    func closeWithOpenStatement() throws {
        try withTemporaryStore { _, path throws in
            let database = try Database(path: path)
            var statement: Statement? = try database.prepare("SELECT 1")

            let busy = withExtendedLifetime(statement) {
                #expect(throws: StoreError.self) { try database.close() }
            }
            #expect(busy?.resultCode == SQLITE_BUSY)
            #expect(busy?.function == "sqlite3_close")
            #expect(database.isOpen)

            statement = nil
            try database.close()

            let closed = #expect(throws: StoreError.self) { try database.query("SELECT 1") }
            #expect(closed?.code == .closed)
        }
    }

    @Test("error description hides bound values")
    func errorDescriptionHidesValues() throws {
        try withTemporaryStore { store, _ throws in
            let database = store.database
            try database.execute("CREATE TABLE t (name TEXT UNIQUE)")
            try database.execute("INSERT INTO t VALUES (\("Durand-secret"))")

            let error = #expect(throws: StoreError.self) {
                try database.execute("INSERT INTO t VALUES (\("Durand-secret"))")
            }

            #expect(error?.code == .sqlite)
            #expect(error?.resultCode == 2067)  // SQLITE_CONSTRAINT_UNIQUE
            #expect(error?.function == "sqlite3_step")
            #expect(error?.sql == "INSERT INTO t VALUES (?)")
            #expect(error?.description.contains("Durand-secret") == false)
            #expect(error?.description.contains("UNIQUE constraint failed: t.name") == true)
        }
    }

    @Test("opening a directory fails")
    func openDirectoryFails() throws {
        let error = #expect(throws: StoreError.self) {
            try Database(path: FileManager.default.temporaryDirectory.path)
        }

        #expect(error?.code == .cannotOpen)
        #expect(error?.function == "sqlite3_open_v2")
        #expect(error?.message.contains("is a folder, not a database file") == true)
    }

    @Test("open mode keeps journal mode")
    func openModeKeepsJournalMode() throws {
        try withTemporaryStore { store, path throws in
            try store.database.execute("PRAGMA journal_mode = DELETE")
            try store.close()

            let database = try Database(path: path, mode: .readWrite)
            let journalMode = try database.query("PRAGMA journal_mode")[0].string("journal_mode")

            #expect(journalMode == "delete")
            try database.close()
        }
    }
}
