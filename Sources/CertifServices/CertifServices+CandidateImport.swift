import CertifAuth
import CertifDomain
import CertifImport
import CertifStore
import Foundation

/// The outcome that importing a candidate file would have, shown before anything is written.
public struct ImportPreview: Sendable {
    /// A stored candidate that the file changes.
    public struct Update: Sendable {
        /// The line of the file's row.
        public var line: Int
        public var candidate: Candidate
        /// The values that change, in column order.
        public var changes: [CandidateHistoryEntry.Change]
    }

    public var filename: String
    /// "UTF-8", "UTF-8 avec BOM" or "Windows-1252", as `CandidateFileResult` names it.
    public var encoding: String
    /// Rows below the header, empty lines left out.
    public var rowCount: Int
    /// Every issue of the file, ordered by line. Nothing can be imported while there is one.
    public var issues: [CandidateFileIssue]
    /// Lines with at least one issue.
    public var invalidLineCount: Int
    /// Header names that match no column and whose values are not read.
    public var ignoredColumns: [String]
    public var inserted: [ParsedCandidate]
    public var updated: [Update]
    public var unchanged: Int
    /// The upload to confirm, or nil when the file has issues or changes nothing.
    public var uploadID: String?
    /// When the upload stops waiting for its confirmation.
    public var expiresAt: Date?
}

extension CandidateFileIssue.Code {
    /// The row's candidate lives in a territory where the person may not import candidates.
    public static let territoryNotWritable = Self(rawValue: "territory-not-writable")
    /// The row's identifier is that of a stored candidate whom the person may not change.
    public static let candidateNotWritable = Self(rawValue: "candidate-not-writable")
}

extension CertifServices {
    /// Checks a candidate file as the command line's import does, plus the person's rights
    /// on each row's territory, and returns what importing it would do. `binding` is the key
    /// that `confirmImport` must give again (the web session's token hash), and `today` the
    /// day that a birth date must not pass.
    ///
    /// A file without issue that changes something is kept in the store, bound to the person
    /// and to `binding`, for `CertifStore.uploadLifetime`, and the preview's `uploadID` is its
    /// id. A file with issues is not kept, so it can never be imported.
    ///
    /// Throws `notFound` for a person who may import no candidate.
    public func previewImport(
        data: Data,
        filename: String,
        binding: String,
        today: CivilDate
    ) throws -> ImportPreview {
        guard !writableTerritories.isEmpty else {
            throw ServiceError.notFound
        }

        let result = CandidateFileReader.read(data, reference: reference, today: today)
        let issues = try rightsIssues(result.candidates) + result.issues
        var preview = ImportPreview(
            filename: filename,
            encoding: result.encoding,
            rowCount: result.rowCount,
            issues: issues.sorted { $0.line < $1.line },
            invalidLineCount: Set(issues.map(\.line)).count,
            ignoredColumns: result.ignoredColumns,
            inserted: [],
            updated: [],
            unchanged: 0
        )
        guard issues.isEmpty else {
            return preview
        }

        let candidates = result.candidates.map(\.candidate)
        let outcome = try store.plannedImport(candidates)
        let insertedIDs = Set(outcome.insertedIDs)
        let updatedIDs = Set(outcome.updatedIDs)
        preview.unchanged = outcome.unchanged
        for parsed in result.candidates {
            let id = parsed.candidate.id
            if insertedIDs.contains(id) {
                preview.inserted.append(parsed)
            } else if updatedIDs.contains(id), let stored = try store.candidate(id: id) {
                preview.updated.append(
                    ImportPreview.Update(
                        line: parsed.line,
                        candidate: parsed.candidate,
                        changes: Self.changes(from: stored, to: parsed.candidate)
                    )
                )
            }
        }
        guard !insertedIDs.isEmpty || !updatedIDs.isEmpty else {
            return preview
        }

        let upload = try store.saveCandidateUpload(
            accountID: account.id,
            binding: binding,
            filename: filename,
            data: data,
            preview: outcome
        )
        preview.uploadID = upload.id
        preview.expiresAt = upload.expiresAt
        return preview
    }

    /// Imports the file of a preview, in one transaction audited for each candidate and for
    /// the file, and returns what it did.
    ///
    /// Throws `notFound` when the person has no waiting upload `uploadID` bound to `binding`:
    /// another person's or another session's upload, an expired one or one already imported.
    /// Throws `conflict` when the stored candidates changed since the preview in a way that
    /// would change what the file imports.
    public func confirmImport(
        uploadID: String,
        binding: String,
        today: CivilDate
    ) throws -> ImportOutcome {
        guard !writableTerritories.isEmpty,
            let upload = try store.candidateUpload(
                id: uploadID,
                accountID: account.id,
                binding: binding
            )
        else {
            throw ServiceError.notFound
        }
        let result = CandidateFileReader.read(upload.data, reference: reference, today: today)
        guard result.issues.isEmpty, try rightsIssues(result.candidates).isEmpty else {
            throw Self.previewOutdated
        }
        do {
            return try store.importCandidateUpload(
                id: uploadID,
                accountID: account.id,
                binding: binding,
                candidates: result.candidates.map(\.candidate),
                actor: actor
            )
        } catch let error as StoreError where error.code == .uploadNotFound {
            throw ServiceError.notFound
        } catch let error as StoreError where error.code == .importChanged {
            throw Self.previewOutdated
        }
    }

    /// Returns the issues of the rows that the person may not import: a territory where he
    /// may not write, or the id of a stored candidate whom he may not change.
    private func rightsIssues(_ rows: [ParsedCandidate]) throws -> [CandidateFileIssue] {
        var issues: [CandidateFileIssue] = []
        for row in rows {
            let candidate = row.candidate
            if !account.canWrite(.candidates(territory: candidate.territory)) {
                issues.append(
                    CandidateFileIssue(
                        code: .territoryNotWritable,
                        line: row.line,
                        column: CandidateColumn.territory.rawValue,
                        value: candidate.territory.rawValue,
                        message: territoryNotWritableMessage(candidate.territory),
                        identifier: candidate.id
                    )
                )
            } else if let stored = try store.candidate(id: candidate.id),
                !account.canWrite(.candidates(territory: stored.territory))
            {
                issues.append(
                    CandidateFileIssue(
                        code: .candidateNotWritable,
                        line: row.line,
                        column: CandidateColumn.identifier.rawValue,
                        value: candidate.id,
                        message: "Cet identifiant est celui d’un candidat d’un autre "
                            + "territoire, que vous ne pouvez pas modifier. Vérifiez "
                            + "l’identifiant.",
                        identifier: candidate.id
                    )
                )
            }
        }
        return issues
    }

    /// Returns the values that differ between two versions of a candidate, in column order.
    static func changes(
        from before: Candidate?,
        to after: Candidate?
    ) -> [CandidateHistoryEntry.Change] {
        let old = before.map(CandidateFormValues.init) ?? CandidateFormValues()
        let new = after.map(CandidateFormValues.init) ?? CandidateFormValues()
        return CandidateColumn.allCases.compactMap { column in
            old[column] == new[column]
                ? nil
                : CandidateHistoryEntry.Change(
                    column: column,
                    before: old[column],
                    after: new[column]
                )
        }
    }

    private static let previewOutdated = ServiceError(
        code: .conflict,
        message: "Les candidats enregistrés ont changé depuis l’aperçu, si bien que l’import ne "
            + "ferait plus ce que l’aperçu montrait. Rien n’a été importé : envoyez de nouveau "
            + "le fichier pour voir un nouvel aperçu."
    )
}
