import CertifDomain
import Foundation

/// The rules of the national pooling scheme that an administrator set for one diploma and
/// access route, in place of the rules shipped with Certif for that pair.
public struct NationalSchemeOverride: Sendable, Hashable {
    public var diploma: DiplomaCode
    public var route: AccessRoute
    /// The rules in the order they apply. Empty when the administrator removed the pair from
    /// the scheme.
    public var rules: [NationalPoolingRule]
    public var updatedAt: Date
    /// The actor name of the latest change.
    public var updatedBy: String
}

extension AuditAction {
    /// The rules of one diploma and access route of the national pooling scheme replaced.
    public static let nationalSchemeUpdate = AuditAction(rawValue: "national-scheme.update")
}

extension CertifStore {
    /// Returns the stored overrides of the national pooling scheme, ordered by diploma and
    /// route.
    public func nationalSchemeOverrides() throws -> [NationalSchemeOverride] {
        let rows = try database.query(
            "SELECT * FROM national_scheme_rules ORDER BY diploma, route"
        )
        return try rows.map(Self.schemeOverride(from:))
    }

    /// Returns `shipped` with the rules of each stored override in place of the shipped rules
    /// of its diploma and route. An override takes the place of the first shipped rule of its
    /// pair, and an override of a pair that `shipped` lacks comes after the shipped rules.
    ///
    /// The order between pairs does not change which rule covers a candidate, because a rule
    /// only covers its own diploma and route.
    public func effectiveScheme(shipped: NationalPoolingScheme) throws -> NationalPoolingScheme {
        Self.merge(shipped: shipped, overrides: try nationalSchemeOverrides())
    }

    /// Returns `bundled` with the national pooling scheme that plans must apply: the shipped
    /// scheme with the administrators' overrides (`effectiveScheme(shipped:)`). Every plan,
    /// from the command line or the web, builds its problem from this reference data.
    ///
    /// Throws `invalidStoredData` when a stored rule names a diploma or territory that the
    /// reference data no longer has, because a plan made without that rule would silently
    /// ignore the scheme.
    public func effectiveReference(bundled: ReferenceData) throws -> ReferenceData {
        var reference = bundled
        reference.scheme = try effectiveScheme(shipped: bundled.scheme)
        do {
            try reference.validate()
        } catch let error as ReferenceDataError {
            throw StoreError(
                code: .invalidStoredData,
                message: "the national pooling scheme stored in the database does not match "
                    + "the reference data: \(error.message); change the rule on the "
                    + "Référentiel page",
                cause: error
            )
        }
        return reference
    }

    /// Replaces the rules of the national pooling scheme for `diploma` and `route` with
    /// `rules`, and records the rules in effect before and after in the audit log. Returns
    /// false, writing nothing, when `rules` are the rules already in effect.
    ///
    /// Rules equal to the shipped ones delete the override, so that the pair follows the
    /// scheme of later Certif releases again. An empty list removes the pair from the scheme.
    ///
    /// Throws `invalidRequest`, before writing, when a rule is for another diploma or route,
    /// or when the scheme that would result names a diploma or territory that `bundled` lacks.
    @discardableResult
    public func setNationalSchemeRules(
        _ rules: [NationalPoolingRule],
        diploma: DiplomaCode,
        route: AccessRoute,
        bundled: ReferenceData,
        actor: StoreActor
    ) throws -> Bool {
        for rule in rules where rule.diploma != diploma || rule.route != route {
            throw StoreError(
                code: .invalidRequest,
                message: "a rule for \(rule.diploma) \(rule.route.rawValue) was given among the "
                    + "rules of \(diploma) \(route.rawValue); give each pair its own rules"
            )
        }
        let shippedRules = bundled.scheme.rules.filter {
            $0.diploma == diploma && $0.route == route
        }
        return try write(as: actor) { timestamp in
            let overrides = try nationalSchemeOverrides()
            let current = Self.merge(shipped: bundled.scheme, overrides: overrides)
            let currentRules = current.rules.filter { $0.diploma == diploma && $0.route == route }
            guard Self.normalized(currentRules) != Self.normalized(rules) else {
                return false
            }
            var next = bundled
            next.scheme = Self.merge(
                shipped: bundled.scheme,
                overrides: overrides.filter { $0.diploma != diploma || $0.route != route }
                    + [
                        NationalSchemeOverride(
                            diploma: diploma,
                            route: route,
                            rules: rules,
                            updatedAt: now(),
                            updatedBy: actor.name
                        )
                    ]
            )
            do {
                try next.validate()
            } catch let error as ReferenceDataError {
                throw StoreError(
                    code: .invalidRequest,
                    message: "the rules of \(diploma) \(route.rawValue) do not match the "
                        + "reference data: \(error.message)",
                    cause: error
                )
            }
            if Self.normalized(rules) == Self.normalized(shippedRules) {
                try database.execute(
                    """
                    DELETE FROM national_scheme_rules
                    WHERE diploma = \(diploma.rawValue) AND route = \(route.rawValue)
                    """
                )
            } else {
                try database.execute(
                    """
                    INSERT INTO national_scheme_rules (diploma, route, rules, updated_at, updated_by)
                    VALUES (
                        \(diploma.rawValue), \(route.rawValue), \(try StoreJSON.encode(rules)),
                        \(timestamp), \(actor.name)
                    )
                    ON CONFLICT (diploma, route) DO UPDATE SET
                        rules = excluded.rules, updated_at = excluded.updated_at,
                        updated_by = excluded.updated_by
                    """
                )
            }
            try appendAudit(
                at: timestamp,
                actor: actor,
                action: .nationalSchemeUpdate,
                entity: "national-scheme",
                entityID: "\(diploma.rawValue)/\(route.rawValue)",
                before: try StoreJSON.encode(SchemeAudit(currentRules)),
                after: try StoreJSON.encode(SchemeAudit(rules))
            )
            return true
        }
    }

