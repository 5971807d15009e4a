import CertifDomain
import Foundation
import Testing

@testable import CertifImport

/// Builders of small candidate files and the reference data that tests read them with.
enum Fixtures {
    static let reference: ReferenceData? = try? ReferenceData.bundled()

    /// The date that birth dates are checked against, fixed so that tests do not age.
    static let today = CivilDate(parsing: "2025-06-01") ?? CivilDate(daysSinceEpoch: 0)

    static let columns = [
        "identifiant", "nom_naissance", "nom_usage", "prenoms", "date_naissance", "diplome",
        "voie", "territoire", "disponible_le", "date_limite", "distanciel", "majoration",
    ]

    static let defaults: [String: String] = [
        "identifiant": "C001",
        "nom_naissance": "FICTIF",
        "nom_usage": "",
        "prenoms": "Camille",
        "date_naissance": "12/04/1985",
        "diplome": "DEAF",
        "voie": "VAE",
        "territoire": "52",
        "disponible_le": "15/01/2025",
        "date_limite": "",
        "distanciel": "oui",
        "majoration": "",
    ]

    /// Builds one row in the order of `columns`, with the default values unless overridden.
    static func row(_ overrides: [String: String] = [:], columns: [String] = columns) -> [String] {
        columns.map { overrides[$0] ?? defaults[$0] ?? "" }
    }

    /// Builds the text of a file: the header, then one line per row, fields joined as given.
    static func text(
        columns: [String] = columns,
        rows: [[String]],
        delimiter: String = ";",
        lineBreak: String = "\n"
    ) -> String {
        ([columns] + rows).map { $0.joined(separator: delimiter) + lineBreak }.joined()
    }

    static func read(_ text: String) throws -> CandidateFileResult {
        try read(Data(text.utf8))
    }

    static func read(_ data: Data) throws -> CandidateFileResult {
        let reference = try #require(reference)
        return CandidateFileReader.read(data, reference: reference, today: today)
    }

    /// Reads a file whose one row takes the default values but for `overrides`.
    static func readRow(_ overrides: [String: String]) throws -> CandidateFileResult {
        try read(text(rows: [row(overrides)]))
    }

    /// Returns the single issue of a result, and fails the test when there is none or several.
    static func onlyIssue(
        _ result: CandidateFileResult,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> CandidateFileIssue {
        try #require(
            result.issues.count == 1,
            "expected one issue, found \(result.issues)",
            sourceLocation: sourceLocation
        )
        return result.issues[0]
    }

    static func date(_ text: String) throws -> CivilDate {
        try #require(CivilDate(parsing: text))
    }
}
