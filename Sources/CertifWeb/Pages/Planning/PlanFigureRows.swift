import CertifDomain
import CertifPlanning

/// One figure of a plan's summary, as the plan and comparison pages list it.
struct PlanFigureRow {
    var label: String
    /// Whether the figure has decimals (a mean), written with a decimal comma.
    var isDecimal: Bool
    var value: (PlanSummary) -> Double

    init(label: String, isDecimal: Bool = false, value: @escaping (PlanSummary) -> Double) {
        self.label = label
        self.isDecimal = isDecimal
        self.value = value
    }

    func text(_ summary: PlanSummary) -> String {
        Self.format(value(summary), decimal: isDecimal)
    }

    static func format(_ value: Double, decimal: Bool) -> String {
        decimal ? French.decimal(value) : String(Int(value.rounded()))
    }

    /// Returns the figures in the order the pages show them. The thresholds of R1 and R2 come
    /// from `settings`, those that the plan was made with.
    static func all(settings: Settings) -> [PlanFigureRow] {
        [
            PlanFigureRow(label: "Candidats à placer") { Double($0.candidates) },
            PlanFigureRow(label: "Candidats planifiés") { Double($0.planned) },
            PlanFigureRow(label: "Candidats non planifiés") { Double($0.unplanned) },
            PlanFigureRow(label: "dont délai dépassé (R4)") { Double($0.deadlinesMissed) },
            PlanFigureRow(label: "Sessions") { Double($0.sessions) },
            PlanFigureRow(label: "dont sessions mutualisées") { Double($0.pooledSessions) },
            PlanFigureRow(
                label: "Sessions d’au moins \(settings.sessionTarget) candidats (R1)"
            ) { Double($0.sessionsMeetingTarget) },
            PlanFigureRow(label: "Jours d’examen") { Double($0.days) },
            PlanFigureRow(
                label: "Jours d’au moins \(settings.dayMinimum) candidats, "
                    + "\(settings.remoteDayMinimum) tout à distance (R2)"
            ) { Double($0.daysMeetingMinimum) },
            PlanFigureRow(label: "Commissions (une commission un jour)") { Double($0.sittings) },
            PlanFigureRow(label: "Journées d’examinateurs") { Double($0.examinerDays) },
            PlanFigureRow(label: "Candidats examinés à distance") {
                Double($0.remoteCandidates)
            },
            PlanFigureRow(label: "Candidats examinés par une autre région") {
                Double($0.pooledCandidates)
            },
            PlanFigureRow(label: "Candidats qui se déplacent hors de leur région") {
                Double($0.travellingCandidates)
            },
            PlanFigureRow(label: "Attente moyenne, en jours", isDecimal: true) { $0.meanWaitDays },
            PlanFigureRow(label: "Attente la plus longue, en jours") {
                Double($0.longestWaitDays)
            },
            PlanFigureRow(label: "Places en session fixée qui ne conviennent plus") {
                Double($0.fixedSessionConflicts)
            },
        ]
    }
}
