import CertifDomain

/// A candidate read from a valid row, with the line where the row starts.
public struct ParsedCandidate: Sendable {
    /// The 1-based physical line where the row starts.
    public var line: Int
    public var candidate: Candidate

    public init(line: Int, candidate: Candidate) {
        self.line = line
        self.candidate = candidate
    }
}

/// The outcome of reading a candidate file: the valid candidates, every issue found, and what
/// the reader detected about the file.
public struct CandidateFileResult: Sendable {
    /// The candidates of the rows without any issue, in file order. Empty when an issue
    /// concerns the whole file.
    public var candidates: [ParsedCandidate]
    /// Every issue, ordered by line.
    public var issues: [CandidateFileIssue]
    /// "UTF-8", "UTF-8 avec BOM" or "Windows-1252" for a file that was read. A rejected file
    /// reports "UTF-16", "UTF-8 et Windows-1252" for a file that mixes the two, or "inconnu".
    public var encoding: String
    /// The separator detected on the header line, `;` when the file has no header.
    public var delimiter: Character
    /// Rows below the header, empty lines left out.
    public var rowCount: Int
    /// The lines where rows with at least one issue start.
    public var invalidLines: Set<Int>
    /// Header names that match no column, as written in the file. Their values are not read.
    public var ignoredColumns: [String]

    public init(
        candidates: [ParsedCandidate],
        issues: [CandidateFileIssue],
        encoding: String,
        delimiter: Character,
        rowCount: Int,
        invalidLines: Set<Int>,
        ignoredColumns: [String]
    ) {
        self.candidates = candidates
        self.issues = issues
        self.encoding = encoding
        self.delimiter = delimiter
        self.rowCount = rowCount
        self.invalidLines = invalidLines
        self.ignoredColumns = ignoredColumns
    }

}
