import CSQLite
import Foundation

/// One step of the schema, applied once per database and recorded in `schema_migrations`.
struct Migration: Sendable {
    /// The step's number. Versions increase along the list and never change once released.
    let version: Int
    let name: String
    let script: SQL
    /// Fills new columns with values that SQL cannot compute, such as text folded by
    /// Foundation. It runs after `script`, in the same transaction.
    let backfill: (@Sendable (Database) throws -> Void)?

    init(
        version: Int,
        name: String,
        script: SQL,
        backfill: (@Sendable (Database) throws -> Void)? = nil
    ) {
        self.version = version
        self.name = name
        self.script = script
        self.backfill = backfill
    }
}

extension Database {
    /// Applies, in version order, each migration that `schema_migrations` does not record yet,
    /// each in its own transaction with the row that records it. Returns the versions applied.
    ///
    /// Throws `notCertifDatabase`, before writing anything, when the file is not a SQLite
    /// database or contains the schema of another program, and `schemaTooNew` when the database
    /// records a version beyond the last of `migrations`, because a newer Certif wrote it.
    @discardableResult
    func migrate(_ migrations: [Migration], now: Date = Date()) throws -> [Int] {
        let versions = migrations.map(\.version)
        precondition(
            zip(versions, versions.dropFirst()).allSatisfy { $0 < $1 },
            "migration versions must increase strictly, got \(versions)"
        )
        _ = try hasCertifSchema()
        try execute(
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                applied_at TEXT NOT NULL
            ) STRICT
            """
        )
        let recorded = try appliedMigrationVersions()
        try checkNotNewer(recorded, than: migrations)
        var applied: [Int] = []
        for migration in migrations where !recorded.contains(migration.version) {
            let didApply = try transaction {
                // Another connection may have applied it since the check above.
                guard try !appliedMigrationVersions().contains(migration.version) else {
                    return false
                }
                try executeScript(migration.script)
                try migration.backfill?(self)
                try execute(
                    """
                    INSERT INTO schema_migrations (version, name, applied_at)
                    VALUES (\(migration.version), \(migration.name), \(Timestamp.string(now)))
                    """
                )
                return true
            }
            if didApply {
                applied.append(migration.version)
            }
        }
        return applied
    }

    /// Checks, without writing, that the database records every one of `migrations` and no
    /// later one, for a connection that cannot migrate.
    ///
    /// Throws `notCertifDatabase` as `migrate` does, `schemaTooNew` for a later version, and
    /// `schemaOutdated` for a database without Certif's tables or lacking a migration.
    func checkSchemaIsCurrent(_ migrations: [Migration]) throws {
        guard try hasCertifSchema() else {
            throw StoreError(
                code: .schemaOutdated,
                message: "the database \(path) has no Certif tables yet; import candidates to "
                    + "create them, then try again"
            )
        }
        let recorded = try appliedMigrationVersions()
        try checkNotNewer(recorded, than: migrations)
        let missing = migrations.map(\.version).filter { !recorded.contains($0) }
        guard missing.isEmpty else {
            let versions = missing.map(String.init).joined(separator: ", ")
            throw StoreError(
                code: .schemaOutdated,
                message: "the database \(path) lacks schema version \(versions) of this "
                    + "Certif, and a database opened read-only cannot be updated; run any "
                    + "command that writes to it once, such as an import, then try again",
                sql: "SELECT version FROM schema_migrations"
            )
        }
    }

    /// Returns true when the file contains Certif's schema and false when it contains no
    /// schema at all (a new or empty file). Reads `sqlite_master` only.
    ///
    /// Throws `notCertifDatabase` when the file is not a SQLite database, or when it contains
    /// tables, indexes, views or triggers but no `schema_migrations` table with Certif's
    /// columns (another program's database, including one with a `schema_migrations` table of
    /// its own).
    func hasCertifSchema() throws -> Bool {
        let objectCount: Int
        do {
            objectCount = try query("SELECT count(*) AS n FROM sqlite_master")[0].int("n")
        } catch let error as StoreError
            where error.resultCode.map({ $0 & 0xFF == SQLITE_NOTADB }) == true
        {
            throw StoreError(
                code: .notCertifDatabase,
                message: "the file \(path) is not a SQLite database, so Certif leaves it "
                    + "unchanged; give the path of a Certif database, or of a new file to "
                    + "create one",
                function: error.function,
                resultCode: error.resultCode,
                sqliteMessage: error.sqliteMessage,
                sql: error.sql
            )
        }
        guard objectCount > 0 else {
            return false
        }
        let columns = try query(
            "SELECT name FROM pragma_table_info('schema_migrations')"
        ).map { try $0.string("name") }
        guard Set(columns).isSuperset(of: ["version", "name", "applied_at"]) else {
            throw StoreError(
                code: .notCertifDatabase,
                message: "the file \(path) is the SQLite database of another program: it has "
                    + "tables but no Certif schema_migrations table, so Certif leaves it "
                    + "unchanged; give the path of a Certif database, or of a new file to "
                    + "create one",
                sql: "SELECT name FROM pragma_table_info('schema_migrations')"
            )
        }
        return true
    }

    /// Reads the versions recorded in `schema_migrations`, in increasing order.
    func appliedMigrationVersions() throws -> [Int] {
        try query("SELECT version FROM schema_migrations ORDER BY version").map {
            try $0.int("version")
        }
    }

    /// Throws `schemaTooNew` when `recorded` contains a version beyond the last of `migrations`.
    private func checkNotNewer(_ recorded: [Int], than migrations: [Migration]) throws {
        let latestKnown = migrations.last?.version ?? 0
        if let latestRecorded = recorded.max(), latestRecorded > latestKnown {
            throw StoreError(
                code: .schemaTooNew,
                message: "the database \(path) has schema version \(latestRecorded), "
                    + "but this version of Certif knows versions up to \(latestKnown); "
                    + "use a newer Certif",
                sql: "SELECT version FROM schema_migrations"
            )
        }
    }
}
