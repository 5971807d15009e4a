import CertifDomain
import CertifStore
import Foundation

/// The content of the Référentiel page: the reference data with the national pooling scheme
/// in effect, the pairs of the scheme that an administrator changed, and the settings.
public struct ReferenceOverview: Sendable {
    /// The shipped reference data with the scheme that plans apply.
    public var reference: ReferenceData
    /// The shipped scheme, for comparison.
    public var shippedScheme: NationalPoolingScheme
    public var overrides: [NationalSchemeOverride]
    public var settings: [SettingRow]
}

/// A change of the national pooling scheme for one diploma and access route, as a form or
/// the JSON API sends it: texts to validate.
public struct SchemeRuleChange: Sendable {
    public var diploma: String
    /// `formation` or `VAE`.
    public var route: String
    /// The organising territory's INSEE code, or empty to take the pair out of the scheme.
    public var organizer: String
    /// `tout` for the whole territory that Certif serves, `liste` for `homeTerritories`.
    public var coverage: String
    public var homeTerritories: [String]

    public init(
        diploma: String,
        route: String,
        organizer: String,
        coverage: String,
        homeTerritories: [String]
    ) {
        self.diploma = diploma
        self.route = route
        self.organizer = organizer
        self.coverage = coverage
        self.homeTerritories = homeTerritories
    }

    /// The field names of the scheme form, which key the errors of `updateNationalScheme`.
    public enum Field {
        public static let organizer = "organisateur"
        public static let coverage = "portee"
        public static let homeTerritories = "territoires"
    }

    /// The values of `coverage`.
    public enum Coverage {
        public static let all = "tout"
        public static let list = "liste"
    }
}

extension CertifServices {
    /// Returns the reference data that plans must apply: the shipped data with the national
    /// pooling scheme as the administrators changed it. Every role may read it, because it
    /// contains no personal data and every planner needs it.
    public func effectiveReference() throws -> ReferenceData {
        try store.effectiveReference(bundled: reference)
    }

    /// Returns what the Référentiel page shows. National administrators only.
    public func referenceOverview() throws -> ReferenceOverview {
        try require(.write(.referenceData))
        return ReferenceOverview(
            reference: try effectiveReference(),
            shippedScheme: reference.scheme,
            overrides: try store.nationalSchemeOverrides(),
            settings: SettingsCatalog.rows(try store.settings())
        )
    }

    /// Replaces the rules of the national pooling scheme for one diploma and access route,
    /// which the next plan applies. Returns false when the rules were already those.
    ///
    /// Throws `notFound` for a person who is not a national administrator, and for a diploma
    /// or route that the reference data lacks. Throws `invalid`, keyed by
    /// `SchemeRuleChange.Field`, when the organiser or a home territory is not a territory
    /// that Certif serves, when the coverage is missing, or when a list names no territory.
    @discardableResult
    public func updateNationalScheme(_ change: SchemeRuleChange) throws -> Bool {
        try require(.write(.referenceData))
        guard let diploma = reference.diploma(DiplomaCode(change.diploma)),
            let route = AccessRoute(rawValue: change.route)
        else {
            throw ServiceError.notFound
        }
        let rules = try validatedRules(change, diploma: diploma, route: route)
        do {
            return try store.setNationalSchemeRules(
                rules,
                diploma: diploma.code,
                route: route,
                bundled: reference,
                actor: actor
            )
        } catch let error as StoreError where error.code == .invalidRequest {
            // validatedRules checks what the store checks, so this means that they differ.
            throw ServiceError.invalid(
                [SchemeRuleChange.Field.organizer: "Cette règle ne correspond pas au référentiel."]
            )
        }
    }

    private func validatedRules(
        _ change: SchemeRuleChange,
        diploma: Diploma,
        route: AccessRoute
    ) throws -> [NationalPoolingRule] {
        typealias Field = SchemeRuleChange.Field
        let organizerCode = change.organizer.trimmingCharacters(in: .whitespaces)
        guard !organizerCode.isEmpty else {
            return []
        }

        var errors: [String: String] = [:]
        if diploma.formats[route] == nil {
            errors[Field.organizer] =
                "Le \(diploma.code) n’a pas de voie \(route.frenchName) dans le référentiel : "
                + "il ne peut pas entrer dans le dispositif national pour cette voie."
        }
        let organizer = reference.territory(TerritoryCode(organizerCode))
        if organizer == nil {
            errors[Field.organizer] =
                "Le territoire « \(organizerCode) » n’est pas servi par Certif : choisissez "
                + "l’organisateur dans la liste."
        }

        var homes: [TerritoryCode]?
        switch change.coverage {
        case SchemeRuleChange.Coverage.all:
            homes = nil
        case SchemeRuleChange.Coverage.list:
            let codes = Set(change.homeTerritories.map(TerritoryCode.init(rawValue:)))
            let unknown = codes.filter { reference.territory($0) == nil }.sorted()
            if let first = unknown.first {
                errors[Field.homeTerritories] =
                    "Le territoire « \(first) » n’est pas servi par Certif : cochez des "
                    + "territoires de la liste."
            } else if codes.isEmpty {
                errors[Field.homeTerritories] =
                    "Cochez au moins un territoire de domiciliation, ou choisissez tout le "
                    + "territoire."
            }
            // In the order of the reference data, so that equal choices give equal rules.
            homes = reference.territories.map(\.code).filter { codes.contains($0) }
        default:
            errors[Field.coverage] =
                "Choisissez les candidats concernés : ceux de tout le territoire, ou ceux des "
                + "territoires cochés."
        }

        guard errors.isEmpty, let organizer else {
            throw ServiceError.invalid(errors)
        }
        return [
            NationalPoolingRule(
                diploma: diploma.code,
                route: route,
                homeTerritories: homes,
                organizer: organizer.code
            )
        ]
    }
}

extension AccessRoute {
    /// The words that follow « voie » in a French sentence: « de la formation » or « VAE ».
    fileprivate var frenchName: String {
        switch self {
        case .training: return "de la formation"
        case .vae: return "VAE"
        }
    }
}
