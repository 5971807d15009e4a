import CertifStore
import Foundation

/// `certif audit`: the latest entries of the audit log.
struct AuditCommand: CertifCommand {
    static let spec = CommandSpec(
        name: "audit",
        summary: "Print the latest entries of the audit log: who changed what, and when.",
        options: [
            .option("--limit", "N", "Entries to print, newest first (default 50)."),
            CommandContext.databaseOption,
        ]
    )

    func run(_ context: CommandContext) throws {
        let limit = try context.arguments.integer("--limit", range: 1...100_000) ?? 50
        let entries = try context.openStore(.readOnly).auditLog(limit: limit)
        let formatter = ISO8601DateFormatter()
        for entry in entries {
            context.console.print(
                "\(formatter.string(from: entry.at))  \(entry.actor)  \(entry.action)  \(entry.entity) \(entry.entityID ?? "")"
            )
        }
    }
}
