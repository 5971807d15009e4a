import CertifDomain
import CertifStore
import Foundation

/// The kind of value that a setting takes, so that a form can offer the right control.
public enum SettingInput: Sendable, Hashable {
    case integer(ClosedRange<Int>)
    /// A time of day, `HH:MM`.
    case clock
    /// One of the listed values, each with its French label.
    case choice([SettingChoice])
    case text
}

public struct SettingChoice: Sendable, Hashable {
    public var value: String
    public var label: String
}

/// A value that a setting rejected, with the message for the command line and for the pages.
public struct SettingValueError: Error, Sendable, CustomStringConvertible {
    public var key: String
    /// English, quoting the value: "invalid value 'x' for session-target: …".
    public var message: String
    /// French, for the form field.
    public var frenchMessage: String

    public var description: String { "SettingValueError(\(key))" }
}

/// One setting as `certif settings` and the settings form name, show and parse it.
///
/// The closures make the type non-Sendable, so `SettingsCatalog.definitions` builds the list
/// on each use; pass `SettingRow` values between threads.
public struct SettingDefinition {
    /// The name on the command line and in the form, "session-target".
    public var key: String
    /// French, for the pages: what the setting decides, with its rule.
    public var meaning: String
    /// French: the value expected, "nombre entier de 1 à 500".
    public var format: String
    /// English, for the command line, with the unit.
    public var help: String
    public var input: SettingInput
    /// Returns the value as the command line prints it and the form shows it.
    public var show: (Settings) -> String
    /// Stores the value of the text in the settings, or returns false when the text is not a
    /// value of the setting's format. Throws `SettingValueError` for a value of the right
    /// format that is still wrong.
    fileprivate var parse: (String, inout Settings, ReferenceData) throws -> Bool

    /// Parses `text` and stores the value in `settings`. Throws, leaving `settings`
    /// unchanged, when the text is not a valid value; `reference` lists the territories
    /// that a pooling value may name.
    public func apply(
        _ text: String,
        to settings: inout Settings,
        reference: ReferenceData
    ) throws(SettingValueError) {
        var changed = settings
        let isValid: Bool
        do {
            isValid = try parse(text, &changed, reference)
        } catch let error as SettingValueError {
            throw error
        } catch {
            isValid = false
        }
        guard isValid else {
            throw invalid(text)
        }
        settings = changed
    }

    private func invalid(_ text: String) -> SettingValueError {
        SettingValueError(
            key: key,
            message: "invalid value '\(text)' for \(key): \(help)",
            frenchMessage: "Valeur invalide : \(format) attendu."
        )
    }
}

/// A setting with its current value, for a page.
public struct SettingRow: Sendable, Hashable {
    public var key: String
    public var meaning: String
    public var format: String
    public var input: SettingInput
    public var value: String
}

