import CertifDomain
import CertifHTML
import CertifHTTP
import CertifServices

/// Renders the Référentiel page, with at most one form sent back with its errors.
func referencePage(
    _ context: WebContext,
    overview: ReferenceOverview,
    schemeForm: SchemeFormState? = nil,
    settingsForm: SettingsFormState? = nil,
    status: HTTPStatus = .ok
) throws -> HTTPResponse {
    let scheme = try schemeSection(context, overview: overview, form: schemeForm)
    let settings = try settingsSection(context, overview: overview, form: settingsForm)
    return try context.page(title: "Référentiel", status: status) {
        h1 { "Référentiel" }
        p(.class("fr-text--lead")) {
            "Les données communes à tous les services : territoires, diplômes, dispositif "
                + "national de mutualisation et réglages de la planification."
        }
        nav(.class("fr-summary", "fr-mb-4w"), .aria("label", "Sommaire de la page")) {
            ol(.class("fr-summary__list")) {
                li { a(href: "#territoires", .class("fr-summary__link")) { "Territoires" } }
                li { a(href: "#diplomes", .class("fr-summary__link")) { "Diplômes" } }
                li {
                    a(href: "#dispositif", .class("fr-summary__link")) { "Dispositif national" }
                }
                li { a(href: "#reglages", .class("fr-summary__link")) { "Réglages" } }
            }
        }
        territoriesSection(overview.reference)
        diplomasSection(overview.reference)
        scheme
        settings
    }
}

private func territoriesSection(_ reference: ReferenceData) -> Node {
    section(.id("territoires"), .class("fr-mb-6w")) {
        h2 { "Territoires" }
        dataTable(caption: "Territoires servis par Certif et leurs services certificateurs") {
            thead {
                tr {
                    th(scope: .col) { "Code INSEE" }
                    th(scope: .col) { "Territoire" }
                    th(scope: .col) { "Service" }
                    th(scope: .col) { "Siège" }
                    th(scope: .col) { "Fuseau horaire" }
                    th(scope: .col) { "Jours fériés" }
                }
            }
            tbody {
                for territory in reference.territories {
                    tr {
                        td { territory.code.rawValue }
                        th(scope: .row) { territory.name }
                        td { territory.serviceName }
                        td { territory.seat }
                        td { territory.timeZone }
                        td { holidayText(territory, reference: reference) }
                    }
                }
            }
        }
        if !reference.excludedTerritories.isEmpty {
            h3(.class("fr-h6")) { "Territoires non servis" }
            ul {
                for territory in reference.excludedTerritories {
                    li {
                        territory.name + " (" + territory.code.rawValue + ") : " + territory.reason
                    }
                }
            }
        }
    }
}

/// Returns "Fériés nationaux" and, for a territory with sets of its own, the names of their
/// holidays.
private func holidayText(_ territory: Territory, reference: ReferenceData) -> String {
    var parts: [String] = []
    for set in territory.holidaySets {
        if set == "national" {
            parts.append("fériés nationaux")
        } else {
            let names = (reference.holidays.sets[set] ?? []).map(\.name)
            parts.append(names.isEmpty ? set : names.joined(separator: ", "))
        }
    }
    let text = parts.joined(separator: " ; ")
    return text.prefix(1).uppercased() + text.dropFirst()
}

private func diplomasSection(_ reference: ReferenceData) -> Node {
    section(.id("diplomes"), .class("fr-mb-6w")) {
        h2 { "Diplômes" }
        dataTable(caption: "Diplômes certifiés, leurs versions et leurs épreuves") {
            thead {
                tr {
                    th(scope: .col) { "Code" }
                    th(scope: .col) { "Intitulé" }
                    th(scope: .col) { "Versions du référentiel" }
                    th(scope: .col) { "Épreuve, voie de la formation" }
                    th(scope: .col) { "Épreuve, voie VAE" }
                }
            }
            tbody {
                for diploma in reference.diplomas {
                    tr {
                        th(scope: .row) { diploma.code.rawValue }
                        td { diploma.name }
                        td {
                            ul {
                                for version in diploma.versions.sorted(by: {
                                    $0.inForceFrom < $1.inForceFrom
                                }) {
                                    li { versionText(version) }
                                }
                            }
                        }
                        td { formatText(diploma.formats[.training]) }
                        td { formatText(diploma.formats[.vae]) }
                    }
                }
            }
        }
    }
}

private func versionText(_ version: DiplomaVersion) -> String {
    var period = "depuis le " + version.inForceFrom.french
    if let until = version.inForceUntil {
        period = "du " + version.inForceFrom.french + " au " + until.french
    }
    return "Version \(version.id), \(period) : niveau \(version.level), "
        + French.count(version.blocks, "bloc") + " (" + version.source + ")"
}

private func formatText(_ format: ExamFormat?) -> String {
    guard let format else {
        return "Aucune : voie non ouverte"
    }
    return "Entretien de \(format.interviewMinutes) minutes, commission de "
        + French.count(format.commissionSize, "examinateur")
}
