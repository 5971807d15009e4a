import CertifDomain
import CertifHTML
import CertifHTTP
import CertifPlanning
import CertifServices
import CertifStore

/// Two plans side by side: their figures, the difference of each, and the figures by diploma.
func planComparisonPage(
    _ context: WebContext,
    plans: [StoredPlanSummary],
    filters: QueryFilters,
    comparison: PlanComparison?
) throws -> HTTPResponse {
    let reference = context.reference
    let title =
        comparison.map { "Comparaison des plans n° \($0.first.id) et n° \($0.second.id)" }
        ?? "Comparer deux plans"
    return try context.page(
        title: title,
        status: filters.errors.isEmpty ? .ok : .badRequest
    ) {
        p(.class("fr-mb-1w")) {
            a(
                href: "/planification",
                .class("fr-link", "fr-icon-arrow-left-line", "fr-link--icon-left")
            ) {
                "Retour à la planification"
            }
        }
        h1 { title }
        if plans.count < 2 {
            p { "Il faut au moins deux plans enregistrés pour les comparer." }
        }
        comparisonForm(
            plans: plans,
            first: filters.text("a"),
            second: filters.text("b"),
            errors: filters.errors
        )
        if let comparison {
            comparisonTables(comparison, reference: reference)
        }
    }
}

private func comparisonTables(_ comparison: PlanComparison, reference: ReferenceData) -> Node {
    let first = comparison.first
    let second = comparison.second
    let firstName = "Plan n° \(first.id)"
    let secondName = "Plan n° \(second.id)"
    return .fragment {
        if first.settings != second.settings {
            div(.class("fr-alert", "fr-alert--warning", "fr-alert--sm", "fr-mb-3w")) {
                p {
                    "Les deux plans n’ont pas été établis avec les mêmes paramètres : une part "
                        + "des écarts vient de là. Les seuils de R1 et R2 affichés sont ceux du "
                        + "premier plan."
                }
            }
        }
        dataTable(caption: "Les deux plans") {
            thead {
                tr {
                    th(scope: .col) { "Plan" }
                    th(scope: .col) { firstName }
                    th(scope: .col) { secondName }
                }
            }
            tbody {
                tr {
                    th(scope: .row) { "Statut" }
                    td { PlanningText.status(first.status) }
                    td { PlanningText.status(second.status) }
                }
                tr {
                    th(scope: .row) { "Période" }
                    td { "du " + first.from.french + " au " + first.to.french }
                    td { "du " + second.from.french + " au " + second.to.french }
                }
                tr {
                    th(scope: .row) { "Date du plan" }
                    td { first.today.french }
                    td { second.today.french }
                }
                tr {
                    th(scope: .row) { "Enregistré le" }
                    td { PlanningText.timestamp(first.createdAt) }
                    td { PlanningText.timestamp(second.createdAt) }
                }
            }
        }
        dataTable(caption: "Chiffres des deux plans et écart du second au premier") {
            thead {
                tr {
                    th(scope: .col) { "Chiffre" }
                    th(scope: .col) { firstName }
                    th(scope: .col) { secondName }
                    th(scope: .col) { "Écart" }
                }
            }
            tbody {
                for row in PlanFigureRow.all(settings: first.settings) {
                    tr {
                        th(scope: .row) { row.label }
                        td { row.text(first.summary) }
                        td { row.text(second.summary) }
                        td {
                            signed(
                                row.value(second.summary) - row.value(first.summary),
                                decimal: row.isDecimal
                            )
                        }
                    }
                }
            }
        }
        diplomaTable(comparison, reference: reference)
    }
}

private func diplomaTable(_ comparison: PlanComparison, reference: ReferenceData) -> Node {
    let first = Dictionary(
        comparison.first.diplomas.map { ($0.diploma, $0) },
        uniquingKeysWith: { one, _ in one }
    )
    let second = Dictionary(
        comparison.second.diplomas.map { ($0.diploma, $0) },
        uniquingKeysWith: { one, _ in one }
    )
    let codes = Set(first.keys).union(second.keys).sorted()
    let a = "n° \(comparison.first.id)"
    let b = "n° \(comparison.second.id)"
    return dataTable(caption: "Par diplôme : sessions, commissions, candidats placés et attente") {
        thead {
            tr {
                th(scope: .col) { "Diplôme" }
                th(scope: .col) { "Sessions " + a }
                th(scope: .col) { "Sessions " + b }
                th(scope: .col) { "Commissions " + a }
                th(scope: .col) { "Commissions " + b }
                th(scope: .col) { "Candidats " + a }
                th(scope: .col) { "Candidats " + b }
                th(scope: .col) { "Attente moyenne " + a }
                th(scope: .col) { "Attente moyenne " + b }
            }
        }
        tbody {
            for code in codes {
                let one = first[code] ?? DiplomaFigures(diploma: code)
                let two = second[code] ?? DiplomaFigures(diploma: code)
                tr {
                    th(scope: .row) { code.rawValue }
                    td { String(one.sessions) }
                    td { String(two.sessions) }
                    td { String(one.sittings) }
                    td { String(two.sittings) }
                    td { String(one.candidates) }
                    td { String(two.candidates) }
                    td { French.decimal(one.meanWaitDays) + " j" }
                    td { French.decimal(two.meanWaitDays) + " j" }
                }
            }
        }
    }
}

/// "+3", "−2", "0" or "+1,5": the difference with its sign.
private func signed(_ value: Double, decimal: Bool) -> String {
    let text = PlanFigureRow.format(abs(value), decimal: decimal)
    if text.allSatisfy({ $0 == "0" || $0 == "," }) {
        return text
    }
    return (value > 0 ? "+" : "−") + text
}
