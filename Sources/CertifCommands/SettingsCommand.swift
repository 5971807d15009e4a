import CertifDomain
import CertifStore

/// `certif settings [KEY VALUE]`: prints the settings, or changes one.
struct SettingsCommand: CertifCommand {
    static let spec = CommandSpec(
        name: "settings",
        summary: "Print the planning settings, or change one: certif settings KEY VALUE.",
        positionals: ["[KEY", "VALUE]"],
        options: [CommandContext.databaseOption],
        discussion: "Keys, with their unit:\n"
            + SettingKey.all.map { "  \($0.name)  \($0.help)" }.joined(separator: "\n")
    )

    func run(_ context: CommandContext) throws {
        let arguments = context.arguments
        let store = try context.openStore(arguments.positionals.isEmpty ? .readOnly : .create)
        var settings = try store.settings()
        if arguments.positionals.isEmpty {
            for key in SettingKey.all {
                context.console.print(
                    key.name.padding(toLength: 28, withPad: " ", startingAt: 0) + key.show(settings)
                )
            }
            return
        }
        let name = arguments.positionals[0]
        guard let key = SettingKey.all.first(where: { $0.name == name }) else {
            let close = SettingKey.all.min { distance($0.name, name) < distance($1.name, name) }
            throw arguments.usage(
                "unknown setting '\(name)'" + (close.map { "; did you mean '\($0.name)'?" } ?? "")
            )
        }
        guard arguments.positionals.count == 2 else {
            throw arguments.usage("missing value for \(name): \(key.help)")
        }
        let value = arguments.positionals[1]
        guard key.apply(value, &settings) else {
            throw arguments.usage("invalid value '\(value)' for \(name): \(key.help)")
        }
        if name == "pooling" && value != "all" {
            try checkPoolingTerritories(value, context: context)
        }
        let problems = settings.inconsistencies()
        guard problems.isEmpty else {
            throw arguments.usage(
                "\(name) \(value) rejected: " + problems.joined(separator: "; ")
            )
        }
        let changed = try store.saveSettings(settings, actor: context.actor)
        context.console.print(
            changed ? "\(name) = \(key.show(settings))" : "\(name) unchanged: \(key.show(settings))"
        )
    }
}

extension SettingsCommand {
    /// Rejects a pooling value that names a territory Certif does not serve.
    private func checkPoolingTerritories(_ value: String, context: CommandContext) throws {
        let reference = try context.reference()
        var codes: [String] = []
        for part in value.split(whereSeparator: { $0 == ":" || $0 == "," }) {
            let code = String(part)
            if code != "*" && code != "-" { codes.append(code) }
        }
        for code in codes where reference.territory(TerritoryCode(code)) == nil {
            throw context.arguments.usage(
                "unknown territory '\(code)' in pooling \(value): expected INSEE codes such as 52 or 04"
            )
        }
    }
}

/// One setting that the command line can change, with its parser.
struct SettingKey {
    var name: String
    var help: String
    var show: (Settings) -> String
    var apply: (String, inout Settings) -> Bool

    static func integer(
        _ name: String,
        _ help: String,
        _ range: ClosedRange<Int>,
        _ path: WritableKeyPath<Settings, Int>
    ) -> SettingKey {
        SettingKey(
            name: name,
            help: "\(help) (whole number, \(range.lowerBound) to \(range.upperBound))",
            show: { String($0[keyPath: path]) },
            apply: { text, settings in
                guard let value = Int(text), range.contains(value) else { return false }
                settings[keyPath: path] = value
                return true
            }
        )
    }

    static func clock(
        _ name: String,
        _ help: String,
        _ path: WritableKeyPath<Settings, Int>
    ) -> SettingKey {
        SettingKey(
            name: name,
            help: "\(help) (HH:MM)",
            show: { settings in
                let minutes = settings[keyPath: path]
                return (minutes / 60 < 10 ? "0" : "") + "\(minutes / 60):"
                    + (minutes % 60 < 10 ? "0" : "") + "\(minutes % 60)"
            },
            apply: { text, settings in
                let parts = text.split(separator: ":")
                guard parts.count == 2, let hours = Int(parts[0]), let minutes = Int(parts[1]),
                    (0...23).contains(hours), (0...59).contains(minutes)
                else { return false }
                settings[keyPath: path] = hours * 60 + minutes
                return true
            }
        )
    }

