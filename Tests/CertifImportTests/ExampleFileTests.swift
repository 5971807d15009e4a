import CertifDomain
import Foundation
import Testing

@testable import CertifImport

@Suite struct ExampleFileTests {
    /// The example file that the repository ships, found from this source file's path because
    /// the test target has no resources.
    static let exampleURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("examples/candidats-exemple.csv")

    @Test func exampleFileReadCleanly() throws {
        let data = try Data(contentsOf: Self.exampleURL)
        let reference = try #require(Fixtures.reference)

        let result = CandidateFileReader.read(data, reference: reference)
        let candidates = result.candidates.map(\.candidate)

        #expect(result.issues.isEmpty)
        #expect(result.encoding == "UTF-8 avec BOM")
        #expect(result.delimiter == ";")
        #expect(result.rowCount == 12)
        #expect(result.ignoredColumns.isEmpty)
        #expect(candidates.count == 12)
        #expect(Set(candidates.map(\.route)) == [.training, .vae])
        #expect(Set(candidates.map(\.diploma)).count == 8)
        #expect(candidates.contains { reference.territory($0.territory)?.overseas == true })
        #expect(candidates.contains { !$0.remoteAllowed })
        #expect(candidates.contains { $0.extraTimePercent == 33 })
        #expect(candidates.contains { $0.explicitDeadline != nil })
        #expect(candidates.contains { $0.usageName != nil })
    }

    @Test(.timeLimit(.minutes(1)))
    func twoThousandRowsRead() throws {
        let reference = try #require(Fixtures.reference)
        let diplomas = reference.diplomas.map(\.code.rawValue)
        let territories = reference.territories.map(\.name)
        let badLines: Set<Int> = [101, 1_003, 2_001]
        var rows: [[String]] = []
        for index in 0..<2_000 {
            let line = index + 2
            rows.append(
                Fixtures.row([
                    "identifiant": "G\(index)",
                    "nom_naissance": "GÉNÉRÉ \(index)",
                    "prenoms": "Numéro \(index % 97)",
                    "date_naissance": "\(index % 28 + 1)/\(index % 12 + 1)/19\(60 + index % 40)",
                    "diplome": diplomas[index % diplomas.count],
                    "voie": index % 3 == 0 ? "formation" : "VAE",
                    "territoire": badLines.contains(line)
                        ? "Atlantide" : territories[index % territories.count],
                    "disponible_le": "2025-0\(index % 9 + 1)-1\(index % 10)",
                    "majoration": index % 50 == 0 ? "33 %" : "",
                ])
            )
        }

        let result = try Fixtures.read(Fixtures.text(rows: rows, lineBreak: "\r\n"))

        #expect(result.rowCount == 2_000)
        #expect(result.candidates.count == 1_997)
        #expect(result.invalidLines == badLines)
        #expect(result.issues.map(\.code) == Array(repeating: .unknownTerritory, count: 3))
        #expect(result.candidates.first?.line == 2)
        #expect(result.candidates.last?.line == 2_000)
        #expect(result.candidates.last?.candidate.id == "G1998")
        #expect(result.candidates.filter { $0.candidate.extraTimePercent == 33 }.count == 40)
    }
}
