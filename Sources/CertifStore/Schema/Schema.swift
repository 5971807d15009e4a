/// The migrations of Certif's database, oldest first. Append a migration to change the schema,
/// and never edit one that has been released.
enum Schema {
    static let migrations: [Migration] = [
        Migration(
            version: 1,
            name: "create candidates, settings, plans, sessions and audit log",
            script: initial
        ),
        Migration(
            version: 2,
            name: "add accounts, web sessions, API tokens and candidate search",
            script: accountsAndSearch,
            backfill: fillCandidateSearchColumns
        ),
        Migration(
            version: 3,
            name: "add candidate deadlines, session outlines and candidate uploads",
            script: deadlinesAndUploads,
            backfill: fillCandidateDeadlines
        ),
        Migration(
            version: 4,
            name: "add the national scheme overrides and the audit log indexes",
            script: nationalSchemeAndAuditIndexes
        ),
    ]

    private static let initial: SQL = """
        CREATE TABLE candidates (
            id TEXT PRIMARY KEY NOT NULL CHECK (id <> ''),
            birth_name TEXT NOT NULL,
            usage_name TEXT,
            given_names TEXT NOT NULL,
            birth_date TEXT NOT NULL,
            diploma TEXT NOT NULL,
            route TEXT NOT NULL,
            territory TEXT NOT NULL,
            available_from TEXT NOT NULL,
            explicit_deadline TEXT,
            remote_allowed INTEGER NOT NULL CHECK (remote_allowed IN (0, 1)),
            extra_time_percent INTEGER NOT NULL CHECK (extra_time_percent >= 0),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        ) STRICT;

        -- One row at most, holding the whole Settings value; no row means the defaults.
        CREATE TABLE settings (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            json TEXT NOT NULL CHECK (json_valid(json))
        ) STRICT;

        CREATE TABLE plans (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('draft', 'accepted')),
            today TEXT NOT NULL,
            period_from TEXT NOT NULL,
            period_to TEXT NOT NULL,
            json TEXT NOT NULL CHECK (json_valid(json)),
            accepted_at TEXT,
            CHECK ((status = 'accepted') = (accepted_at IS NOT NULL))
        ) STRICT;

        -- Fixed sessions. plan_id is NULL for a session that no plan of this database created.
        CREATE TABLE sessions (
            id TEXT PRIMARY KEY NOT NULL,
            plan_id INTEGER REFERENCES plans (id),
            diploma TEXT NOT NULL,
            organizer TEXT NOT NULL,
            accepted_at TEXT NOT NULL,
            accepted_by TEXT NOT NULL,
            json TEXT NOT NULL CHECK (json_valid(json))
        ) STRICT;

        CREATE INDEX sessions_plan_id ON sessions (plan_id);

        -- The UNIQUE candidate_id keeps each candidate in one fixed session at most.
        CREATE TABLE session_candidates (
            session_id TEXT NOT NULL REFERENCES sessions (id),
            candidate_id TEXT NOT NULL UNIQUE REFERENCES candidates (id),
            date TEXT NOT NULL
        ) STRICT;

        CREATE INDEX session_candidates_session_id ON session_candidates (session_id);

        CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            entity TEXT NOT NULL,
            entity_id TEXT,
            before TEXT CHECK (before IS NULL OR json_valid(before)),
            after TEXT CHECK (after IS NULL OR json_valid(after))
        ) STRICT;
        """
}
