extension Schema {
    /// Version 2: the accounts of the web application, their login sessions and API tokens,
    /// and the folded columns that candidate search and sorting read.
    ///
    /// The schema stores no login throttling, so the web layer keeps its `LoginThrottle` in
    /// memory.
    static let accountsAndSearch: SQL = """
        -- Filled by fillCandidateSearchColumns for existing rows, and by every later write.
        ALTER TABLE candidates ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
        ALTER TABLE candidates ADD COLUMN sort_name TEXT NOT NULL DEFAULT '';

        -- search_text is part of the index, so that a searched list reads it in the index
        -- instead of visiting every row.
        CREATE INDEX candidates_sort_name ON candidates (sort_name, id, search_text);
        CREATE INDEX candidates_territory ON candidates (territory);
        CREATE INDEX sessions_organizer ON sessions (organizer);

        -- login is stored as Account.normalizedLogin returns it. territory is set for a
        -- regional officer only. password_hash is libsodium's Argon2id string.
        CREATE TABLE accounts (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            login TEXT NOT NULL UNIQUE CHECK (login <> ''),
            display_name TEXT NOT NULL CHECK (display_name <> ''),
            role TEXT NOT NULL
                CHECK (role IN ('national-administrator', 'regional-officer', 'national-reader')),
            territory TEXT,
            password_hash TEXT NOT NULL CHECK (password_hash <> ''),
            active INTEGER NOT NULL CHECK (active IN (0, 1)),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            password_changed_at TEXT NOT NULL,
            CHECK ((role = 'regional-officer') = (territory IS NOT NULL))
        ) STRICT;

        -- One row per login, kept after it ends. token_hash is the BLAKE2b-256 digest of the
        -- cookie's token, never the token. expires_at is the earlier of the idle and absolute
        -- deadlines, for the sweep of sessions that timed out between requests.
        CREATE TABLE web_sessions (
            token_hash TEXT PRIMARY KEY NOT NULL CHECK (length(token_hash) = 64),
            account_id INTEGER NOT NULL REFERENCES accounts (id),
            csrf_secret TEXT NOT NULL,
            created_at TEXT NOT NULL,
            last_seen_at TEXT NOT NULL,
            idle_timeout_seconds REAL NOT NULL CHECK (idle_timeout_seconds > 0),
            absolute_timeout_seconds REAL NOT NULL CHECK (absolute_timeout_seconds > 0),
            expires_at TEXT NOT NULL,
            ended_at TEXT,
            end_reason TEXT
                CHECK (end_reason IN ('idleTimeout', 'absoluteTimeout', 'loggedOut', 'revoked')),
            remote_address TEXT NOT NULL,
            CHECK ((ended_at IS NULL) = (end_reason IS NULL))
        ) STRICT;

        CREATE INDEX web_sessions_account_id ON web_sessions (account_id);
        CREATE INDEX web_sessions_active_expiry ON web_sessions (expires_at)
            WHERE ended_at IS NULL;

        -- token_hash is the BLAKE2b-256 digest of the token, which only its creator saw.
        CREATE TABLE api_tokens (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            token_hash TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
            account_id INTEGER NOT NULL REFERENCES accounts (id),
            name TEXT NOT NULL CHECK (name <> ''),
            created_at TEXT NOT NULL,
            last_used_at TEXT,
            revoked_at TEXT
        ) STRICT;

        CREATE INDEX api_tokens_account_id ON api_tokens (account_id);
        """

    /// Fills `search_text` and `sort_name` for the candidates that version 1 stored.
    @Sendable
    static func fillCandidateSearchColumns(_ database: Database) throws {
        let rows = try database.query(
            "SELECT id, birth_name, usage_name, given_names FROM candidates"
        )
        for row in rows {
            let id = try row.string("id")
            let birthName = try row.string("birth_name")
            let searchText = SearchKey.searchText(
                id: id,
                birthName: birthName,
                usageName: try row.optionalString("usage_name"),
                givenNames: try row.string("given_names")
            )
            try database.execute(
                """
                UPDATE candidates
                SET search_text = \(searchText), sort_name = \(SearchKey.fold(birthName))
                WHERE id = \(id)
                """
            )
        }
    }
}
