import CertifDomain
import CertifPlanning

/// The plan as one row per candidate, in French, for Excel.
enum PlanCSV {
    static let header = [
        "identifiant", "nom_naissance", "nom_usage", "prenoms", "diplome", "voie", "territoire",
        "session", "organisateur", "date", "heure", "duree_minutes", "commission", "mode",
        "accueil",
        "deplacement", "date_limite", "statut", "raisons",
    ]

    static func make(_ plan: Plan, candidates: [Candidate], reference: ReferenceData) -> String {
        let byID = Dictionary(
            candidates.map { ($0.id, $0) },
            uniquingKeysWith: { first, _ in first }
        )
        let settings = plan.settings
        var rows: [[String]] = []
        func identity(_ id: String) -> [String] {
            guard let candidate = byID[id] else { return [id, "", "", "", "", "", ""] }
            return [
                id, candidate.birthName, candidate.usageName ?? "", candidate.givenNames,
                candidate.diploma.rawValue, candidate.route.rawValue,
                reference.territory(candidate.territory)?.name ?? candidate.territory.rawValue,
            ]
        }
        for session in plan.sessions {
            let organizer =
                reference.territory(session.organizer)?.name ?? session.organizer.rawValue
            for day in session.days {
                for placed in day.candidates {
                    let deadline =
                        byID[placed.id].map { settings.deadline(for: $0).date.french } ?? ""
                    let host = reference.territory(placed.host)?.name ?? placed.host.rawValue
                    rows.append(
                        identity(placed.id) + [
                            session.id, organizer, day.date.french, placed.start,
                            String(placed.durationMinutes), String(placed.commission),
                            placed.mode == .remote ? "visioconférence" : "présentiel", host,
                            placed.travels ? "oui" : "non", deadline,
                            session.fixed ? "session fixée" : "planifié",
                            placed.reasons.map { ($0.rule.map { $0 + " : " } ?? "") + $0.text }
                                .joined(separator: " | "),
                        ]
                    )
                }
            }
        }
        for missed in plan.unplanned {
            let deadline = byID[missed.id].map { settings.deadline(for: $0).date.french } ?? ""
            rows.append(
                identity(missed.id) + [
                    "", "", "", "", "", "", "", "", "", deadline,
                    missed.deadlineMissed ? "non planifié, délai dépassé" : "non planifié",
                    missed.reason + " Solution : " + missed.fix,
                ]
            )
        }
        return FrenchCSV.document(header: header, rows: rows)
    }
}
