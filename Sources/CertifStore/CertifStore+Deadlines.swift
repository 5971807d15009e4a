import CertifDomain

extension CertifStore {
    /// Recomputes the `deadline` column of every candidate from `settings`, and writes the
    /// rows whose stored value differs. Returns how many rows changed.
    ///
    /// Call it inside the transaction that changes the settings, so that no reader sees the
    /// new settings with the old deadlines. The settings' audit entry records the change, so
    /// the candidates get none of their own, and their `updated_at` keeps its value.
    @discardableResult
    static func refreshDeadlines(in database: Database, settings: Settings) throws -> Int {
        var changed = 0
        for row in try database.query("SELECT * FROM candidates") {
            let candidate = try candidate(from: row)
            let deadline = settings.deadline(for: candidate).date.iso
            guard try row.string("deadline") != deadline else {
                continue
            }
            try database.execute(
                "UPDATE candidates SET deadline = \(deadline) WHERE id = \(candidate.id)"
            )
            changed += 1
        }
        return changed
    }

    /// Returns the stored settings, or nil when none were saved or the stored JSON no longer
    /// decodes. `saveSettings` replaces such JSON and recomputes every deadline then.
    static func storedSettings(in database: Database) throws -> Settings? {
        guard
            let json = try database.query("SELECT json FROM settings WHERE id = 1").first?
                .string("json")
        else {
            return nil
        }
        return try? StoreJSON.decode(Settings.self, from: json, column: "settings.json")
    }
}
