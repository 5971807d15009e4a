import Foundation

/// A column of the candidate file, named as the documentation and the example file name it.
/// Forms that create one candidate name their fields the same way.
public enum CandidateColumn: String, CaseIterable, Sendable {
    case identifier = "identifiant"
    case birthName = "nom_naissance"
    case usageName = "nom_usage"
    case givenNames = "prenoms"
    case birthDate = "date_naissance"
    case diploma = "diplome"
    case route = "voie"
    case territory = "territoire"
    case availableFrom = "disponible_le"
    case deadline = "date_limite"
    case remote = "distanciel"
    case extraTime = "majoration"

    /// Whether the header must contain the column. An optional column may also be left empty on
    /// any row.
    public var isRequired: Bool {
        switch self {
        case .usageName, .deadline, .remote, .extraTime: false
        default: true
        }
    }

    /// The French description of the column's value, for the message of an empty value.
    public var expectedValue: String {
        switch self {
        case .identifier:
            "l'identifiant du candidat, unique dans le fichier, fait de lettres, de chiffres, "
                + "d'espaces et des signes - _ . /"
        case .birthName: "le nom de naissance"
        case .usageName: "le nom d'usage"
        case .givenNames: "les prénoms"
        case .birthDate: "la date de naissance, au format JJ/MM/AAAA ou AAAA-MM-JJ"
        case .diploma: "le code du diplôme, par exemple DEAF"
        case .route: "la voie d'accès, formation ou VAE"
        case .territory: "le code INSEE ou le nom de la région de domiciliation"
        case .availableFrom: "la date de disponibilité, au format JJ/MM/AAAA ou AAAA-MM-JJ"
        case .deadline: "la date limite, au format JJ/MM/AAAA ou AAAA-MM-JJ"
        case .remote: "oui ou non"
        case .extraTime: "un pourcentage entier de 0 à 100"
        }
    }

    /// The maximum length of a value, in Unicode scalars.
    public var maximumLength: Int {
        self == .identifier ? 64 : 200
    }

    /// Folds a header name for matching: lower case, no diacritics, and no spaces, hyphens or
    /// underscores, so that "Date_Naissance", "DATE NAISSANCE" and "date-naissance" all match
    /// `date_naissance`. Other characters are kept, so "Date de naissance" does not match.
    static func matchKey(_ name: String) -> String {
        let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        let significant = folded.unicodeScalars.filter {
            !$0.properties.isWhitespace && $0 != "-" && $0 != "_"
        }
        return String(String.UnicodeScalarView(significant)).lowercased()
    }

    private static let columnsByKey: [String: CandidateColumn] = Dictionary(
        uniqueKeysWithValues: allCases.map { (matchKey($0.rawValue), $0) }
    )

    /// Finds the column that a header name designates.
    init?(headerName: String) {
        guard let column = CandidateColumn.columnsByKey[CandidateColumn.matchKey(headerName)]
        else { return nil }
        self = column
    }
}

/// The columns found on the header line, by position.
struct CandidateFileHeader {
    /// The header names as written, trimmed of surrounding spaces.
    var names: [String]
    var positions: [CandidateColumn: Int]
    var ignoredColumns: [String]
    var issues: [CandidateFileIssue]

    /// Matches the header names to columns and reports missing and duplicate columns. An empty
    /// name, such as the one after a trailing delimiter, is neither matched nor listed as ignored.
    init(record: DelimitedRecord) {
        names = record.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        positions = [:]
        ignoredColumns = []
        issues = []

        for (index, name) in names.enumerated() where !name.isEmpty {
            guard let column = CandidateColumn(headerName: name) else {
                ignoredColumns.append(name)
                continue
            }
            if let first = positions[column] {
                issues.append(
                    CandidateFileIssue(
                        code: .duplicateColumn,
                        line: record.line,
                        column: name,
                        message: """
                            La colonne « \(name) » (position \(index + 1)) désigne la même donnée \
                            que la colonne « \(names[first]) » (position \(first + 1)). Gardez une \
                            seule de ces deux colonnes.
                            """
                    )
                )
            } else {
                positions[column] = index
            }
        }

        let missing = CandidateColumn.allCases.filter { $0.isRequired && positions[$0] == nil }
        if !missing.isEmpty {
            let required = CandidateColumn.allCases.filter(\.isRequired).map(\.rawValue)
            let list = missing.map(\.rawValue).joined(separator: ", ")
            let summary =
                missing.count == 1
                ? "Colonne obligatoire absente de l'en-tête : \(list)."
                : "Colonnes obligatoires absentes de l'en-tête : \(list)."
            issues.append(
                CandidateFileIssue(
                    code: .missingColumns,
                    line: record.line,
                    message: """
                        \(summary) La première ligne non vide du fichier doit nommer les colonnes \
                        \(required.joined(separator: ", ")), dans n'importe quel ordre.
                        """
                )
            )
        }
    }

    /// Returns the header name of the field at `index`, or nil past the last column.
    func name(at index: Int) -> String? {
        names.indices.contains(index) ? names[index] : nil
    }

    func name(of column: CandidateColumn) -> String {
        positions[column].map { names[$0] } ?? column.rawValue
    }
}
