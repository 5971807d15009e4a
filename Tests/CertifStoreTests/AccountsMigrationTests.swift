import CertifAuth
import Foundation
import Testing

@testable import CertifStore

@Suite("Accounts migration")
struct AccountsMigrationTests {
    @Test("version 1 database is migrated")
    func versionOneDatabaseMigrated() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/certif.sqlite"
            let versionOne = try CertifStore(
                path: path,
                readOnly: false,
                mustExist: false,
                migrations: Array(Schema.migrations.prefix(1)),
                now: { Date(timeIntervalSince1970: 1_740_000_000) }
            )
            // Version 1 has no search columns, so the row is written as that version did.
            try versionOne.database.execute(
                """
                INSERT INTO candidates (
                    id, birth_name, usage_name, given_names, birth_date, diploma, route,
                    territory, available_from, explicit_deadline, remote_allowed,
                    extra_time_percent, created_at, updated_at
                ) VALUES (
                    'C-001', 'Lefèvre', 'N''Diaye', 'Éloïse', '1985-06-02', 'DEAF', 'VAE',
                    '53', '2025-01-15', NULL, 1, 0,
                    '2025-02-19T21:20:00.000Z', '2025-02-19T21:20:00.000Z'
                )
                """
            )
            #expect(try versionOne.schemaVersions() == [1])
            try versionOne.close()

            let store = try CertifStore(path: path, now: SteppingClock().next)

            #expect(try store.schemaVersions() == Schema.migrations.map(\.version))
            let row = try store.database.query(
                "SELECT search_text, sort_name, deadline FROM candidates WHERE id = 'C-001'"
            )[0]
            #expect(try row.string("deadline") == "2025-04-15")
            #expect(try row.string("search_text") == "c001 lefevre ndiaye eloise")
            #expect(try row.string("sort_name") == "lefevre")
            #expect(try store.candidates(visibleTo: .all, search: "ELOISE").total == 1)
            #expect(try store.candidate(id: "C-001")?.birthName == "Lefèvre")
            let account = try store.addAccount("marie", role: officer("53"))
            _ = try store.startSession(for: account)
            #expect(try store.accountCount() == 1)
            let names = try store.database.query(
                "SELECT name FROM schema_migrations WHERE version = 2"
            ).map { try $0.string("name") }
            #expect(names == ["add accounts, web sessions, API tokens and candidate search"])
            try store.close()
        }
    }

    @Test("stored values are checked")
    func storedValuesChecked() throws {
        try withTemporaryStore { store, _ throws in
            let account = try store.addAccount("marie", role: officer("53"))
            let statements: [SQL] = [
                "UPDATE accounts SET territory = NULL WHERE id = \(account.id.rawValue)",
                "UPDATE accounts SET role = 'national-reader' WHERE id = \(account.id.rawValue)",
                "UPDATE accounts SET role = 'superuser' WHERE id = \(account.id.rawValue)",
                "UPDATE accounts SET active = 2 WHERE id = \(account.id.rawValue)",
                """
                INSERT INTO web_sessions (
                    token_hash, account_id, csrf_secret, created_at, last_seen_at,
                    idle_timeout_seconds, absolute_timeout_seconds, expires_at, ended_at,
                    remote_address
                ) VALUES (
                    \(String(repeating: "a", count: 64)), \(account.id.rawValue), 'x', 't',
                    't', 60, 60, 't', 't', '192.0.2.10'
                )
                """,
                """
                INSERT INTO api_tokens (token_hash, account_id, name, created_at)
                VALUES ('short', \(account.id.rawValue), 'ASP', 't')
                """,
            ]

            for statement in statements {
                let error = #expect(throws: StoreError.self) {
                    try store.database.execute(statement)
                }
                #expect(error?.resultCode.map { $0 & 0xFF } == 19, "\(statement.text)")
            }
        }
    }
}
