import CertifDomain

extension Schema {
    /// Version 3: each candidate's deadline as a column, so that lists filter and sort by it
    /// in SQL; an index to read one entity's audit entries; and the candidate files uploaded
    /// for a two-step import, kept between the preview and the confirmation.
    static let deadlinesAndUploads: SQL = """
        -- The date of Settings.deadline(for:), in ISO 8601, filled by fillCandidateDeadlines
        -- for existing rows and kept up to date by every candidate write and settings change.
        ALTER TABLE candidates ADD COLUMN deadline TEXT NOT NULL DEFAULT '';
        CREATE INDEX candidates_deadline ON candidates (deadline, id);

        CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);

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
