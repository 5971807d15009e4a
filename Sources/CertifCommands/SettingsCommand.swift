import CertifDomain
import CertifServices
import CertifStore

/// `certif settings [KEY VALUE]`: prints the settings, or changes one.
///
/// The keys, their parsing and their checks are `SettingsCatalog`'s, which the settings form
/// of the web application shares.
struct SettingsCommand: CertifCommand {
    static let spec = CommandSpec(
        name: "settings",
        summary: "Print the planning settings, or change one: certif settings KEY VALUE.",
        positionals: ["[KEY", "VALUE]"],
        options: [CommandContext.databaseOption],
        discussion: "Keys, with their unit:\n"
            + SettingsCatalog.definitions.map { "  \($0.key)  \($0.help)" }.joined(
                separator: "\n"
            )
    )

    func run(_ context: CommandContext) throws {
        let arguments = context.arguments
        let store = try context.openStore(arguments.positionals.isEmpty ? .readOnly : .create)
        var settings = try store.settings()
        let definitions = SettingsCatalog.definitions
        if arguments.positionals.isEmpty {
            for definition in definitions {
                context.console.print(
                    definition.key.padding(toLength: 28, withPad: " ", startingAt: 0)
                        + definition.show(settings)
                )
            }
            return
        }

        let name = arguments.positionals[0]
        guard let definition = SettingsCatalog.definition(named: name) else {
            let close = definitions.min { distance($0.key, name) < distance($1.key, name) }
            throw arguments.usage(
                "unknown setting '\(name)'" + (close.map { "; did you mean '\($0.key)'?" } ?? "")
            )
        }
        guard arguments.positionals.count == 2 else {
            throw arguments.usage("missing value for \(name): \(definition.help)")
        }

        let value = arguments.positionals[1]
        let reference = try context.reference()
        do {
            if definition.key == "pooling" {
                // One command changes one organiser's entry and keeps the others.
                try SettingsCatalog.mergePoolingEntries(
                    value,
                    into: &settings,
                    reference: reference
                )
            } else {
                try definition.apply(value, to: &settings, reference: reference)
            }
        } catch {
            throw arguments.usage(error.message)
        }

        let problems = settings.inconsistencies()
        guard problems.isEmpty else {
            throw arguments.usage(
                "\(name) \(value) rejected: " + problems.joined(separator: "; ")
            )
        }
        let changed = try store.saveSettings(settings, actor: context.actor)
        let valueText = definition.show(settings)
        context.console.print(
            changed ? "\(name) = \(valueText)" : "\(name) unchanged: \(valueText)"
        )
    }
}
