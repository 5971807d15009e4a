import Foundation

/// The person or program on whose behalf the store writes, recorded in the audit log.
public struct StoreActor: Sendable, Hashable, Codable {
    /// "cli:<user>" for the command line.
    public var name: String

    public init(name: String) {
        self.name = name
    }

    /// Creates the actor of a command run by the system user `user`.
    public static func commandLine(user: String) -> StoreActor {
        StoreActor(name: "cli:\(user)")
    }
}

/// Certif's database: candidates, settings, plans, fixed sessions and the audit log.
///
/// Each write method runs in one transaction and appends its audit rows in that same
/// transaction, so a write and its audit rows are committed together or not at all. Opening a
/// store applies the migrations that the database lacks.
///
/// A store is not Sendable, like the `Database` it wraps: use it from one thread or task at a
/// time, and open one store per thread.
public final class CertifStore {
    let database: Database
    let now: () -> Date

    /// Opens, creating if needed, and migrates the database at `path`. `now` gives the time of
    /// the timestamps that the store writes.
    public init(path: String, now: @escaping () -> Date = { Date() }) throws {
        self.database = try Database(path: path)
        self.now = now
        try database.migrate(Schema.migrations, now: now())
    }

    public var path: String { database.path }

    /// Closes the database. Later calls throw `closed`.
    public func close() throws {
        try database.close()
    }

    /// Returns the schema versions recorded in the database, oldest first.
    public func schemaVersions() throws -> [Int] {
        try database.appliedMigrationVersions()
    }

    /// Runs `body` in one transaction after checking that `actor` has a name, and returns the
    /// write's timestamp text to `body`.
    func write<Result>(
        as actor: StoreActor,
        _ body: (_ timestamp: String) throws -> Result
    ) throws -> Result {
        guard !actor.name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw StoreError(
                code: .invalidRequest,
                message: "every write needs an actor name for the audit log, and it was empty"
            )
        }
        let timestamp = Timestamp.string(now())
        return try database.transaction { try body(timestamp) }
    }
}

@available(*, unavailable, message: "a CertifStore is used by one thread at a time")
extension CertifStore: Sendable {}
