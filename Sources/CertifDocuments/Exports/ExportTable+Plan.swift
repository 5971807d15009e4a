import CertifDomain
import CertifPlanning

extension ExportTable {
    /// The columns of the plan export, one row per candidate.
    public static let planColumns = [
        ExportColumn("identifiant", .text),
        ExportColumn("nom_naissance", .text),
        ExportColumn("nom_usage", .text),
        ExportColumn("prenoms", .text),
        ExportColumn("diplome", .text),
        ExportColumn("voie", .text),
        ExportColumn("territoire", .text),
        ExportColumn("session", .text),
        ExportColumn("organisateur", .text),
        ExportColumn("date", .date),
        ExportColumn("heure", .text),
        ExportColumn("duree_minutes", .integer),
        ExportColumn("commission", .integer),
        ExportColumn("mode", .text),
        ExportColumn("accueil", .text),
        ExportColumn("deplacement", .text),
        ExportColumn("date_limite", .date),
        ExportColumn("statut", .text),
        ExportColumn("raisons", .text),
    ]

    /// Builds the plan as one row per candidate: first the planned candidates, session by
    /// session and day by day, with the reasons for their place, then the unplanned ones,
    /// with the reason and the fix, and empty session columns.
    ///
    /// `candidates` supplies the names and deadlines. A candidate of the plan missing from it
    /// gets his id and empty identity and deadline cells. Territories are named from
    /// `reference`, or given by code when the reference data lacks them. The caller passes
    /// only the candidates that the user may see.
    public static func plan(
        _ plan: Plan,
        candidates: [Candidate],
        reference: ReferenceData
    ) throws -> ExportTable {
        let byID = Dictionary(
            candidates.map { ($0.id, $0) },
            uniquingKeysWith: { first, _ in first }
        )
        func territoryName(_ code: TerritoryCode) -> String {
            reference.territory(code)?.name ?? code.rawValue
        }
        func identity(_ id: String) -> [ExportCell?] {
            guard let candidate = byID[id] else {
                return [.text(id), nil, nil, nil, nil, nil, nil]
            }
            return [
                .text(id),
                .text(candidate.birthName),
                candidate.usageName.map(ExportCell.text),
                .text(candidate.givenNames),
                .text(candidate.diploma.rawValue),
                .text(candidate.route.rawValue),
                .text(territoryName(candidate.territory)),
            ]
        }
        func deadline(_ id: String) -> ExportCell? {
            byID[id].map { .date(plan.settings.deadline(for: $0).date) }
        }

        var table = try ExportTable(title: "Plan", columns: planColumns)
        for session in plan.sessions {
            for day in session.days {
                for placed in day.candidates {
                    let place: [ExportCell?] = [
                        .text(session.id),
                        .text(territoryName(session.organizer)),
                        .date(day.date),
                        .text(placed.start),
                        .integer(placed.durationMinutes),
                        .integer(placed.commission),
                        .text(placed.mode == .remote ? "visioconférence" : "présentiel"),
                        .text(territoryName(placed.host)),
                        .text(placed.travels ? "oui" : "non"),
                        deadline(placed.id),
                        .text(session.fixed ? "session fixée" : "planifié"),
                        .text(placed.reasons.map(reasonText).joined(separator: " | ")),
                    ]
                    try table.append(identity(placed.id) + place)
                }
            }
        }
        for missed in plan.unplanned {
            let outcome: [ExportCell?] = [
                deadline(missed.id),
                .text(missed.deadlineMissed ? "non planifié, délai dépassé" : "non planifié"),
                .text(missed.reason + " Solution : " + missed.fix),
            ]
            let emptyPlace = [ExportCell?](repeating: nil, count: 9)
            try table.append(identity(missed.id) + emptyPlace + outcome)
        }
        return table
    }

    /// Returns "R5 : text" for a reason that names a rule, the text alone otherwise.
    private static func reasonText(_ reason: Reason) -> String {
        (reason.rule.map { $0 + " : " } ?? "") + reason.text
    }
}
