import Foundation

/// One step of the schema, applied once per database and recorded in `schema_migrations`.
struct Migration: Sendable {
    /// The step's number. Versions increase along the list and never change once released.
    let version: Int
    let name: String
    let script: SQL
}

extension Database {
    /// Applies, in version order, each migration that `schema_migrations` does not record yet,
    /// each in its own transaction with the row that records it. Returns the versions applied.
    ///
    /// Throws `schemaTooNew` when the database records a version beyond the last of
    /// `migrations`, because a newer Certif wrote it.
    @discardableResult
    func migrate(_ migrations: [Migration], now: Date = Date()) throws -> [Int] {
        let versions = migrations.map(\.version)
        precondition(
            zip(versions, versions.dropFirst()).allSatisfy { $0 < $1 },
            "migration versions must increase strictly, got \(versions)"
        )
        try execute(
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                applied_at TEXT NOT NULL
            ) STRICT
            """
        )
        let latestKnown = versions.last ?? 0
        let recorded = try appliedMigrationVersions()
        if let latestRecorded = recorded.max(), latestRecorded > latestKnown {
            throw StoreError(
                code: .schemaTooNew,
                message: "the database \(path) has schema version \(latestRecorded), "
                    + "but this version of Certif knows versions up to \(latestKnown); "
                    + "use a newer Certif",
                sql: "SELECT version FROM schema_migrations"
            )
        }
        var applied: [Int] = []
        for migration in migrations where !recorded.contains(migration.version) {
            let didApply = try transaction {
                // Another connection may have applied it since the check above.
                guard try !appliedMigrationVersions().contains(migration.version) else {
                    return false
                }
                try executeScript(migration.script)
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

    /// Reads the versions recorded in `schema_migrations`, in increasing order.
    func appliedMigrationVersions() throws -> [Int] {
        try query("SELECT version FROM schema_migrations ORDER BY version").map {
            try $0.int("version")
        }
    }
}
