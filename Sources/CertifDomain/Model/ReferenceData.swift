import Foundation

/// The reference data that Certif ships as JSON files: territories, diplomas, the national
/// pooling scheme, public holidays and the published 2024 figures.
public struct ReferenceData: Sendable {
    public var territories: [Territory]
    public var excludedTerritories: [ExcludedTerritory]
    public var diplomas: [Diploma]
    public var scheme: NationalPoolingScheme
    public var holidays: HolidayCalendar
    public var publishedFigures: PublishedFigures

    public init(
        territories: [Territory],
        excludedTerritories: [ExcludedTerritory],
        diplomas: [Diploma],
        scheme: NationalPoolingScheme,
        holidays: HolidayCalendar,
        publishedFigures: PublishedFigures
    ) {
        self.territories = territories
        self.excludedTerritories = excludedTerritories
        self.diplomas = diplomas
        self.scheme = scheme
        self.holidays = holidays
        self.publishedFigures = publishedFigures
    }

    public func territory(_ code: TerritoryCode) -> Territory? {
        territories.first { $0.code == code }
    }

    public func diploma(_ code: DiplomaCode) -> Diploma? {
        diplomas.first { $0.code == code }
    }

    /// Finds a served territory by INSEE code ("84", "4" for "04") or by name, ignoring case,
    /// accents, spaces, hyphens and apostrophes ("ile de france" finds Île-de-France).
    public func territory(matching text: String) -> Territory? {
        let key = ReferenceData.matchKey(text)
        guard !key.isEmpty else { return nil }
        return territories.first {
            ReferenceData.codeMatches(key, $0.code) || ReferenceData.matchKey($0.name) == key
        }
    }

    /// Finds an excluded territory (French Polynesia, New Caledonia, Wallis-et-Futuna) by code or
    /// name, so that an import can say why it is rejected.
    public func excludedTerritory(matching text: String) -> ExcludedTerritory? {
        let key = ReferenceData.matchKey(text)
        guard !key.isEmpty else { return nil }
        return excludedTerritories.first {
            ReferenceData.codeMatches(key, $0.code) || ReferenceData.matchKey($0.name) == key
        }
    }

    /// Folds text for matching: lower case, no diacritics, letters and digits only.
    public static func matchKey(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        return String(folded.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) })
            .replacingOccurrences(of: "œ", with: "oe")
            .lowercased()
    }

    private static func codeMatches(_ key: String, _ code: TerritoryCode) -> Bool {
        guard key.allSatisfy(\.isNumber) else { return false }
        return key == code.rawValue || (key.count == 1 && "0" + key == code.rawValue)
    }
}

/// The figures of the VAE route in 2024 that the instruction starts from, per diploma.
public struct PublishedFigures: Sendable, Codable {
    public struct Row: Sendable, Codable {
        public var diploma: DiplomaCode
        public var sessions: Int
        public var juries: Int
        public var candidates: Int
        public var perSessionMin: Int
        public var perSessionMax: Int

        public init(
            diploma: DiplomaCode,
            sessions: Int,
            juries: Int,
            candidates: Int,
            perSessionMin: Int,
            perSessionMax: Int
        ) {
            self.diploma = diploma
            self.sessions = sessions
            self.juries = juries
            self.candidates = candidates
            self.perSessionMin = perSessionMin
            self.perSessionMax = perSessionMax
        }
    }

    public var source: String
    public var route: AccessRoute
    public var year: Int
    public var figures: [Row]
}