/// The settings that a person may change, shared by `certif settings` and the settings form
/// so that both accept and reject the same values.
public enum SettingsCatalog {
    public static var definitions: [SettingDefinition] {
        [
            integer(
                "session-target",
                "R1 : candidats qu’une session devrait réunir",
                "R1: candidates a session should gather",
                1...500,
                \.sessionTarget
            ),
            integer(
                "day-minimum",
                "R2 : candidats qu’une journée d’examen devrait réunir",
                "R2: candidates an exam day should gather",
                1...100,
                \.dayMinimum
            ),
            integer(
                "remote-day-minimum",
                "R2 : candidats d’une journée tenue entièrement à distance",
                "R2: the same for a day held wholly remotely",
                1...100,
                \.remoteDayMinimum
            ),
            integer(
                "asp-lead-days",
                "R7 : jours entre la date du plan et une session mutualisée hors dispositif "
                    + "national, pour prévenir l’ASP",
                "R7: days from the plan date to a pooled session",
                0...365,
                \.aspLeadDays
            ),
            integer(
                "vae-delay-months",
                "R4 : mois entre le dépôt du dossier de validation VAE et le jury",
                "R4: months from filing to the jury",
                1...24,
                \.vaeDelayMonths
            ),
            readingDefinition,
            integer(
                "training-delay-months",
                "Mois entre la fin de la formation et l’examen, voie de la formation",
                "months from the end of training to the exam",
                1...36,
                \.trainingDelayMonths
            ),
            integer(
                "deadline-margin-days",
                "Jours laissés libres avant chaque date limite, pour un report (R12)",
                "days kept free before each deadline, for a postponement (R12)",
                0...60,
                \.deadlineMarginDays
            ),
            integer(
                "convocation-lead-days",
                "Jours entre la date du plan et le premier jour d’examen, pour l’envoi des "
                    + "convocations",
                "days from the plan date to the first exam day",
                0...120,
                \.convocationLeadDays
            ),
            clock(
                "day-start",
                "Début d’une journée d’examen chez l’organisateur",
                "start of an exam day at the organiser",
                \.dayStartMinutes
            ),
            integer(
                "day-length-minutes",
                "Durée de la journée d’examen d’une commission, en minutes",
                "length of a commission's exam day, minutes",
                60...720,
                \.dayLengthMinutes
            ),
            integer(
                "changeover-minutes",
                "Minutes entre deux entretiens d’une commission",
                "minutes between two interviews",
                0...120,
                \.changeoverMinutes
            ),
            clock(
                "lunch-start",
                "Début de la pause déjeuner des examinateurs",
                "start of the examiners' lunch break",
                \.lunchStartMinutes
            ),
            integer(
                "lunch-minutes",
                "Durée de la pause déjeuner, en minutes (0 : aucune pause)",
                "length of the lunch break, minutes (0 for none)",
                0...180,
                \.lunchMinutes
            ),
            clock(
                "office-opens",
                "Ouverture des locaux d’un service d’accueil, en heure locale",
                "opening of a host service, local time",
                \.officeOpensMinutes
            ),
            clock(
                "office-closes",
                "Fermeture des locaux d’un service d’accueil, en heure locale",
                "closing of a host service, local time",
                \.officeClosesMinutes
            ),
            integer(
                "convocation-minutes",
                "R10 : minutes entre l’heure de convocation et l’entretien",
                "R10: minutes between convocation and interview",
                30...180,
                \.convocationMinutesBeforeInterview
            ),
            integer(
                "max-commissions-per-day",
                "Commissions qu’un service organisateur peut réunir par jour",
                "commissions an organiser seats a day",
                1...50,
                \.maxCommissionsPerDay
            ),
            integer(
                "session-span-days",
                "Jours calendaires entre le premier et le dernier jour d’une session",
                "calendar days from a session's first to last day",
                0...60,
                \.sessionSpanDays
            ),
            poolingDefinition,
        ]
    }

    public static func definition(named key: String) -> SettingDefinition? {
        definitions.first { $0.key == key }
    }

    /// Returns every setting with its value in `settings`, in the catalogue's order.
    public static func rows(_ settings: Settings) -> [SettingRow] {
        definitions.map { definition in
            SettingRow(
                key: definition.key,
                meaning: definition.meaning,
                format: definition.format,
                input: definition.input,
                value: definition.show(settings)
            )
        }
    }

    /// Applies voluntary pooling entries of the command line, `ORGANISER:HOME,HOME`,
    /// `ORGANISER:*` or `ORGANISER:-`, on top of the organisers already in `settings`. The
    /// settings form replaces the whole policy instead. `all` resets the policy. Throws,
    /// leaving `settings` unchanged, as `SettingDefinition.apply` does.
    public static func mergePoolingEntries(
        _ text: String,
        into settings: inout Settings,
        reference: ReferenceData
    ) throws(SettingValueError) {
        guard let definition = definition(named: "pooling") else {
            return
        }
        // Parsed alone first, so that an error quotes the entries as typed.
        var alone = settings
        try definition.apply(text, to: &alone, reference: reference)
        guard text != "all", text != "tous", !settings.voluntaryPooling.accepted.isEmpty else {
            settings = alone
            return
        }
        // Then after the current entries, so that each new entry replaces its organiser's.
        var merged = settings
        try definition.apply(
            definition.show(settings) + " " + text,
            to: &merged,
            reference: reference
        )
        settings = merged
    }

