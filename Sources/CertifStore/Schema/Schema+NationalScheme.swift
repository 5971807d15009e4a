extension Schema {
    /// Version 4: the national pooling scheme as the administrators changed it, and the
    /// indexes that the filtered audit log queries use.
    static let nationalSchemeAndAuditIndexes: SQL = """
        -- One row per diploma and access route whose rules an administrator changed. rules
        -- is a JSON array of NationalPoolingRule in the order they apply; an empty array
        -- removes the rules that the shipped scheme has for the key. A key without a row
        -- keeps the shipped rules.
        CREATE TABLE national_scheme_rules (
            diploma TEXT NOT NULL CHECK (diploma <> ''),
            route TEXT NOT NULL CHECK (route IN ('formation', 'VAE')),
            rules TEXT NOT NULL CHECK (json_valid(rules) AND json_type(rules) = 'array'),
            updated_at TEXT NOT NULL,
            updated_by TEXT NOT NULL,
            PRIMARY KEY (diploma, route)
        ) STRICT;

        -- The journal filters by entity and id (a candidate's history), by actor, by action
        -- and by time, and always orders by id.
        CREATE INDEX audit_log_entity ON audit_log (entity, entity_id, id);
        CREATE INDEX audit_log_actor ON audit_log (actor, id);
        CREATE INDEX audit_log_action ON audit_log (action, id);
        CREATE INDEX audit_log_at ON audit_log (at);
        """
}
