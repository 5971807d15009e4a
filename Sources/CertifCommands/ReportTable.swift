import CertifDomain
import CertifPlanning

/// The comparison table that `certif report` prints, and its conclusion in plain words.
struct ReportTable {
    var plan: [DiplomaFigures]
    var practice: [DiplomaFigures]
    var published: PublishedFigures
    var bounds: [SittingLowerBound.Row]

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
        lines.append(figures(PlanFigures.total(plan), source: "plan Certif", bound: boundTotal))
        lines.append(figures(PlanFigures.total(practice), source: "pratique mensuelle", bound: nil))
        return lines.joined(separator: "\n")
    }

    /// Says in plain French what the plan changes against today's practice.
    func conclusion() -> String {
        let planned = PlanFigures.total(plan)
        let today = PlanFigures.total(practice)
        guard today.sittings > 0, today.sessions > 0 else { return "" }
        let sittings = Self.percent(planned.sittings, of: today.sittings)
        let sessions = Self.percent(planned.sessions, of: today.sessions)
        let perSession = Double(planned.candidates) / Double(max(1, planned.sessions))
        let todayPerSession = Double(today.candidates) / Double(max(1, today.sessions))
        return """

            Sur ces candidats, le plan tient \(planned.sessions) session(s) au lieu de \(today.sessions) (\(sessions)) \
            et \(planned.sittings) commission(s) au lieu de \(today.sittings) (\(sittings)), soit \
            \(planned.examinerDays) journées d'examinateurs au lieu de \(today.examinerDays). Une session réunit en \
            moyenne \(Self.decimal(perSession)) candidats au lieu de \(Self.decimal(todayPerSession)). \
            \(planned.pooledCandidates) candidat(s) sont examinés par une autre région, dont \
            \(planned.remoteCandidates) à distance depuis leur service. L'attente moyenne est de \
            \(Self.decimal(planned.meanWaitDays)) jours au lieu de \(Self.decimal(today.meanWaitDays)), la plus longue de \(planned.longestWaitDays) \
            jours ; délais dépassés : \(planned.deadlinesMissed) au lieu de \(today.deadlinesMissed).
            """
    }

    private func figures(_ row: DiplomaFigures, source: String, bound: Int?) -> String {
        Self.row([
            row.diploma.rawValue, source, "\(row.sessions)", "\(row.sittings)",
            bound.map(String.init) ?? "",
            "\(row.candidates)", "\(row.perSessionMin)-\(row.perSessionMax)",
            "\(row.perDayMin)-\(row.perDayMax)",
            "\(row.examinerDays)", "\(row.pooledCandidates)", "\(row.remoteCandidates)",
            Self.decimal(row.meanWaitDays), "\(row.longestWaitDays)", "\(row.deadlinesMissed)",
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
        let change = (Double(value) - Double(reference)) / Double(reference) * 100
        return (change > 0 ? "+" : "") + decimal(change) + " %"
    }

    static func decimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        return "\(sign)\(abs(tenths) / 10),\(abs(tenths) % 10)"
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