    // MARK: Kinds of settings

    private static func integer(
        _ key: String,
        _ meaning: String,
        _ help: String,
        _ range: ClosedRange<Int>,
        _ path: WritableKeyPath<Settings, Int>
    ) -> SettingDefinition {
        SettingDefinition(
            key: key,
            meaning: meaning,
            format: "nombre entier de \(range.lowerBound) à \(range.upperBound)",
            help: "\(help) (whole number, \(range.lowerBound) to \(range.upperBound))",
            input: .integer(range),
            show: { String($0[keyPath: path]) },
            parse: { text, settings, _ in
                guard let value = Int(text), range.contains(value) else {
                    return false
                }
                settings[keyPath: path] = value
                return true
            }
        )
    }

    private static func clock(
        _ key: String,
        _ meaning: String,
        _ help: String,
        _ path: WritableKeyPath<Settings, Int>
    ) -> SettingDefinition {
        SettingDefinition(
            key: key,
            meaning: meaning,
            format: "heure au format HH:MM, de 00:00 à 23:59",
            help: "\(help) (HH:MM)",
            input: .clock,
            show: { settings in Settings.clockText(settings[keyPath: path]) },
            parse: { text, settings, _ in
                guard let minutes = minutesAfterMidnight(text) else {
                    return false
                }
                settings[keyPath: path] = minutes
                return true
            }
        )
    }

    /// Reads `HH:MM` (or `H:MM`), or returns nil.
    private static func minutesAfterMidnight(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        let digits = UInt8(ascii: "0")...UInt8(ascii: "9")
        guard parts.count == 2,
            parts.allSatisfy({ (1...2).contains($0.count) && $0.utf8.allSatisfy(digits.contains) }),
            let hours = Int(parts[0]), let minutes = Int(parts[1]),
            (0...23).contains(hours), (0...59).contains(minutes)
        else {
            return nil
        }
        return hours * 60 + minutes
    }

    private static var readingDefinition: SettingDefinition {
        SettingDefinition(
            key: "vae-delay-reading",
            meaning: "R4 : lecture du délai VAE",
            format: "date-plus-mois ou fin-de-mois",
            help: "R4: date-plus-mois (filing date plus the months) or fin-de-mois (end of the "
                + "last month)",
            input: .choice([
                SettingChoice(
                    value: DelayReading.addMonths.rawValue,
                    label: "Date de dépôt plus les mois (lecture stricte)"
                ),
                SettingChoice(
                    value: DelayReading.endOfMonth.rawValue,
                    label: "Jusqu’à la fin du dernier mois"
                ),
            ]),
            show: { $0.vaeDelayReading.rawValue },
            parse: { text, settings, _ in
                guard let reading = DelayReading(rawValue: text) else {
                    return false
                }
                settings.vaeDelayReading = reading
                return true
            }
        )
    }

    /// The voluntary pooling policy, as a whole: `all` (or `tous`), or entries separated by
    /// spaces, each `ORGANISER:HOME,HOME`, `ORGANISER:*` or `ORGANISER:-`.
    private static var poolingDefinition: SettingDefinition {
        SettingDefinition(
            key: "pooling",
            meaning: "Mutualisation volontaire : territoires dont chaque service organisateur "
                + "accepte les candidats, hors dispositif national",
            format: "« all » (chacun accepte tous les autres), ou des entrées séparées par des "
                + "espaces : ORGANISATEUR:DOMICILE,DOMICILE (52:11,32), ORGANISATEUR:* pour "
                + "tous, ORGANISATEUR:- pour aucun, avec les codes INSEE des territoires",
            help: "voluntary pooling: ORGANISER:HOME,HOME to list the homes an organiser "
                + "accepts, ORGANISER:* to accept all, ORGANISER:- to accept none, or 'all' "
                + "to reset",
            input: .text,
            show: { settings in
                let accepted = settings.voluntaryPooling.accepted
                if accepted.isEmpty { return "all" }
                return accepted.keys.sorted().map { organizer in
                    let homes = accepted[organizer]?.sorted().map(\.rawValue) ?? []
                    return "\(organizer):" + (homes.isEmpty ? "-" : homes.joined(separator: ","))
                }.joined(separator: " ")
            },
            parse: { text, settings, reference in
                var policy = VoluntaryPoolingPolicy.allWithAll
                if text != "all" && text != "tous" {
                    guard try applyPoolingEntries(text, to: &policy, reference: reference) else {
                        return false
                    }
                }
                settings.voluntaryPooling = policy
                return true
            }
        )
    }

