import CertifDomain
import CertifPlanning

/// The comparison table that `certif report` prints, and its conclusion in plain words.
struct ReportTable {
    var plan: [DiplomaFigures]
    var practice: [DiplomaFigures]
    var published: PublishedFigures
    var bounds: [SittingLowerBound.Row]
    /// The access routes of the planned candidates; the 2024 figures are of the VAE route.
    var routes: Set<AccessRoute>
    /// Candidates that the plan does not place, left out of both sides.
    var leftOut: Int

    static let columns = [
        ("diplôme", 8), ("source", 20), ("sessions", 8), ("commissions", 11), ("borne", 5),
        ("candidats", 9), ("/session", 8), ("/jour", 7), ("j.-exam.", 8), ("mutualisés", 10),
        ("à dist.", 7), ("attente", 7), ("max", 4), ("hors délai", 10),
    ]

    func render() -> String {
        var lines = [Self.row(Self.columns.map(\.0))]
        let diplomas = Set(plan.map(\.diploma) + practice.map(\.diploma)).sorted()
        for diploma in diplomas {
            if let row = published.figures.first(where: { $0.diploma == diploma }) {
                lines.append(
                    Self.row([
                        diploma.rawValue, "\(published.year) publié (VAE)", "\(row.sessions)",
                        "\(row.juries)",
                        "", "\(row.candidates)", "\(row.perSessionMin)-\(row.perSessionMax)", "",
                        "", "", "",
                        "", "", "",
                    ])
                )
            }
            let bound = bounds.first { $0.diploma == diploma }?.bound
            if let row = plan.first(where: { $0.diploma == diploma }) {
                lines.append(figures(row, source: "plan Certif", bound: bound))
            }
            if let row = practice.first(where: { $0.diploma == diploma }) {
                lines.append(figures(row, source: "pratique mensuelle", bound: nil))
            }
        }
        let boundTotal = bounds.reduce(0) { $0 + $1.bound }
        if let total = publishedTotal() {
            lines.append(
                Self.row([
                    "TOTAL", "\(published.year) publié (VAE)", "\(total.sessions)",
                    "\(total.juries)", "",
                    "\(total.candidates)", "\(total.perSessionMin)-\(total.perSessionMax)", "", "",
                    "", "",
                    "", "", "",
                ])
            )
        }
        lines.append(figures(PlanFigures.total(plan), source: "plan Certif", bound: boundTotal))
        lines.append(figures(PlanFigures.total(practice), source: "pratique mensuelle", bound: nil))
        return lines.joined(separator: "\n")
    }

    /// The published rows of the diplomas that the plan holds, added up, or nil when it holds
    /// none of them.
    private func publishedTotal() -> PublishedFigures.Row? {
        let diplomas = Set(plan.map(\.diploma))
        let rows = published.figures.filter { diplomas.contains($0.diploma) }
        guard !rows.isEmpty else { return nil }
        return PublishedFigures.Row(
            diploma: DiplomaCode("TOTAL"),
            sessions: rows.reduce(0) { $0 + $1.sessions },
            juries: rows.reduce(0) { $0 + $1.juries },
            candidates: rows.reduce(0) { $0 + $1.candidates },
            perSessionMin: rows.map(\.perSessionMin).min() ?? 0,
            perSessionMax: rows.map(\.perSessionMax).max() ?? 0
        )
    }

