import CertifDomain
import Foundation

/// The reader of candidate files: CSV text, as a spreadsheet exports it, with one candidate per
/// row. It does no file I/O and keeps no state between calls.
public enum CandidateFileReader {
    /// Reads a candidate file, checking birth dates against today's date in UTC.
    public static func read(_ data: Data, reference: ReferenceData) -> CandidateFileResult {
        let secondsPerDay = 86_400.0
        let days = Int((Date().timeIntervalSince1970 / secondsPerDay).rounded(.down))
        return read(data, reference: reference, today: CivilDate(daysSinceEpoch: days))
    }

    /// Reads a candidate file and checks every row against the reference data.
    ///
    /// Rows with an issue are left out of the candidates. An issue about the whole file (its
    /// encoding, a missing or duplicate column, no row under the header) leaves no candidate at
    /// all, and then the rows are not checked. `today` is the date that a birth date must not
    /// pass.
    public static func read(
        _ data: Data,
        reference: ReferenceData,
        today: CivilDate
    ) -> CandidateFileResult {
        let decoded: DecodedText
        do {
            decoded = try TextDecoding.decode(data)
        } catch {
            return CandidateFileResult(
                rejectedWith: CandidateFileIssue(code: error.code, line: 0, message: error.message),
                encoding: error.encoding
            )
        }

        let delimiter = DelimitedText.detectDelimiter(in: decoded.text)
        let records = DelimitedText.records(in: decoded.text, delimiter: delimiter)
            .filter { !$0.isBlank }
        guard let headerRecord = records.first else {
            let issue = CandidateFileIssue(
                code: .emptyFile,
                line: 0,
                message: """
                    Le fichier est vide. Attendu : une ligne d'en-tête qui nomme les colonnes, \
                    puis une ligne par candidat.
                    """
            )
            return CandidateFileResult(rejectedWith: issue, encoding: decoded.encoding)
        }
        if let openingLine = headerRecord.unterminatedLine {
            let issue = CandidateFileIssue(
                code: .unterminatedQuote,
                line: headerRecord.line,
                message: """
                    Le guillemet ouvert ligne \(openingLine) dans l'en-tête n'est jamais refermé, \
                    si bien que tout le fichier a été lu comme un seul nom de colonne. Fermez ce \
                    guillemet.
                    """
            )
            return CandidateFileResult(
                rejectedWith: issue,
                encoding: decoded.encoding,
                delimiter: delimiter
            )
        }

        let header = CandidateFileHeader(record: headerRecord)
        let rows = records.dropFirst()
        var result = CandidateFileResult(
            candidates: [],
            issues: header.issues,
            encoding: decoded.encoding,
            delimiter: delimiter,
            rowCount: rows.count,
            invalidLines: [],
            ignoredColumns: header.ignoredColumns
        )
        guard header.issues.isEmpty else { return result }
        guard !rows.isEmpty else {
            result.issues.append(
                CandidateFileIssue(
                    code: .noRows,
                    line: 0,
                    message: """
                        Le fichier ne contient que la ligne d'en-tête. Attendu : une ligne par \
                        candidat sous l'en-tête.
                        """
                )
            )
            return result
        }

        var validator = CandidateRowValidator(
            reference: reference,
            header: header,
            delimiter: delimiter,
            today: today
        )
        for record in rows {
            switch validator.validate(record) {
            case .success(let candidate):
                result.candidates.append(ParsedCandidate(line: record.line, candidate: candidate))
            case .failure(let failure):
                result.issues.append(contentsOf: failure.issues)
                result.invalidLines.insert(record.line)
            }
        }
        return result
    }
}

extension CandidateFileReader {
    /// Returns the key under which two identifiers count as the same candidate: the identifier
    /// in Unicode normalization form KC, case folded, with every space removed.
    ///
    /// `ID1`, `id1`, `ID 1` and the full-width `ＩＤ１` all have the key `id1`. The reader rejects
    /// a row whose identifier has the key of an earlier row's. A caller can compare keys to find
    /// near-duplicates among identifiers already stored.
    public static func identifierKey(_ identifier: String) -> String {
        // Case folding can leave text that is not normalized, as "ǰ" (U+01F0) folds to "j" and
        // a combining caron, so the folded text is normalized again.
        let folded = identifier.precomposedStringWithCompatibilityMapping
            .folding(options: .caseInsensitive, locale: nil)
            .precomposedStringWithCompatibilityMapping
        let significant = folded.unicodeScalars.filter { !$0.properties.isWhitespace }
        return String(String.UnicodeScalarView(significant))
    }
}

extension CandidateFileResult {
    /// A result with no candidate and a single issue about the whole file.
    fileprivate init(
        rejectedWith issue: CandidateFileIssue,
        encoding: String,
        delimiter: Character = ";"
    ) {
        self.init(
            candidates: [],
            issues: [issue],
            encoding: encoding,
            delimiter: delimiter,
            rowCount: 0,
            invalidLines: [],
            ignoredColumns: []
        )
    }
}
