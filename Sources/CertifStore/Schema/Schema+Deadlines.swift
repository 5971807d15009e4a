import CertifDomain

extension Schema {
    /// Version 3: each candidate's deadline and fixed session as columns, so that lists filter
    /// and sort by them in SQL, and each session's days as columns. It also adds
    /// the table of the candidate files uploaded for a two-step import, kept from the preview
    /// to the confirmation.
    static let deadlinesAndUploads: SQL = """
        -- The date of Settings.deadline(for:), in ISO 8601, filled by fillCandidateDeadlines
        -- for existing rows and kept up to date by every candidate write and settings change.
        ALTER TABLE candidates ADD COLUMN deadline TEXT NOT NULL DEFAULT '';

        -- The fixed session that contains the candidate, NULL while he waits: a copy of
        -- session_candidates that the triggers below keep, so that a list filters by status
        -- within an index instead of probing session_candidates for every row.
        ALTER TABLE candidates ADD COLUMN session_id TEXT;
        UPDATE candidates SET session_id = (
            SELECT session_candidates.session_id FROM session_candidates
            WHERE session_candidates.candidate_id = candidates.id
        );
        CREATE TRIGGER session_candidates_insert AFTER INSERT ON session_candidates BEGIN
            UPDATE candidates SET session_id = NEW.session_id WHERE id = NEW.candidate_id;
        END;
        CREATE TRIGGER session_candidates_delete AFTER DELETE ON session_candidates BEGIN
            UPDATE candidates SET session_id = NULL WHERE id = OLD.candidate_id;
        END;
        CREATE TRIGGER session_candidates_update AFTER UPDATE ON session_candidates BEGIN
            UPDATE candidates SET session_id = NULL WHERE id = OLD.candidate_id;
            UPDATE candidates SET session_id = NEW.session_id WHERE id = NEW.candidate_id;
        END;

        -- The list and deadline indexes contain every column that a list filters on, so that
        -- a filtered page and its count read the index alone and visit the table only for the
        -- rows returned. The territory index does the same for an officer's count.
        DROP INDEX candidates_sort_name;
        CREATE INDEX candidates_list ON candidates (
            sort_name, id, search_text, deadline, session_id, territory, diploma, route
        );
        CREATE INDEX candidates_deadline ON candidates (
            deadline, id, session_id, territory, diploma, route
        );
        CREATE INDEX candidates_session ON candidates (session_id, territory)
            WHERE session_id IS NOT NULL;
        DROP INDEX candidates_territory;
        CREATE INDEX candidates_territory ON candidates (
            territory, session_id, deadline, diploma, route
        );

        -- Each fixed session's days as "date=commissions" pairs separated by commas, and its
        -- last day, copied from its JSON by the triggers below, so that the dashboard lists
        -- the upcoming sessions without parsing every session's JSON.
        ALTER TABLE sessions ADD COLUMN days_outline TEXT NOT NULL DEFAULT '';
        ALTER TABLE sessions ADD COLUMN last_day TEXT NOT NULL DEFAULT '';
        CREATE TRIGGER sessions_outline_insert AFTER INSERT ON sessions BEGIN
            UPDATE sessions SET
                days_outline = ifnull((
                    SELECT group_concat(
                        json_extract(value, '$.date') || '=' || json_extract(value, '$.commissions'),
                        ',')
                    FROM json_each(NEW.json, '$.days')), ''),
                last_day = ifnull((
                    SELECT max(json_extract(value, '$.date')) FROM json_each(NEW.json, '$.days')
                ), '')
            WHERE id = NEW.id;
        END;
        CREATE TRIGGER sessions_outline_update AFTER UPDATE OF json ON sessions BEGIN
            UPDATE sessions SET
                days_outline = ifnull((
                    SELECT group_concat(
                        json_extract(value, '$.date') || '=' || json_extract(value, '$.commissions'),
                        ',')
                    FROM json_each(NEW.json, '$.days')), ''),
                last_day = ifnull((
                    SELECT max(json_extract(value, '$.date')) FROM json_each(NEW.json, '$.days')
                ), '')
            WHERE id = NEW.id;
        END;
        UPDATE sessions SET json = json;
        CREATE INDEX sessions_last_day ON sessions (last_day);

        -- binding is the caller's key for the upload (the web session's token hash), which
        -- the confirmation must present again. preview is the ImportOutcome that the preview
        -- showed, in JSON. Rows past expires_at are deleted by the next upload.
        CREATE TABLE candidate_uploads (
            id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 32),
            account_id INTEGER NOT NULL REFERENCES accounts (id),
            binding TEXT NOT NULL CHECK (binding <> ''),
            filename TEXT NOT NULL,
            data BLOB NOT NULL,
            preview TEXT NOT NULL CHECK (json_valid(preview)),
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL
        ) STRICT;

        CREATE INDEX candidate_uploads_expiry ON candidate_uploads (expires_at);
        """

    /// Fills `deadline` for the candidates stored before version 3, from the stored settings.
    @Sendable
    static func fillCandidateDeadlines(_ database: Database) throws {
        try CertifStore.refreshDeadlines(
            in: database,
            settings: try CertifStore.storedSettings(in: database) ?? Settings()
        )
    }
}
