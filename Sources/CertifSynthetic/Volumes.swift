import CertifDomain

/// A year of candidate volumes, the input of the synthetic candidate generator, as read from a
/// `certif-volumes/1` JSON file:
///
/// ```json
/// {
///   "format": "certif-volumes/1",
///   "year": 2025,
///   "seed": 2024,
///   "note": "Synthetic volumes: the shares are assumptions.",
///   "monthlyProfile": [9, 9, 9, 9, 9, 9, 7, 3, 9, 9, 9, 8],
///   "lines": [
///     { "diploma": "DEAF", "route": "VAE", "total": 19,
///       "territories": null, "monthlyProfile": null },
///     { "diploma": "DEAES", "route": "formation",
///       "perTerritory": { "11": 300, "84": 210 } }
///   ]
/// }
/// ```
///
/// - `format` is always `certif-volumes/1`.
/// - `year` is the year of every availability date, from 1900 to 9999.
/// - `seed`, from 0 to 2^64 − 1, drives the random draws.
/// - `note`, optional free text, gives the source of the volumes. CSV has no comment syntax,
///   so this note and the `SYN-` prefix of the identifiers are what mark the data as synthetic.
/// - `monthlyProfile` lists 12 relative weights, January first, that spread each line's
///   candidates over the months. Weights are read to six decimal places, range from 0 to
///   1,000,000 and must have a positive sum.
/// - Each element of `lines` gives the volume of one diploma and route (`formation` or `VAE`),
///   and no pair appears twice. The volume is either `total` or `perTerritory`, never both.
///   `total` is spread over `territories` in proportion to their population, and `territories`
///   null or absent means every served territory. `perTerritory` gives each territory's count,
///   keyed by INSEE code. A line's own `monthlyProfile` replaces the file's. A line has at most
///   999,999 candidates, the largest number that six-digit identifiers can count.
///
/// Keys that the format does not define are rejected, so that a misspelt key cannot be ignored.
public struct Volumes: Sendable, Hashable, Codable {
    /// The only value of `format` that this version reads.
    public static let currentFormat = "certif-volumes/1"

    public var format: String
    public var year: Int
    public var seed: UInt64
    public var note: String?
    /// Relative weights of the 12 months, January first.
    public var monthlyProfile: [Double]
    public var lines: [Line]

    public init(
        format: String = Volumes.currentFormat,
        year: Int,
        seed: UInt64,
        note: String? = nil,
        monthlyProfile: [Double],
        lines: [Line]
    ) {
        self.format = format
        self.year = year
        self.seed = seed
        self.note = note
        self.monthlyProfile = monthlyProfile
        self.lines = lines
    }

    /// The candidates of one diploma and one access route over the year.
    public struct Line: Sendable, Hashable, Codable {
        public var diploma: DiplomaCode
        public var route: AccessRoute
        /// A national total, spread over `territories` by population; nil when `perTerritory`
        /// gives the volumes.
        public var total: Int?
        /// The territories that share `total`, or nil for every served territory.
        public var territories: [TerritoryCode]?
        /// Each territory's count; nil when `total` gives the volume.
        public var perTerritory: [TerritoryCode: Int]?
        /// The line's own monthly weights, or nil to use the file's.
        public var monthlyProfile: [Double]?

        public init(
            diploma: DiplomaCode,
            route: AccessRoute,
            total: Int? = nil,
            territories: [TerritoryCode]? = nil,
            perTerritory: [TerritoryCode: Int]? = nil,
            monthlyProfile: [Double]? = nil
        ) {
            self.diploma = diploma
            self.route = route
            self.total = total
            self.territories = territories
            self.perTerritory = perTerritory
            self.monthlyProfile = monthlyProfile
        }
    }
}

extension Volumes {
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case format, year, seed, note, monthlyProfile, lines
    }

    public init(from decoder: any Decoder) throws {
        try rejectUnknownKeys(in: decoder, allowed: CodingKeys.allCases.map(\.rawValue))
        let container = try decoder.container(keyedBy: CodingKeys.self)
        format = try container.decode(String.self, forKey: .format)
        year = try container.decode(Int.self, forKey: .year)
        seed = try container.decode(UInt64.self, forKey: .seed)
        note = try container.decodeIfPresent(String.self, forKey: .note)
        monthlyProfile = try container.decode([Double].self, forKey: .monthlyProfile)
        lines = try container.decode([Line].self, forKey: .lines)
    }
}

extension Volumes.Line {
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case diploma, route, total, territories, perTerritory, monthlyProfile
    }

    public init(from decoder: any Decoder) throws {
        try rejectUnknownKeys(in: decoder, allowed: CodingKeys.allCases.map(\.rawValue))
        let container = try decoder.container(keyedBy: CodingKeys.self)
        diploma = try container.decode(DiplomaCode.self, forKey: .diploma)
        let routeText = try container.decode(String.self, forKey: .route)
        guard let route = AccessRoute(rawValue: routeText) else {
            let expected = AccessRoute.allCases.map(\.rawValue).joined(separator: " or ")
            throw VolumesError(
                code: .unknownRoute,
                message:
                    "\(codingPathText(container.codingPath + [CodingKeys.route])): unknown route '\(routeText)'; expected \(expected)"
            )
        }
        self.route = route
        total = try container.decodeIfPresent(Int.self, forKey: .total)
        territories = try container.decodeIfPresent([TerritoryCode].self, forKey: .territories)
        perTerritory = try container.decodeIfPresent(
            [TerritoryCode: Int].self,
            forKey: .perTerritory
        )
        monthlyProfile = try container.decodeIfPresent([Double].self, forKey: .monthlyProfile)
    }
}

/// A coding key for any string, used to list the keys that an object contains.
private struct AnyCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }

    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

private func rejectUnknownKeys(in decoder: any Decoder, allowed: [String]) throws {
    let container = try decoder.container(keyedBy: AnyCodingKey.self)
    let unknown = container.allKeys.map(\.stringValue).filter { !allowed.contains($0) }.sorted()
    guard let first = unknown.first else { return }
    throw VolumesError(
        code: .unknownKey,
        message:
            "\(codingPathText(decoder.codingPath + [AnyCodingKey(stringValue: first)])): unknown key; expected one of \(allowed.joined(separator: ", "))"
    )
}

/// Formats a coding path as JSON readers write it: `lines[1].total`, or `top level` when empty.
func codingPathText(_ path: [any CodingKey]) -> String {
    var text = ""
    for key in path {
        if let index = key.intValue {
            text += "[\(index)]"
        } else {
            text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
        }
    }
    return text.isEmpty ? "top level" : text
}
