import CertifDomain
import Foundation
import Testing

@testable import CertifSynthetic

/// Shared inputs of the synthetic generator's tests.
enum Fixtures {
    /// A flat monthly profile: the same weight for every month.
    static let flatProfile = [Double](repeating: 1, count: 12)

    /// Loads the reference data shipped with Certif.
    static func reference() throws -> ReferenceData {
        try ReferenceData.bundled()
    }

    /// Loads the shipped reference data, keeps only the named territories and replaces their
    /// populations, so that expected spreads can be worked out by hand.
    static func reference(populations: [String: Int]) throws -> ReferenceData {
        var reference = try ReferenceData.bundled()
        reference.territories = reference.territories.compactMap { territory in
            guard let population = populations[territory.code.rawValue] else { return nil }
            var copy = territory
            copy.population = population
            return copy
        }
        return reference
    }

    /// Reads a file under `examples/` at the root of the package.
    static func example(_ name: String) throws -> Data {
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .deletingLastPathComponent()
        return try Data(contentsOf: root.appendingPathComponent("examples/\(name)"))
    }

    /// Builds volumes with the 2024 VAE totals of the four nationally pooled diplomas, a line
    /// by territory and a line over three listed territories, so that every kind of line is
    /// generated together.
    static func mixedVolumes(seed: UInt64 = 2024) -> Volumes {
        Volumes(
            year: 2025,
            seed: seed,
            monthlyProfile: [9, 9, 9, 9, 9, 9, 8, 3, 9, 9, 9, 8],
            lines: [
                Volumes.Line(diploma: DiplomaCode("DEAF"), route: .vae, total: 19),
                Volumes.Line(diploma: DiplomaCode("DETISF"), route: .vae, total: 48),
                Volumes.Line(diploma: DiplomaCode("DEMF"), route: .vae, total: 21),
                Volumes.Line(diploma: DiplomaCode("DEIS"), route: .vae, total: 50),
                Volumes.Line(
                    diploma: DiplomaCode("DEAES"),
                    route: .training,
                    perTerritory: [TerritoryCode("11"): 300, TerritoryCode("84"): 210],
                    monthlyProfile: [4, 3, 4, 4, 6, 22, 16, 1, 4, 5, 7, 24]
                ),
                Volumes.Line(
                    diploma: DiplomaCode("DETISF"),
                    route: .training,
                    total: 40,
                    territories: [TerritoryCode("76"), TerritoryCode("02"), TerritoryCode("975")]
                ),
            ]
        )
    }

    /// Counts the candidates by a key.
    static func count<Key: Hashable>(
        _ candidates: [Candidate],
        by key: (Candidate) -> Key
    ) -> [Key: Int] {
        var counts: [Key: Int] = [:]
        for candidate in candidates {
            counts[key(candidate), default: 0] += 1
        }
        return counts
    }

    /// Computes the age in completed years on `date` of someone born on `birthDate`.
    static func age(bornOn birthDate: CivilDate, on date: CivilDate) -> Int {
        let hadBirthday = (date.month, date.day) >= (birthDate.month, birthDate.day)
        return date.year - birthDate.year - (hadBirthday ? 0 : 1)
    }
}
