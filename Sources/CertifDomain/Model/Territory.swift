/// A territory's INSEE code: a region code ("84", "11", "04") or the collectivity code "975" of
/// Saint-Pierre-et-Miquelon.
public struct TerritoryCode: StringCode {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
}

/// The kind of State service that certifies the social-work diplomas in a territory.
public enum ServiceKind: String, Sendable, Codable {
    /// Direction régionale de l'économie, de l'emploi, du travail et des solidarités.
    case dreets = "DREETS"
    /// The Île-de-France peer of a DREETS.
    case drieets = "DRIEETS"
    /// Direction de l'économie, de l'emploi, du travail et des solidarités (overseas).
    case deets = "DEETS"
    /// A directorate of the prefecture, where no DEETS exists (Guyane).
    case prefectureDirectorate = "direction de préfecture"
    /// A service of its own (Saint-Pierre-et-Miquelon).
    case territorialService = "service territorial"
}

/// A territory that Certif serves, with the service that certifies there.
public struct Territory: Sendable, Codable, Identifiable {
    public var code: TerritoryCode
    /// The region's official name, "Auvergne-Rhône-Alpes".
    public var name: String
    public var serviceKind: ServiceKind
    /// The service's official name, "DREETS Auvergne-Rhône-Alpes".
    public var serviceName: String
    /// The town where the service sits, "Lyon".
    public var seat: String
    public var latitude: Double
    public var longitude: Double
    /// The IANA time zone of the service's premises, "Europe/Paris".
    public var timeZone: String
    /// Names of the holiday sets that apply at the service's premises, in the order they are
    /// listed in holidays.json ("national", "alsace-moselle", "guadeloupe" …).
    public var holidaySets: [String]
    public var overseas: Bool
    /// Inhabitants, an INSEE estimate, used to spread synthetic volumes over the territories.
    public var population: Int

    public var id: TerritoryCode { code }

    public init(
        code: TerritoryCode,
        name: String,
        serviceKind: ServiceKind,
        serviceName: String,
        seat: String,
        latitude: Double,
        longitude: Double,
        timeZone: String,
        holidaySets: [String],
        overseas: Bool,
        population: Int
    ) {
        self.code = code
        self.name = name
        self.serviceKind = serviceKind
        self.serviceName = serviceName
        self.seat = seat
        self.latitude = latitude
        self.longitude = longitude
        self.timeZone = timeZone
        self.holidaySets = holidaySets
        self.overseas = overseas
        self.population = population
    }
}

/// A territory that Certif does not serve, kept so that an import can say why it is rejected.
public struct ExcludedTerritory: Sendable, Codable {
    public var code: TerritoryCode
    public var name: String
    public var reason: String
}

extension TerritoryCode: CodingKeyRepresentable {
    public var codingKey: any CodingKey { TerritoryKey(stringValue: rawValue) }

    public init?<T: CodingKey>(codingKey: T) { self.init(codingKey.stringValue) }

    private struct TerritoryKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
