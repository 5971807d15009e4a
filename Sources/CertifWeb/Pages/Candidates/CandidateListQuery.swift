import CertifDomain
import CertifHTTP
import CertifServices
import CertifStore
import Foundation

/// The filters of the candidate list as its query string gives them, checked one by one.
///
/// The parameter names are part of the pages' links (the dashboard links to
/// `/candidats?statut=en-attente&echeance=30`): `q` for the search, `diplome`, `voie`
/// (`VAE` or `formation`), `statut` (`en-attente` or `planifie`), `echeance` (days from
/// today), `avant` (a date) and `page`.
struct CandidateListQuery {
    /// Days that `echeance` may give: ten years.
    static let maxDays = 3650
    /// Unicode scalars that a search may have.
    static let maxSearchLength = 200

    var search: String
    var diploma: String
    var route: String
    var status: String
    var days: String
    var before: String
    var page: String

    init(_ query: FormBody) {
        func value(_ name: String) -> String {
            (query.fields.first { $0.name == name }?.value ?? "")
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
        search = value("q")
        diploma = value("diplome")
        route = value("voie")
        status = value("statut")
        days = value("echeance")
        before = value("avant")
        page = value("page")
    }

    static let statusNames: [(name: String, status: CandidateStatus, label: String)] = [
        ("en-attente", .waiting, "En attente d’une session"),
        ("planifie", .scheduled, "Planifié dans une session"),
    ]

    /// Returns the filters, or a French message by parameter for each invalid value.
    func filters(reference: ReferenceData) -> Result<CandidateFilters, FieldErrors> {
        var errors: [String: String] = [:]
        var filters = CandidateFilters()
        if search.unicodeScalars.count > Self.maxSearchLength {
            errors["q"] = "La recherche compte plus de \(Self.maxSearchLength) caractères."
        } else if !search.isEmpty {
            filters.search = search
        }
        if !diploma.isEmpty {
            if let known = reference.diplomas.first(where: {
                $0.code.rawValue.uppercased() == diploma.uppercased()
            }) {
                filters.diploma = known.code
            } else {
                let codes = reference.diplomas.map(\.code.rawValue).joined(separator: ", ")
                errors["diplome"] = "Diplôme inconnu. Codes attendus : \(codes)."
            }
        }
        if !route.isEmpty {
            if let known = AccessRoute.allCases.first(where: {
                $0.rawValue.lowercased() == route.lowercased()
            }) {
                filters.route = known
            } else {
                errors["voie"] = "Voie d’accès inconnue. Attendu : VAE ou formation."
            }
        }
        if !status.isEmpty {
            if let known = Self.statusNames.first(where: { $0.name == status }) {
                filters.status = known.status
            } else {
                errors["statut"] = "Statut inconnu. Attendu : en-attente ou planifie."
            }
        }
        if !days.isEmpty {
            if let number = Self.wholeNumber(days), number <= Self.maxDays {
                filters.deadlineWithinDays = number
            } else {
                errors["echeance"] =
                    "Nombre de jours invalide. Attendu : un nombre entier de 0 à \(Self.maxDays)."
            }
        }
        if !before.isEmpty {
            if let date = CivilDate(parsing: before) {
                filters.deadlineOnOrBefore = date
            } else {
                errors["avant"] =
                    "Date invalide. Formes attendues : JJ/MM/AAAA, par exemple 15/03/2025, ou "
                    + "AAAA-MM-JJ."
            }
        }
        if !page.isEmpty {
            if let number = Self.wholeNumber(page), number >= 1,
                number <= CertifServices.maxCandidatePage
            {
                filters.page = number
            } else {
                errors["page"] =
                    "Numéro de page invalide. Attendu : un nombre entier de 1 à "
                    + "\(CertifServices.maxCandidatePage)."
            }
        }
        return errors.isEmpty ? .success(filters) : .failure(FieldErrors(messages: errors))
    }

    /// Whether any filter is set, the page number aside.
    var hasFilters: Bool {
        ![search, diploma, route, status, days, before].allSatisfy(\.isEmpty)
    }

    /// Returns the path of the list with the same filters at `page`.
    /// The path of the list's page `page`, or with `base` another path that takes the same
    /// filters, such as an export's.
    func path(page: Int, base: String = "/candidats") -> String {
        var pairs: [(String, String)] = [
            ("q", search), ("diplome", diploma), ("voie", route), ("statut", status),
            ("echeance", days), ("avant", before),
        ].filter { !$0.1.isEmpty }
        if page > 1 {
            pairs.append(("page", String(page)))
        }
        guard !pairs.isEmpty else { return base }
        return base + "?"
            + pairs.map { Paths.segment($0) + "=" + Paths.segment($1) }
            .joined(separator: "&")
    }

    /// ASCII digits only, at most nine, so that "+5", "٣" or "1e3" are rejected.
    private static func wholeNumber(_ text: String) -> Int? {
        guard !text.isEmpty, text.count <= 9,
            text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
        else { return nil }
        return Int(text)
    }
}

/// French messages by form field or query parameter, as an error so that a `Result` can
/// carry them.
struct FieldErrors: Error {
    var messages: [String: String]
}