    /// Applies the pooling entries of `text`, separated by spaces, to `policy`, or returns
    /// false when an entry is not of the form `ORGANISER:…`. Throws `SettingValueError` for
    /// an entry that names a territory that Certif does not serve.
    private static func applyPoolingEntries(
        _ text: String,
        to policy: inout VoluntaryPoolingPolicy,
        reference: ReferenceData
    ) throws -> Bool {
        let entries = text.split(whereSeparator: \.isWhitespace)
        guard !entries.isEmpty else {
            return false
        }
        for entry in entries {
            let parts = entry.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                return false
            }
            let organizer = TerritoryCode(parts[0])
            var named = [organizer]
            switch parts[1] {
            case "*":
                policy.accepted[organizer] = nil
            case "-":
                policy.accepted[organizer] = []
            default:
                let homes = parts[1].split(separator: ",", omittingEmptySubsequences: false)
                    .map { TerritoryCode(String($0)) }
                guard !homes.contains(where: { $0.rawValue.isEmpty }) else {
                    return false
                }
                policy.accepted[organizer] = Set(homes)
                named += homes
            }
            for code in named where reference.territory(code) == nil {
                throw SettingValueError(
                    key: "pooling",
                    message: "unknown territory '\(code)' in pooling \(text): expected INSEE "
                        + "codes such as 52 or 04",
                    frenchMessage: "Le territoire « \(code) » n’est pas un territoire servi par "
                        + "Certif : indiquez des codes INSEE comme 52 ou 04."
                )
            }
        }
        return true
    }
}

extension Settings {
    /// Returns minutes after midnight as `HH:MM`.
    static func clockText(_ minutes: Int) -> String {
        (minutes / 60 < 10 ? "0" : "") + "\(minutes / 60):" + (minutes % 60 < 10 ? "0" : "")
            + "\(minutes % 60)"
    }
}

extension CertifServices {
    /// Returns every setting with its stored value. National administrators only.
    public func settingRows() throws -> [SettingRow] {
        try require(.write(.settings))
        return SettingsCatalog.rows(try store.settings())
    }

    /// Changes the settings named in `values`, keyed by `SettingDefinition.key`, and keeps
    /// the others. Returns whether anything changed.
    ///
    /// Throws `invalid` with a French message by key for each value that its setting rejects
    /// or that leaves the settings inconsistent (`Settings.consistencyProblems()`), and saves
    /// nothing then.
    @discardableResult
    public func updateSettings(_ values: [String: String]) throws -> Bool {
        try require(.write(.settings))
        let stored = try store.settings()
        var settings = stored
        var errors: [String: String] = [:]
        var typed = Set<String>()
        for definition in SettingsCatalog.definitions {
            guard let raw = values[definition.key] else {
                continue
            }
            let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else {
                errors[definition.key] = "Indiquez une valeur : \(definition.format)."
                continue
            }
            if text != definition.show(stored) {
                typed.insert(definition.key)
            }
            do {
                try definition.apply(text, to: &settings, reference: reference)
            } catch {
                errors[definition.key] = error.frenchMessage
            }
        }
        guard errors.isEmpty else {
            throw ServiceError.invalid(errors)
        }
        for problem in settings.consistencyProblems() {
            // The message goes next to a setting that this request changed, so that it points
            // to the value that caused it.
            let key = problem.keys.first { typed.contains($0) } ?? problem.keys.first
            if let key, errors[key] == nil {
                errors[key] = problem.frenchMessage
            }
        }
        guard errors.isEmpty else {
            throw ServiceError.invalid(errors)
        }
        return try store.saveSettings(settings, actor: actor)
    }
}
