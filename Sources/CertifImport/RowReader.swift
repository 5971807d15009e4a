import CertifDomain
import Foundation

/// The values of one row, read column by column, with the issues found so far.
///
/// Each reading method returns nil when the column is absent, the value is empty, or the value
/// is invalid. Only an invalid value, or an empty one in a required column, adds an issue.
struct RowReader {
    let record: DelimitedRecord
    let header: CandidateFileHeader
    /// The row's identifier once it has been read, copied into every later issue.
    var identifier: String?
    private(set) var issues: [CandidateFileIssue] = []

    init(record: DelimitedRecord, header: CandidateFileHeader) {
        self.record = record
        self.header = header
    }

    var line: Int { record.line }

    mutating func report(
        _ code: CandidateFileIssue.Code,
        column: String?,
        value: String?,
        message: String
    ) {
        issues.append(
            CandidateFileIssue(
                code: code,
                line: record.line,
                column: column,
                value: value,
                message: message,
                identifier: identifier
            )
        )
    }

    /// Returns the value trimmed of surrounding spaces and unchecked, or nil when the column is
    /// absent.
    func rawValue(_ column: CandidateColumn) -> String? {
        guard let position = header.positions[column], record.fields.indices.contains(position)
        else { return nil }
        return record.fields[position].trimmingCharacters(in: .whitespaces)
    }

    /// Reads a text value, rejecting control, format and separator characters, and values
    /// over the column's maximum length in Unicode scalars.
    mutating func text(_ column: CandidateColumn) -> String? {
        guard let value = rawValue(column) else { return nil }
        let name = header.name(of: column)
        if value.isEmpty {
            if column.isRequired {
                report(
                    .missingValue,
                    column: name,
                    value: value,
                    message: "Valeur obligatoire manquante. Attendu : \(column.expectedValue)."
                )
            }
            return nil
        }
        if let forbidden = value.unicodeScalars.first(where: ValueCharacters.isForbidden) {
            report(
                .controlCharacter,
                column: name,
                value: value,
                message: ValueCharacters.forbiddenMessage(forbidden)
            )
            return nil
        }
        // Scalars, not grapheme clusters, because a cluster has no length limit: "Z" followed
        // by 100,000 combining accents is one Character.
        let length = value.unicodeScalars.count
        if length > column.maximumLength {
            report(
                .valueTooLong,
                column: name,
                value: value,
                message: """
                    Valeur trop longue : \(length) caractères Unicode, \(column.maximumLength) au \
                    plus. Un accent saisi à part de sa lettre compte pour un caractère. \
                    Raccourcissez la valeur.
                    """
            )
            return nil
        }
        return value
    }

    mutating func date(_ column: CandidateColumn) -> CivilDate? {
        guard let text = text(column) else { return nil }
        switch DateText.read(text) {
        case .valid(let date):
            return date
        case .nonexistent(let reason):
            report(
                .nonexistentDate,
                column: header.name(of: column),
                value: text,
                message: "Ce jour n'existe pas : \(reason). Vérifiez le jour, le mois et l'année."
            )
        case .invalid:
            report(
                .invalidDate,
                column: header.name(of: column),
                value: text,
                message: """
                    Date mal formée. Formes attendues : JJ/MM/AAAA, par exemple 15/03/2025, ou \
                    AAAA-MM-JJ, par exemple 2025-03-15.
                    """
            )
        }
        return nil
    }

    mutating func route() -> AccessRoute? {
        guard let text = text(.route) else { return nil }
        if let route = AccessRoute.allCases.first(where: {
            $0.rawValue.lowercased() == text.lowercased()
        }) {
            return route
        }
        report(
            .invalidRoute,
            column: header.name(of: .route),
            value: text,
            message: "Voie d'accès inconnue. Attendu : formation ou VAE."
        )
        return nil
    }

    /// Reads `distanciel`. An absent column or an empty value means yes.
    mutating func remoteAllowed() -> Bool? {
        guard rawValue(.remote)?.isEmpty == false else { return true }
        guard let text = text(.remote) else { return nil }
        switch text.lowercased() {
        case "oui": return true
        case "non": return false
        default:
            report(
                .invalidRemote,
                column: header.name(of: .remote),
                value: text,
                message: """
                    Valeur de distanciel inconnue. Attendu : oui, non, ou une valeur vide, qui \
                    vaut oui.
                    """
            )
            return nil
        }
    }

    /// Reads `majoration`, a whole percent written `33`, `33%` or `33 %`. An absent column or an
    /// empty value means 0.
    mutating func extraTimePercent() -> Int? {
        guard rawValue(.extraTime)?.isEmpty == false else { return 0 }
        guard let text = text(.extraTime) else { return nil }
        var number = Substring(text)
        if number.hasSuffix("%") {
            number = number.dropLast()
            // Spreadsheets in French put a space, or a no-break space, before the percent sign.
            while let last = number.unicodeScalars.last, last.properties.isWhitespace {
                number = number.dropLast()
            }
        }
        guard !number.isEmpty, number.count <= 3, number.allSatisfy(\.isASCII),
            number.allSatisfy(\.isWholeNumber), let percent = Int(number), percent <= 100
        else {
            report(
                .invalidExtraTime,
                column: header.name(of: .extraTime),
                value: text,
                message: """
                    Majoration invalide. Attendu : un pourcentage entier de 0 à 100, par exemple \
                    33 ou 33 %, ou une valeur vide, qui vaut 0.
                    """
            )
            return nil
        }
        return percent
    }
}
