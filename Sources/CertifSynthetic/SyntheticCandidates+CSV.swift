import CertifDomain
import Foundation

extension SyntheticCandidates {
    /// The header of the candidate file, in the order of its columns.
    public static let csvHeader = [
        "identifiant", "nom_naissance", "nom_usage", "prenoms", "date_naissance", "diplome",
        "voie", "territoire", "disponible_le", "date_limite", "distanciel", "majoration",
    ]

    /// Writes `candidates`, in the order given, as a candidate file: UTF-8 text, semicolons
    /// between fields, CRLF after every record, the header first.
    ///
    /// Dates are `JJ/MM/AAAA`, `voie` is `formation` or `VAE`, `territoire` is the INSEE code,
    /// `distanciel` is `oui` or `non`, and `majoration` is the extra time in percent (`0` when
    /// none). An absent usage name or deadline is an empty field. A field that contains a
    /// semicolon, a double quote or a line break is quoted, with its quotes doubled (RFC 4180).
    /// CSV has no comment syntax, so the file carries no note: the `SYN-` prefix of the
    /// identifiers is what marks generated candidates as synthetic.
    ///
    /// NOTE: the text has no byte order mark. Some spreadsheet programs then read it in a legacy
    /// encoding and garble the accents, so import it into them as UTF-8 explicitly.
    public static func csv(_ candidates: [Candidate]) -> String {
        var text = csvHeader.joined(separator: ";") + "\r\n"
        for candidate in candidates {
            let fields = [
                candidate.id,
                candidate.birthName,
                candidate.usageName ?? "",
                candidate.givenNames,
                candidate.birthDate.french,
                candidate.diploma.rawValue,
                candidate.route.rawValue,
                candidate.territory.rawValue,
                candidate.availableFrom.french,
                candidate.explicitDeadline?.french ?? "",
                candidate.remoteAllowed ? "oui" : "non",
                String(candidate.extraTimePercent),
            ]
            text += fields.map(csvField).joined(separator: ";") + "\r\n"
        }
        return text
    }

    private static func csvField(_ value: String) -> String {
        // Scalars, not characters, because Swift reads "\r\n" as one character.
        let needsQuotes = value.unicodeScalars.contains { ";\"\r\n".unicodeScalars.contains($0) }
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
