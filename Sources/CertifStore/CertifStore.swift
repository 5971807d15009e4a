import Foundation

/// The person or program on whose behalf the store writes, recorded in the audit log.
///
/// The name comes from outside (`$USER` for the command line), so every way of setting it,
/// decoding included, cleans it. Each control or format character becomes "?", so that a name
/// cannot start a new audit line or send terminal escapes. The name keeps its first
/// `maxNameLength` Unicode scalars.
public struct StoreActor: Sendable, Hashable, Codable {
    /// Unicode scalars that a name keeps.
    public static let maxNameLength = 64

    private var cleanName: String

    /// "cli:<user>" for the command line.
    public var name: String {
        get { cleanName }
        set { cleanName = Self.clean(newValue) }
    }

    public init(name: String) {
        self.cleanName = Self.clean(name)
    }

    /// Creates the actor of a command run by the system user `user`.
    public static func commandLine(user: String) -> StoreActor {
        StoreActor(name: "cli:\(user)")
    }

    private enum CodingKeys: String, CodingKey {
        case name
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(name: try container.decode(String.self, forKey: .name))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(cleanName, forKey: .name)
    }

    private static func clean(_ name: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in name.unicodeScalars.prefix(maxNameLength) {
            scalars.append(scalar.isControlOrFormat ? "?" : scalar)
        }
        return String(scalars)
    }
}

/// Certif's database: candidates, settings, plans, fixed sessions, accounts with their web
/// sessions and API tokens, and the audit log.
///
/// Each write method runs in one transaction and appends its audit rows in that same
/// transaction, so a write and its audit rows are committed together or not at all. Opening a
/// store for writing applies the migrations that the database lacks. Opening never changes a
/// file that is not a SQLite database or that contains another program's tables.
///
/// A store is not Sendable, like the `Database` it wraps: use it from one thread or task at a
/// time, and open one store per thread.
public final class CertifStore {
    let database: Database
    let now: () -> Date

    /// Opens, creating if needed, and migrates the database at `path`. `now` gives the time of
    /// the timestamps that the store writes.
    public convenience init(path: String, now: @escaping () -> Date = { Date() }) throws {
        try self.init(path: path, readOnly: false, mustExist: false, now: now)
    }

    /// Opens the database at `path`. `now` gives the time of the timestamps that the store
    /// writes.
    ///
    /// With `readOnly`, SQLite opens the file for reading only, and the store neither changes
    /// its journal mode nor migrates it, so a file that this user may only read can be read.
    /// Every write method then throws `misuse`. The file must exist, whatever the value of `mustExist`.
    /// Without `readOnly`, the store turns on write-ahead logging and applies the missing
    /// migrations, and creates the file unless `mustExist` is true.
    ///
    /// Every error that opening throws names the path in its `message`, unless the path is
    /// empty:
    /// - `databaseNotFound`: the file is missing and `readOnly` or `mustExist` is true;
    /// - `cannotOpen`: the path is empty or a folder, its folder is missing, or permission is
    ///   denied;
    /// - `notCertifDatabase`: the file is not a SQLite database, or contains another program's
    ///   tables; the store leaves it unchanged;
    /// - `schemaOutdated`: read-only, and the database lacks a migration of this version;
    /// - `schemaTooNew`: a newer version of Certif wrote the database;
    /// - `sqlite`: another SQLite failure (a lock held too long, a damaged file, a full disk).
    public convenience init(
        path: String,
        readOnly: Bool,
        mustExist: Bool = false,
        now: @escaping () -> Date = { Date() }
    ) throws {
        try self.init(
            path: path,
            readOnly: readOnly,
            mustExist: mustExist,
            migrations: Schema.migrations,
            now: now
        )
    }

    /// Opens the database at `path` with `migrations` in place of Certif's, for tests.
    init(
        path: String,
        readOnly: Bool,
        mustExist: Bool,
        migrations: [Migration],
        now: @escaping () -> Date
    ) throws {
        if readOnly || mustExist {
            try Self.checkFileExists(at: path)
        }
        let mode: Database.OpenMode
        if readOnly {
            mode = .readOnly
        } else if mustExist {
            mode = .readWrite
        } else {
            mode = .readWriteCreate
        }
        let database = try Database(path: path, mode: mode)
        self.database = database
        self.now = now
        do {
            if readOnly {
                try database.checkSchemaIsCurrent(migrations)
            } else {
                // The check comes first because write-ahead logging rewrites the file header.
                _ = try database.hasCertifSchema()
                try database.enableWriteAheadLog()
                try database.migrate(migrations, now: now())
            }
        } catch let error as StoreError where error.code == .sqlite {
            throw Self.openingError(from: error, path: path, mode: mode)
        }
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

    /// Runs `body` in one transaction after checking that the store was opened for writing and
    /// that `actor` has a name, and returns the write's timestamp text to `body`.
    func write<Result>(
        as actor: StoreActor,
        _ body: (_ timestamp: String) throws -> Result
    ) throws -> Result {
        try checkWritable()
        // A name of control characters only was cleaned to question marks.
        guard actor.name.contains(where: { !$0.isWhitespace && $0 != "?" }) else {
            throw StoreError(
                code: .invalidRequest,
                message: "every write needs an actor name for the audit log, and it was empty "
                    + "or had no visible character"
            )
        }
        let timestamp = Timestamp.string(now())
        return try database.transaction { try body(timestamp) }
    }

    /// Runs `body` in one transaction after checking that the store was opened for writing,
    /// for the bookkeeping that the system does without an actor and without an audit entry,
    /// such as recording a session's latest request.
    func systemWrite<Result>(_ body: () throws -> Result) throws -> Result {
        try checkWritable()
        return try database.transaction(body)
    }

    private func checkWritable() throws {
        guard database.mode != .readOnly else {
            throw StoreError(
                code: .misuse,
                message: "the database \(path) was opened read-only, so it cannot be changed; "
                    + "open it for writing"
            )
        }
    }
}

@available(*, unavailable, message: "a CertifStore is used by one thread at a time")
extension CertifStore: Sendable {}
