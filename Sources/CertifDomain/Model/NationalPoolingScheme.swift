/// One row of the national pooling scheme: the candidates of a diploma and route who live in
/// the listed territories go to one organising territory, whatever else the plan would prefer.
public struct NationalPoolingRule: Sendable, Codable, Hashable {
    public var diploma: DiplomaCode
    public var route: AccessRoute
    /// Home territories covered, or nil for the whole territory that Certif serves.
    public var homeTerritories: [TerritoryCode]?
    public var organizer: TerritoryCode

    public init(
        diploma: DiplomaCode,
        route: AccessRoute,
        homeTerritories: [TerritoryCode]?,
        organizer: TerritoryCode
    ) {
        self.diploma = diploma
        self.route = route
        self.homeTerritories = homeTerritories
        self.organizer = organizer
    }

    public func covers(diploma: DiplomaCode, route: AccessRoute, home: TerritoryCode) -> Bool {
        guard self.diploma == diploma, self.route == route else { return false }
        guard let homeTerritories else { return true }
        return homeTerritories.contains(home)
    }
}

/// The national pooling scheme (rule R5), kept as data so that a new row changes the plans
/// without a code change.
public struct NationalPoolingScheme: Sendable, Codable, Hashable {
    public var rules: [NationalPoolingRule]

    public init(rules: [NationalPoolingRule]) { self.rules = rules }

    /// Returns the rule that sends this candidate to a fixed organiser, if any. When two rows
    /// match, the first listed wins, so a row for named territories should precede a row for all.
    public func rule(
        diploma: DiplomaCode,
        route: AccessRoute,
        home: TerritoryCode
    )
        -> NationalPoolingRule?
    {
        rules.first { $0.covers(diploma: diploma, route: route, home: home) }
    }
}