    /// Computed on each use, as a list of closures is not Sendable and cannot be a stored
    /// global under strict concurrency.
    static var all: [SettingKey] {
        [
            integer(
                "session-target",
                "R1: candidates a session should gather",
                1...500,
                \.sessionTarget
            ),
            integer(
                "day-minimum",
                "R2: candidates an exam day should gather",
                1...100,
                \.dayMinimum
            ),
            integer(
                "remote-day-minimum",
                "R2: the same for a day held wholly remotely",
                1...100,
                \.remoteDayMinimum
            ),
            integer(
                "asp-lead-days",
                "R7: days from the plan date to a pooled session",
                0...365,
                \.aspLeadDays
            ),
            integer(
                "vae-delay-months",
                "R4: months from filing to the jury",
                1...24,
                \.vaeDelayMonths
            ),
            SettingKey(
                name: "vae-delay-reading",
                help:
                    "R4: date-plus-mois (filing date plus the months) or fin-de-mois (end of the last month)",
                show: { $0.vaeDelayReading.rawValue },
                apply: { text, settings in
                    guard let reading = DelayReading(rawValue: text) else { return false }
                    settings.vaeDelayReading = reading
                    return true
                }
            ),
            integer(
                "training-delay-months",
                "months from the end of training to the exam",
                1...36,
                \.trainingDelayMonths
            ),
            integer(
                "deadline-margin-days",
                "days kept free before each deadline, for a postponement (R12)",
                0...60,
                \.deadlineMarginDays
            ),
            integer(
                "convocation-lead-days",
                "days from the plan date to the first exam day",
                0...120,
                \.convocationLeadDays
            ),
            clock("day-start", "start of an exam day at the organiser", \.dayStartMinutes),
            integer(
                "day-length-minutes",
                "length of a commission's exam day, minutes",
                60...720,
                \.dayLengthMinutes
            ),
            integer(
                "changeover-minutes",
                "minutes between two interviews",
                0...120,
                \.changeoverMinutes
            ),
            clock("lunch-start", "start of the examiners' lunch break", \.lunchStartMinutes),
            integer(
                "lunch-minutes",
                "length of the lunch break, minutes (0 for none)",
                0...180,
                \.lunchMinutes
            ),
            clock("office-opens", "opening of a host service, local time", \.officeOpensMinutes),
            clock("office-closes", "closing of a host service, local time", \.officeClosesMinutes),
            integer(
                "convocation-minutes",
                "R10: minutes between convocation and interview",
                30...180,
                \.convocationMinutesBeforeInterview
            ),
            integer(
                "max-commissions-per-day",
                "commissions an organiser seats a day",
                1...50,
                \.maxCommissionsPerDay
            ),
            integer(
                "session-span-days",
                "calendar days from a session's first to last day",
                0...60,
                \.sessionSpanDays
            ),
            SettingKey(
                name: "pooling",
                help:
                    "voluntary pooling: ORGANISER:HOME,HOME to list the homes an organiser accepts, ORGANISER:* to accept all, ORGANISER:- to accept none, or 'all' to reset",
                show: { settings in
                    let accepted = settings.voluntaryPooling.accepted
                    if accepted.isEmpty { return "all" }
                    return accepted.keys.sorted().map { organizer in
                        let homes = accepted[organizer]?.sorted().map(\.rawValue) ?? []
                        return "\(organizer):"
                            + (homes.isEmpty ? "-" : homes.joined(separator: ","))
                    }.joined(separator: " ")
                },
                apply: { text, settings in
                    if text == "all" {
                        settings.voluntaryPooling = .allWithAll
                        return true
                    }
                    let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
                    guard parts.count == 2, !parts[0].isEmpty else { return false }
                    let organizer = TerritoryCode(parts[0])
                    switch parts[1] {
                    case "*": settings.voluntaryPooling.accepted[organizer] = nil
                    case "-": settings.voluntaryPooling.accepted[organizer] = []
                    default:
                        let homes = parts[1].split(separator: ",").map { TerritoryCode(String($0)) }
                        guard !homes.isEmpty else { return false }
                        settings.voluntaryPooling.accepted[organizer] = Set(homes)
                    }
                    return true
                }
            ),
        ]
    }
}