    /// Says in plain French what the plan changes, against the published 2024 figures when the
    /// plan holds their diplomas, and against today's practice on the same candidates.
    func conclusion() -> String {
        let planned = PlanFigures.total(plan)
        let today = PlanFigures.total(practice)
        var paragraphs: [String] = []
        if let reference = publishedTotal() {
            let diplomas = Set(published.figures.map(\.diploma))
            let same = PlanFigures.total(plan.filter { diplomas.contains($0.diploma) })
            var text =
                "Face aux chiffres publiés pour \(published.year) (voie de la VAE, \(French.count(reference.candidates, "candidat"))), "
                + "le plan tient \(French.count(same.sessions, "session")) au lieu de \(reference.sessions) "
                + "(\(Self.percent(same.sessions, of: reference.sessions))) et \(French.count(same.sittings, "commission")) "
                + "au lieu de \(reference.juries) jurys (\(Self.percent(same.sittings, of: reference.juries))), "
                + "pour \(French.count(same.candidates, "candidat"))."
            if routes.contains(.training) {
                text +=
                    " Le plan compte aussi des candidats de la voie de la formation, absents des chiffres publiés."
            }
            paragraphs.append(text)
        }
        if today.sittings > 0, today.sessions > 0 {
            let perSession = Double(planned.candidates) / Double(max(1, planned.sessions))
            let todayPerSession = Double(today.candidates) / Double(max(1, today.sessions))
            paragraphs.append(
                "Sur les mêmes \(French.count(planned.candidates, "candidat")), la pratique actuelle (chaque territoire seul, une session par mois) "
                    + "tiendrait \(French.count(today.sessions, "session")) et \(French.count(today.sittings, "commission")) ; "
                    + "le plan en tient \(planned.sessions) (\(Self.percent(planned.sessions, of: today.sessions))) "
                    + "et \(planned.sittings) (\(Self.percent(planned.sittings, of: today.sittings))), "
                    + "soit \(planned.examinerDays) journées d'examinateurs au lieu de \(today.examinerDays). "
                    + "Une session réunit en moyenne \(French.decimal(perSession)) candidats au lieu de \(French.decimal(todayPerSession)). "
                    + "\(Self.examinedElsewhere(planned)) "
                    + "L'attente moyenne est de \(French.decimal(planned.meanWaitDays)) jours au lieu de \(French.decimal(today.meanWaitDays)), "
                    + "la plus longue de \(planned.longestWaitDays) jours. "
                    + Self.missed(planned.deadlinesMissed, today.deadlinesMissed)
            )
        }
        if leftOut > 0 {
            paragraphs.append(
                "\(French.count(leftOut, "candidat non planifié", "candidats non planifiés")) par le plan \(leftOut == 1 ? "est laissé" : "sont laissés") hors de la comparaison."
            )
        }
        return "\n" + paragraphs.joined(separator: "\n\n")
    }

    private static func examinedElsewhere(_ figures: DiplomaFigures) -> String {
        guard figures.pooledCandidates > 0 else {
            return "Aucun candidat n'est examiné par une autre région."
        }
        let verb = figures.pooledCandidates == 1 ? "est examiné" : "sont examinés"
        return
            "\(French.count(figures.pooledCandidates, "candidat")) \(verb) par une autre région, dont \(figures.remoteCandidates) à distance depuis leur service."
    }

    private static func missed(_ planned: Int, _ today: Int) -> String {
        if planned == 0 && today == 0 {
            return "Aucun délai n'est dépassé, ni dans le plan ni dans la pratique actuelle."
        }
        return "Délais dépassés : \(planned) dans le plan, \(today) dans la pratique actuelle."
    }

    private func figures(_ row: DiplomaFigures, source: String, bound: Int?) -> String {
        Self.row([
            row.diploma.rawValue, source, "\(row.sessions)", "\(row.sittings)",
            bound.map(String.init) ?? "",
            "\(row.candidates)", "\(row.perSessionMin)-\(row.perSessionMax)",
            "\(row.perDayMin)-\(row.perDayMax)",
            "\(row.examinerDays)", "\(row.pooledCandidates)", "\(row.remoteCandidates)",
            French.decimal(row.meanWaitDays), "\(row.longestWaitDays)", "\(row.deadlinesMissed)",
        ])
    }

    static func row(_ cells: [String]) -> String {
        zip(cells, columns).map { cell, column in
            cell.count >= column.1
                ? cell : cell + String(repeating: " ", count: column.1 - cell.count)
        }
        .joined(separator: "  ")
        .trimmingTrailingSpaces()
    }

    static func percent(_ value: Int, of reference: Int) -> String {
        guard reference > 0 else { return "sans référence" }
        let change = (Double(value) - Double(reference)) / Double(reference) * 100
        return (change > 0 ? "+" : "") + French.decimal(change) + " %"
    }

}

extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
