import Foundation
import Testing

@testable import CertifStore

@Suite("Opening")
struct OpeningTests {
    /// Creates a Certif database at `path` holding candidate C-001, in the rollback-journal
    /// mode that a copy made without SQLite may have, and closes it.
    private func makeDatabase(at path: String) throws {
        let store = try CertifStore(path: path)
        _ = try store.importCandidates([makeCandidate("C-001")], actor: tester)
        try store.database.execute("PRAGMA journal_mode = DELETE")
        try store.close()
    }

    private func contents(_ path: String) -> Data? {
        FileManager.default.contents(atPath: path)
    }

    private func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }

    // MARK: Read-only

    @Test("read-only store reads without writing")
    func readOnlyReads() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/certif.sqlite"
            try makeDatabase(at: path)
            try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
            let before = contents(path)

            let store = try CertifStore(path: path, readOnly: true)
            let candidates = try store.candidates()
            let journalMode = try store.database.query("PRAGMA journal_mode")[0]
                .string("journal_mode")
            let write = #expect(throws: StoreError.self) {
                try store.importCandidates([makeCandidate("C-002")], actor: tester)
            }
            try store.close()

            #expect(candidates.map(\.id) == ["C-001"])
            #expect(journalMode == "delete")
            #expect(write?.code == .misuse)
            #expect(write?.message.contains("\(path) was opened read-only") == true)
            #expect(contents(path) == before)
            #expect(!exists(path + "-wal"))
        }
    }

    @Test("read-only store reads a WAL database")
    func readOnlyReadsWriteAheadLog() throws {
        try withTemporaryStore { store, path throws in
            _ = try store.importCandidates([makeCandidate("C-001")], actor: tester)

            let reader = try CertifStore(path: path, readOnly: true)

            #expect(try reader.candidates().map(\.id) == ["C-001"])
            try reader.close()
        }
    }

    @Test("read-only store rejects older schema")
    func readOnlyRejectsOlderSchema() throws {
        try withTemporaryStore { _, path throws in
            let later = Migration(
                version: unreleasedVersion,
                name: "later",
                script: "CREATE TABLE later (id)"
            )

            let error = #expect(throws: StoreError.self) {
                try CertifStore(
                    path: path,
                    readOnly: true,
                    mustExist: true,
                    migrations: Schema.migrations + [later],
                    now: { Date() }
                )
            }
            let tables = try Database(path: path, mode: .readOnly).query(
                "SELECT name FROM sqlite_master WHERE name = 'later'"
            )

            #expect(error?.code == .schemaOutdated)
            #expect(error?.message.contains(path) == true)
            #expect(error?.message.contains("lacks schema version \(unreleasedVersion) ") == true)
            #expect(error?.message.contains("run any command that writes to it") == true)
            #expect(tables.isEmpty)
        }
    }

    @Test("read-only store rejects newer schema")
    func readOnlyRejectsNewerSchema() throws {
        try withTemporaryStore { store, path throws in
            try store.database.execute(
                """
                INSERT INTO schema_migrations (version, name, applied_at)
                VALUES (99, 'later', '2030-01-01T00:00:00.000Z')
                """
            )

            let error = #expect(throws: StoreError.self) {
                try CertifStore(path: path, readOnly: true)
            }

            #expect(error?.code == .schemaTooNew)
            #expect(error?.message.contains("99") == true)
        }
    }

    @Test("read-only store rejects empty file")
    func readOnlyRejectsEmptyFile() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/certif.sqlite"
            #expect(FileManager.default.createFile(atPath: path, contents: Data()))

            let error = #expect(throws: StoreError.self) {
                try CertifStore(path: path, readOnly: true)
            }

            #expect(error?.code == .schemaOutdated)
            #expect(error?.message.contains(path) == true)
            #expect(error?.message.contains("import candidates") == true)
            #expect(contents(path) == Data())
        }
    }

    // MARK: Missing files

    @Test("missing file is not created", arguments: [true, false])
    func missingFileNotCreated(readOnly: Bool) throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/typo.sqlite"

            let error = #expect(throws: StoreError.self) {
                try CertifStore(path: path, readOnly: readOnly, mustExist: true)
            }

            #expect(error?.code == .databaseNotFound)
            #expect(error?.message.contains(path) == true)
            #expect(error?.message.contains("import candidates to create the database") == true)
            #expect(!exists(path))
        }
    }

    @Test("read-only store needs the file")
    func readOnlyNeedsFile() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/typo.sqlite"

            let error = #expect(throws: StoreError.self) {
                try CertifStore(path: path, readOnly: true)
            }

            #expect(error?.code == .databaseNotFound)
            #expect(!exists(path))
        }
    }

    @Test("existing file opens with mustExist")
    func mustExistOpensExisting() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/certif.sqlite"
            try makeDatabase(at: path)

            let store = try CertifStore(path: path, readOnly: false, mustExist: true)

            #expect(try store.candidates().map(\.id) == ["C-001"])
            _ = try store.importCandidates([makeCandidate("C-002")], actor: tester)
            try store.close()
        }
    }

    @Test("exists is true for files only")
    func existsTrueForFilesOnly() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/certif.sqlite"
            try makeDatabase(at: path)

            #expect(CertifStore.exists(path: path))
            #expect(!CertifStore.exists(path: directory + "/typo.sqlite"))
            #expect(!CertifStore.exists(path: directory))
            #expect(!CertifStore.exists(path: ""))
        }
    }

    // MARK: Files that are not Certif's

    @Test("non-SQLite file is left unchanged", arguments: [true, false])
    func nonSQLiteFileUnchanged(readOnly: Bool) throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/candidates.csv"
            let text = "id;nom;diplome\n" + String(repeating: "C-001;Martin;DEAF\n", count: 100)
            #expect(FileManager.default.createFile(atPath: path, contents: Data(text.utf8)))

            let error = #expect(throws: StoreError.self) {
                try CertifStore(path: path, readOnly: readOnly)
            }

            #expect(error?.code == .notCertifDatabase)
            #expect(error?.message.contains("the file \(path) is not a SQLite database") == true)
            #expect(contents(path) == Data(text.utf8))
            #expect(!exists(path + "-wal"))
        }
    }

    @Test(
        "other program's database is left unchanged",
        arguments: [
            "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)",
            "CREATE TABLE schema_migrations (version TEXT PRIMARY KEY)",
            "CREATE VIEW totals AS SELECT 1 AS total",
        ]
    )
    func otherDatabaseUnchanged(script: String) throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/other.sqlite"
            let other = try Database(path: path, mode: .readWriteCreate)
            try other.execute(SQL(raw: script))
            try other.close()
            let before = contents(path)

            let readWrite = #expect(throws: StoreError.self) { try CertifStore(path: path) }
            let readOnly = #expect(throws: StoreError.self) {
                try CertifStore(path: path, readOnly: true)
            }

            #expect(readWrite?.code == .notCertifDatabase)
            #expect(
                readWrite?.message.contains("\(path) is the SQLite database of another") == true
            )
            #expect(readOnly?.code == .notCertifDatabase)
            #expect(contents(path) == before)
            #expect(!exists(path + "-wal"))
        }
    }

    @Test("migrate rejects other program's database")
    func migrateRejectsOtherDatabase() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/other.sqlite"
            let database = try Database(path: path, mode: .readWriteCreate)
            try database.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY)")

            let error = #expect(throws: StoreError.self) {
                try database.migrate(Schema.migrations)
            }
            let tables = try database.query("SELECT name FROM sqlite_master").map {
                try $0.string("name")
            }

            #expect(error?.code == .notCertifDatabase)
            #expect(tables == ["customers"])
            try database.close()
        }
    }

    // MARK: Paths that cannot be opened

    @Test("empty path is rejected", arguments: [false, true])
    func emptyPathRejected(readOnly: Bool) throws {
        let error = #expect(throws: StoreError.self) {
            try CertifStore(path: "", readOnly: readOnly)
        }

        #expect(error?.code == .cannotOpen)
        #expect(error?.message == "the database path is empty; give the path of a database file")
    }

    @Test("folder as path is rejected", arguments: [false, true])
    func folderPathRejected(readOnly: Bool) throws {
        try withTemporaryDirectory { directory in
            let error = #expect(throws: StoreError.self) {
                try CertifStore(path: directory, readOnly: readOnly)
            }

            #expect(error?.code == .cannotOpen)
            #expect(
                error?.message.contains("\(directory) is a folder, not a database file") == true
            )
            #expect(error?.message.contains("\(directory)/certif.sqlite") == true)
        }
    }

    @Test("missing folder is named")
    func missingFolderNamed() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/missing/certif.sqlite"

            let error = #expect(throws: StoreError.self) { try CertifStore(path: path) }

            #expect(error?.code == .cannotOpen)
            #expect(
                error?.message.contains("the folder \(directory)/missing does not exist") == true
            )
            #expect(error?.message.contains(path) == true)
            #expect(error?.function == "sqlite3_open_v2")
        }
    }

    @Test("file as folder is named")
    func fileAsFolderNamed() throws {
        try withTemporaryDirectory { directory in
            let file = directory + "/notes.txt"
            #expect(FileManager.default.createFile(atPath: file, contents: Data("notes".utf8)))

            let error = #expect(throws: StoreError.self) {
                try CertifStore(path: file + "/certif.sqlite")
            }

            #expect(error?.code == .cannotOpen)
            #expect(error?.message.contains("the folder \(file) is a file, not a folder") == true)
        }
    }

    // MARK: Permissions

    // Root reads and writes every file whatever its mode, so these run as another user only.

    @Test("unreadable file is named", .enabled(if: geteuid() != 0))
    func unreadableFileNamed() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/certif.sqlite"
            try makeDatabase(at: path)
            try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: path)

            let error = #expect(throws: StoreError.self) {
                try CertifStore(path: path, readOnly: true)
            }

            #expect(error?.code == .cannotOpen)
            #expect(
                error?.message.contains(
                    "permission denied: this user cannot read the database \(path)"
                )
                    == true
            )
        }
    }

    @Test("read-only file opens for reading only", .enabled(if: geteuid() != 0))
    func readOnlyFileOpensForReading() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/certif.sqlite"
            try makeDatabase(at: path)
            try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)

            let writer = #expect(throws: StoreError.self) { try CertifStore(path: path) }
            let reader = try CertifStore(path: path, readOnly: true)

            #expect(writer?.code == .cannotOpen)
            #expect(
                writer?.message.contains(
                    "permission denied: this user cannot write to the database"
                )
                    == true
            )
            #expect(try reader.candidates().map(\.id) == ["C-001"])
            try reader.close()
        }
    }

    @Test("WAL database in locked folder is named", .enabled(if: geteuid() != 0))
    func writeAheadLogInLockedFolderNamed() throws {
        try withTemporaryDirectory { directory in
            let folder = directory + "/locked"
            try FileManager.default.createDirectory(
                atPath: folder,
                withIntermediateDirectories: false
            )
            let path = folder + "/certif.sqlite"
            let store = try CertifStore(path: path)
            _ = try store.importCandidates([makeCandidate("C-001")], actor: tester)
            try store.close()
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder)
            defer {
                try? FileManager.default.setAttributes(
                    [.posixPermissions: 0o755],
                    ofItemAtPath: folder
                )
            }

            let error = #expect(throws: StoreError.self) {
                try CertifStore(path: path, readOnly: true)
            }

            #expect(error?.code == .cannotOpen)
            #expect(error?.message.contains("needs to create \(path)-wal and \(path)-shm") == true)
        }
    }

    @Test("unwritable folder is named", .enabled(if: geteuid() != 0))
    func unwritableFolderNamed() throws {
        try withTemporaryDirectory { directory in
            let folder = directory + "/locked"
            try FileManager.default.createDirectory(
                atPath: folder,
                withIntermediateDirectories: false,
                attributes: [.posixPermissions: 0o555]
            )
            defer {
                try? FileManager.default.setAttributes(
                    [.posixPermissions: 0o755],
                    ofItemAtPath: folder
                )
            }

            let error = #expect(throws: StoreError.self) {
                try CertifStore(path: folder + "/certif.sqlite")
            }

            #expect(error?.code == .cannotOpen)
            #expect(
                error?.message.contains("this user cannot create files in the folder \(folder)")
                    == true
            )
        }
    }
}
