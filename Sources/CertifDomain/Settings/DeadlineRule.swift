/// A candidate's deadline and the sentence that says where it comes from.
public struct Deadline: Sendable, Hashable, Codable {
    public var date: CivilDate
    /// French, for users: "dossier de validation déposé le 15/01/2025, plus 3 mois (R4)".
    public var explanation: String
}

extension Settings {
    /// Computes the date by which a candidate must be examined: the file's own deadline when it
    /// gives one, else the R4 delay for VAE or the training-route delay.
    public func deadline(for candidate: Candidate) -> Deadline {
        if let explicit = candidate.explicitDeadline {
            return Deadline(
                date: explicit,
                explanation: "date limite donnée par le fichier des candidats"
            )
        }
        switch candidate.route {
        case .vae:
            let date = Settings.add(
                months: vaeDelayMonths,
                to: candidate.availableFrom,
                reading: vaeDelayReading
            )
            let rule =
                vaeDelayReading == .addMonths
                ? "plus \(vaeDelayMonths) mois"
                : "jusqu'à la fin du \(Settings.frenchOrdinal(vaeDelayMonths)) mois suivant"
            return Deadline(
                date: date,
                explanation:
                    "dossier de validation déposé le \(candidate.availableFrom.french), \(rule) (R4)"
            )
        case .training:
            let date = Settings.add(
                months: trainingDelayMonths,
                to: candidate.availableFrom,
                reading: .addMonths
            )
            return Deadline(
                date: date,
                explanation:
                    "formation achevée le \(candidate.availableFrom.french), plus \(trainingDelayMonths) mois, délai fixé pour la voie de la formation"
            )
        }
    }

    /// Returns the French ordinal abbreviation: "1er", "2e", "3e".
    private static func frenchOrdinal(_ number: Int) -> String {
        number == 1 ? "1er" : "\(number)e"
    }

    static func add(months: Int, to date: CivilDate, reading: DelayReading) -> CivilDate {
        switch reading {
        case .addMonths: return date.adding(months: months)
        case .endOfMonth: return date.adding(months: months).endOfMonth
        }
    }
}
