import CertifDomain
import Foundation
import Testing

/// One fault written into a copy of the reference files, with the file and the value that the
/// load error must name.
enum ReferenceFault: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case unknownTimeZone
    case unknownHolidaySet
    case unknownSchemeTerritory
    case unknownSchemeOrganizer
    case unknownSchemeDiploma
    case duplicateTerritory
    case invalidHolidayDay
    case malformedJSON
    case missingFile

    var testDescription: String { rawValue }

    var file: String {
        switch self {
        case .unknownTimeZone, .unknownHolidaySet, .duplicateTerritory: "territories.json"
        case .unknownSchemeTerritory, .unknownSchemeOrganizer, .unknownSchemeDiploma:
            "national-pooling.json"
        case .invalidHolidayDay: "holidays.json"
        case .malformedJSON: "diplomas.json"
        case .missingFile: "figures-2024.json"
        }
    }

    /// Text that the error message must contain.
    var value: String {
        switch self {
        case .unknownTimeZone: "Europe/Atlantis"
        case .unknownHolidaySet: "atlantis"
        case .unknownSchemeTerritory: "99"
        case .unknownSchemeOrganizer: "98"
        case .unknownSchemeDiploma: "DEXX"
        case .duplicateTerritory: "53"
        case .invalidHolidayDay: "Jour impossible"
        case .malformedJSON: "invalid JSON"
        case .missingFile: "figures-2024.json"
        }
    }

    /// Writes the fault into the copy of the reference files in `directory`.
    func apply(in directory: URL) throws {
        switch self {
        case .unknownTimeZone:
            try editTerritories(in: directory) { file in
                let index = try #require(file.territories.firstIndex { $0.code.rawValue == "44" })
                file.territories[index].timeZone = value
            }
        case .unknownHolidaySet:
            try editTerritories(in: directory) { file in
                let index = try #require(file.territories.firstIndex { $0.code.rawValue == "01" })
                file.territories[index].holidaySets.append(value)
            }
        case .duplicateTerritory:
            try editTerritories(in: directory) { file in
                let copy = try #require(file.territories.first { $0.code.rawValue == value })
                file.territories.append(copy)
            }
        case .unknownSchemeTerritory:
            try editScheme(in: directory) {
                $0.rules[1].homeTerritories?.append(TerritoryCode(value))
            }
        case .unknownSchemeOrganizer:
            try editScheme(in: directory) { $0.rules[2].organizer = TerritoryCode(value) }
        case .unknownSchemeDiploma:
            try editScheme(in: directory) { $0.rules[0].diploma = DiplomaCode(value) }
        case .invalidHolidayDay:
            try replace(
                in: directory.appendingPathComponent(file),
                of: #""name": "Noël","#,
                with: #""name": "Jour impossible", "month": 2, "day": 30 }, { "name": "Noël","#
            )
        case .malformedJSON:
            try replace(in: directory.appendingPathComponent(file), of: "\"diplomas\"", with: "")
        case .missingFile:
            try FileManager.default.removeItem(at: directory.appendingPathComponent(file))
        }
    }
}

/// The shape of territories.json, for editing a copy.
private struct TerritoryFileCopy: Codable {
    var territories: [Territory]
    var excluded: [ExcludedTerritory]
}

private func editTerritories(
    in directory: URL,
    _ edit: (inout TerritoryFileCopy) throws -> Void
) throws {
    let url = directory.appendingPathComponent("territories.json")
    var file = try JSONDecoder().decode(TerritoryFileCopy.self, from: Data(contentsOf: url))
    try edit(&file)
    try JSONEncoder().encode(file).write(to: url)
}

private func editScheme(
    in directory: URL,
    _ edit: (inout NationalPoolingScheme) throws -> Void
) throws {
    let url = directory.appendingPathComponent("national-pooling.json")
    var scheme = try JSONDecoder().decode(NationalPoolingScheme.self, from: Data(contentsOf: url))
    try edit(&scheme)
    try JSONEncoder().encode(scheme).write(to: url)
}

private func replace(in url: URL, of target: String, with replacement: String) throws {
    let text = try String(contentsOf: url, encoding: .utf8)
    #expect(text.contains(target), "\(url.lastPathComponent) no longer contains \(target)")
    try Data(text.replacingOccurrences(of: target, with: replacement).utf8).write(to: url)
}

/// Copies the source reference files into a new temporary folder, runs `body` on it, and
/// removes the folder.
private func withReferenceCopy<T>(_ body: (URL) throws -> T) throws -> T {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("certif-reference-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.copyItem(at: sourceReferenceDirectory, to: directory)
    defer { try? FileManager.default.removeItem(at: directory) }
    return try body(directory)
}

@Suite("ReferenceData.load(from:)")
struct ReferenceDataLoadingTests {
    @Test("unchanged copy loads")
    func unchangedCopyLoads() throws {
        let reference = try withReferenceCopy { try ReferenceData.load(from: $0) }

        #expect(reference.territories.count == 19)
        #expect(reference.diplomas.count == 8)
    }

    @Test("broken copy names file and value", arguments: ReferenceFault.allCases)
    func brokenCopy(fault: ReferenceFault) throws {
        let error = try withReferenceCopy { directory in
            try fault.apply(in: directory)
            return #expect(throws: ReferenceDataError.self) {
                try ReferenceData.load(from: directory)
            }
        }

        #expect(error?.file == fault.file)
        #expect(error?.message.contains(fault.value) == true, "\(error?.message ?? "no error")")
        #expect(error?.description.contains(fault.file) == true)
    }

    @Test("empty folder names the first file")
    func emptyFolder() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("certif-empty-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        let error = #expect(throws: ReferenceDataError.self) {
            try ReferenceData.load(from: directory)
        }

        #expect(error?.file == "territories.json")
    }
}
