import CertifDomain

extension CandidateFileReader {
    /// Checks one candidate given column by column, as a form that creates or edits a
    /// candidate sends it, with exactly the checks of a file row.
    ///
    /// `values` are keyed by `CandidateColumn`, and a missing column counts as an empty
    /// value. Each issue's `column` is the column's raw value (`nom_naissance`), which forms
    /// use as field name, and its `line` is 2, the line of the row under the header. Returns
    /// the candidate when no check fails, and every issue otherwise.
    public static func validateRow(
        _ values: [CandidateColumn: String],
        reference: ReferenceData,
        today: CivilDate
    ) -> Result<Candidate, CandidateRowIssues> {
        let columns = CandidateColumn.allCases
        let header = CandidateFileHeader(
            record: DelimitedRecord(line: 1, fields: columns.map(\.rawValue))
        )
        let record = DelimitedRecord(line: 2, fields: columns.map { values[$0] ?? "" })
        var validator = CandidateRowValidator(
            reference: reference,
            header: header,
            delimiter: ";",
            today: today
        )
        switch validator.validate(record) {
        case .success(let candidate):
            return .success(candidate)
        case .failure(let failure):
            return .failure(CandidateRowIssues(issues: failure.issues))
        }
    }
}

/// The issues of one candidate that `CandidateFileReader.validateRow` rejected.
public struct CandidateRowIssues: Error, Sendable {
    public var issues: [CandidateFileIssue]
}
