import Foundation

/// An error in a reference data file: which file, and what is wrong in it.
public struct ReferenceDataError: Error, CustomStringConvertible {
    public var file: String
    public var message: String

    public var description: String { "reference data \(file): \(message)" }
}

extension ReferenceData {
    /// Loads the reference files shipped with Certif.
    public static func bundled() throws -> ReferenceData {
        guard let directory = Bundle.module.url(forResource: "Reference", withExtension: nil)
        else {
            throw ReferenceDataError(
                file: "Reference",
                message: "the folder of reference files is missing from the build"
            )
        }
        return try load(from: directory)
    }

    /// Loads and checks the reference files of `directory`: territories.json, diplomas.json,
    /// national-pooling.json, holidays.json and figures-2024.json.
    public static func load(from directory: URL) throws -> ReferenceData {
        let territoryFile: TerritoryFile = try decode("territories.json", in: directory)
        let diplomaFile: DiplomaFile = try decode("diplomas.json", in: directory)
        let scheme: NationalPoolingScheme = try decode("national-pooling.json", in: directory)
        let holidayFile: HolidayFile = try decode("holidays.json", in: directory)
        let figures: PublishedFigures = try decode("figures-2024.json", in: directory)

        var sets: [String: [Holiday]] = [:]
        for (name, entries) in holidayFile.sets {
            sets[name] = try entries.map { try $0.holiday(set: name) }
        }
        let data = ReferenceData(
            territories: territoryFile.territories,
            excludedTerritories: territoryFile.excluded,
            diplomas: try diplomaFile.diplomas.map { try $0.diploma() },
            scheme: scheme,
            holidays: HolidayCalendar(sets: sets),
            publishedFigures: figures
        )
        try data.validate()
        return data
    }

    /// Checks the links between files: every code used is defined once, every holiday set and
    /// time zone exists.
    public func validate() throws {
        var seen = Set<TerritoryCode>()
        for territory in territories {
            guard seen.insert(territory.code).inserted else {
                throw ReferenceDataError(
                    file: "territories.json",
                    message: "territory code \(territory.code) is listed twice"
                )
            }
            guard TimeZone(identifier: territory.timeZone) != nil else {
                throw ReferenceDataError(
                    file: "territories.json",
                    message:
                        "unknown time zone '\(territory.timeZone)' for territory \(territory.code); expected an IANA name such as Europe/Paris"
                )
            }
            for set in territory.holidaySets where holidays.sets[set] == nil {
                throw ReferenceDataError(
                    file: "territories.json",
                    message:
                        "territory \(territory.code) names holiday set '\(set)', which holidays.json does not define"
                )
            }
        }
        let diplomaCodes = Set(diplomas.map(\.code))
        guard diplomaCodes.count == diplomas.count else {
            throw ReferenceDataError(
                file: "diplomas.json",
                message: "a diploma code is listed twice"
            )
        }
        for (index, rule) in scheme.rules.enumerated() {
            let row = "row \(index + 1)"
            guard diplomaCodes.contains(rule.diploma) else {
                throw ReferenceDataError(
                    file: "national-pooling.json",
                    message: "\(row): unknown diploma '\(rule.diploma)'"
                )
            }
            for code in [rule.organizer] + (rule.homeTerritories ?? []) where !seen.contains(code) {
                throw ReferenceDataError(
                    file: "national-pooling.json",
                    message: "\(row): unknown territory '\(code)'"
                )
            }
        }
    }

    private static func decode<T: Decodable>(_ name: String, in directory: URL) throws -> T {
        let url = directory.appendingPathComponent(name)
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ReferenceDataError(file: name, message: "cannot be read at \(url.path): \(error)")
        }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch {
            throw ReferenceDataError(file: name, message: "invalid JSON: \(error)")
        }
    }
}

private struct TerritoryFile: Decodable {
    var territories: [Territory]
    var excluded: [ExcludedTerritory]
}

private struct DiplomaFile: Decodable {
    struct Entry: Decodable {
        var code: DiplomaCode
        var name: String
        var versions: [DiplomaVersion]
        var formats: [String: ExamFormat]

        func diploma() throws -> Diploma {
            var byRoute: [AccessRoute: ExamFormat] = [:]
            for (key, format) in formats {
                guard let route = AccessRoute(rawValue: key) else {
                    throw ReferenceDataError(
                        file: "diplomas.json",
                        message: "\(code): unknown route '\(key)'; expected formation or VAE"
                    )
                }
                byRoute[route] = format
            }
            return Diploma(code: code, name: name, versions: versions, formats: byRoute)
        }
    }

    var diplomas: [Entry]
}

private struct HolidayFile: Decodable {
    struct Entry: Decodable {
        var name: String
        var month: Int?
        var day: Int?
        var easterOffset: Int?

        func holiday(set: String) throws -> Holiday {
            if let easterOffset {
                return Holiday(name: name, rule: .easter(offset: easterOffset))
            }
            if let month, let day, CivilDate(year: 2024, month: month, day: day) != nil {
                return Holiday(name: name, rule: .fixed(month: month, day: day))
            }
            throw ReferenceDataError(
                file: "holidays.json",
                message: "set \(set), holiday '\(name)': expected month and day, or easterOffset"
            )
        }
    }

    var sets: [String: [Entry]]
}
