import CertifDomain

extension CertifStore {
    /// Returns the stored settings, or the defaults when none were ever saved.
    public func settings() throws -> Settings {
        guard let json = try storedSettingsJSON() else {
            return Settings()
        }
        // A key missing from older JSON takes its default (Settings.init(from:)).
        return try StoreJSON.decode(Settings.self, from: json, column: "settings.json")
    }

    /// Replaces the settings, recomputes every candidate's stored deadline from them, and
    /// records the settings in effect before and after in the audit log, all in one
    /// transaction. Saving settings equal to the stored ones writes nothing, but saving the
    /// defaults when none are stored writes them. Returns whether anything was written.
    @discardableResult
    public func saveSettings(_ settings: Settings, actor: StoreActor) throws -> Bool {
        try write(as: actor) { timestamp in
            let stored = try storedSettingsJSON()
            // Stored JSON that no longer decodes is replaced rather than reported, so that
            // saving is the way out of it. The audit entry keeps that JSON as it was.
            if let stored,
                let current = try? StoreJSON.decode(Settings.self, from: stored, column: "json"),
                current == settings
            {
                return false
            }
            let before = try stored ?? StoreJSON.encode(Settings())
            let after = try StoreJSON.encode(settings)
            try database.execute(
                """
                INSERT INTO settings (id, json) VALUES (1, \(after))
                ON CONFLICT (id) DO UPDATE SET json = excluded.json
                """
            )
            try Self.refreshDeadlines(in: database, settings: settings)
            try appendAudit(
                at: timestamp,
                actor: actor,
                action: .settingsUpdate,
                entity: "settings",
                entityID: "1",
                before: before,
                after: after
            )
            return true
        }
    }

    private func storedSettingsJSON() throws -> String? {
        try database.query("SELECT json FROM settings WHERE id = 1").first?.string("json")
    }
}