    // MARK: Helpers

    /// The audit entry of a scheme change: the rules of the pair, without the diploma and
    /// route that the entry's id names.
    private struct SchemeAudit: Encodable {
        struct Rule: Encodable {
            var organizer: TerritoryCode
            /// Nil for the whole territory that Certif serves.
            var homeTerritories: [TerritoryCode]?
        }

        var rules: [Rule]

        init(_ rules: [NationalPoolingRule]) {
            self.rules = rules.map {
                Rule(organizer: $0.organizer, homeTerritories: $0.homeTerritories)
            }
        }
    }

    /// Returns the rules with their home territories sorted, so that two lists of the same
    /// territories compare equal.
    private static func normalized(_ rules: [NationalPoolingRule]) -> [NationalPoolingRule] {
        rules.map { rule in
            var sorted = rule
            sorted.homeTerritories = rule.homeTerritories?.sorted()
            return sorted
        }
    }

    static func merge(
        shipped: NationalPoolingScheme,
        overrides: [NationalSchemeOverride]
    ) -> NationalPoolingScheme {
        struct Pair: Hashable {
            var diploma: DiplomaCode
            var route: AccessRoute
        }
        var pending: [Pair: [NationalPoolingRule]] = [:]
        for item in overrides {
            pending[Pair(diploma: item.diploma, route: item.route)] = item.rules
        }
        var rules: [NationalPoolingRule] = []
        var replaced = Set<Pair>()
        for rule in shipped.rules {
            let pair = Pair(diploma: rule.diploma, route: rule.route)
            guard let override = pending[pair] else {
                rules.append(rule)
                continue
            }
            if replaced.insert(pair).inserted {
                rules += override
            }
        }
        for item in overrides {
            let pair = Pair(diploma: item.diploma, route: item.route)
            if replaced.insert(pair).inserted {
                rules += item.rules
            }
        }
        return NationalPoolingScheme(rules: rules)
    }

    private static func schemeOverride(from row: Row) throws -> NationalSchemeOverride {
        let routeText = try row.string("route")
        guard let route = AccessRoute(rawValue: routeText) else {
            throw StoreError(
                code: .invalidStoredData,
                message: "column national_scheme_rules.route contains an unknown access route"
            )
        }
        return NationalSchemeOverride(
            diploma: DiplomaCode(try row.string("diploma")),
            route: route,
            rules: try StoreJSON.decode(
                [NationalPoolingRule].self,
                from: try row.string("rules"),
                column: "national_scheme_rules.rules"
            ),
            updatedAt: try row.timestamp("updated_at"),
            updatedBy: try row.string("updated_by")
        )
    }
}
