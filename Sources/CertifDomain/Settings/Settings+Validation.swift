/// A way in which the settings contradict one another, with the settings involved.
public struct SettingsInconsistency: Sendable, Hashable {
    /// The settings involved, named as `certif settings` and the settings form name them
    /// ("day-start"), the one to change first leading.
    public var keys: [String]
    /// English, for the command line.
    public var message: String
    /// French, for the pages.
    public var frenchMessage: String
}

extension Settings {
    /// Returns each way in which the settings contradict one another, in English for the
    /// command line; empty when they are consistent. Each value alone is checked where it is
    /// typed; this checks the day as a whole.
    public func inconsistencies() -> [String] {
        consistencyProblems().map(\.message)
    }

    /// Returns each way in which the settings contradict one another, with the settings
    /// involved and the message in English and French. The list is empty when the settings
    /// are consistent.
    public func consistencyProblems() -> [SettingsInconsistency] {
        var problems: [SettingsInconsistency] = []
        let dayEnd = dayStartMinutes + dayLengthMinutes
        if dayEnd > 24 * 60 {
            problems.append(
                SettingsInconsistency(
                    keys: ["day-length-minutes", "day-start"],
                    message:
                        "the exam day starting at \(Self.clock(dayStartMinutes)) for \(dayLengthMinutes) minutes ends after midnight; shorten day-length-minutes or start earlier",
                    frenchMessage:
                        "La journée d’examen qui commence à \(Self.clock(dayStartMinutes)) et dure \(dayLengthMinutes) minutes finit après minuit : raccourcissez-la ou commencez plus tôt."
                )
            )
        }
        if officeOpensMinutes >= officeClosesMinutes {
            problems.append(
                SettingsInconsistency(
                    keys: ["office-opens", "office-closes"],
                    message:
                        "office-opens \(Self.clock(officeOpensMinutes)) is not before office-closes \(Self.clock(officeClosesMinutes))",
                    frenchMessage:
                        "L’ouverture des locaux (\(Self.clock(officeOpensMinutes))) doit précéder leur fermeture (\(Self.clock(officeClosesMinutes)))."
                )
            )
        }
        if lunchMinutes > 0,
            lunchStartMinutes <= dayStartMinutes || lunchStartMinutes + lunchMinutes >= dayEnd
        {
            problems.append(
                SettingsInconsistency(
                    keys: ["lunch-start", "lunch-minutes"],
                    message:
                        "the lunch break at \(Self.clock(lunchStartMinutes)) for \(lunchMinutes) minutes is not inside the exam day \(Self.clock(dayStartMinutes))-\(Self.clock(dayEnd)); move lunch-start or set lunch-minutes to 0",
                    frenchMessage:
                        "La pause de \(Self.clock(lunchStartMinutes)) pendant \(lunchMinutes) minutes sort de la journée d’examen \(Self.clock(dayStartMinutes))-\(Self.clock(dayEnd)) : déplacez-la, ou mettez sa durée à 0."
                )
            )
        }
        if dayLengthMinutes - (lunchMinutes > 0 ? lunchMinutes : 0) < 30 {
            problems.append(
                SettingsInconsistency(
                    keys: ["day-length-minutes", "lunch-minutes"],
                    message: "an exam day leaves less than 30 minutes for interviews",
                    frenchMessage:
                        "Une journée d’examen laisse moins de 30 minutes aux entretiens : allongez la journée ou raccourcissez la pause."
                )
            )
        }
        return problems
    }

    static func clock(_ minutes: Int) -> String {
        let hours = minutes / 60
        let rest = minutes % 60
        return (hours < 10 ? "0" : "") + "\(hours):" + (rest < 10 ? "0" : "") + "\(rest)"
    }
}
