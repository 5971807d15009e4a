import CertifAuth
import CertifDomain
import Foundation

/// A candidate file kept between the preview of its import and the confirmation, so that the
/// confirmation imports the very file that was previewed.
public struct CandidateUpload: Sendable, Hashable {
    /// 32 random hexadecimal digits.
    public var id: String
    public var accountID: AccountID
    /// The key that the confirmation must give again, such as the web session's token hash,
    /// so that no other session can confirm the upload.
    public var binding: String
    /// The file name that the browser sent, for display only.
    public var filename: String
    public var data: Data
    /// The outcome that the preview showed.
    public var preview: ImportOutcome
    public var createdAt: Date
    public var expiresAt: Date
}

extension CertifStore {
    /// How long an upload waits for its confirmation: one hour.
    public static let uploadLifetime: TimeInterval = 3600
    /// Uploads that one account may keep waiting; saving one more deletes its oldest.
    public static let maxUploadsPerAccount = 5

    /// Stores a previewed candidate file for its confirmation, and deletes the uploads that
    /// expired or that exceed the account's `maxUploadsPerAccount`.
    ///
    /// The file contains personal data. It can be confirmed for `uploadLifetime` after its
    /// preview, and the first upload after that, of any account, deletes it.
    public func saveCandidateUpload(
        accountID: AccountID,
        binding: String,
        filename: String,
        data: Data,
        preview: ImportOutcome
    ) throws -> CandidateUpload {
        let createdAt = now()
        let upload = CandidateUpload(
            id: Self.randomUploadID(),
            accountID: accountID,
            binding: binding,
            filename: filename,
            data: data,
            preview: preview,
            createdAt: createdAt,
            expiresAt: createdAt.addingTimeInterval(Self.uploadLifetime)
        )
        let previewJSON = try StoreJSON.encode(preview)
        try systemWrite {
            try database.execute(
                """
                DELETE FROM candidate_uploads WHERE expires_at <= \(Timestamp.string(createdAt))
                """
            )
            try database.execute(
                """
                DELETE FROM candidate_uploads WHERE account_id = \(accountID.rawValue) AND id NOT IN (
                    SELECT id FROM candidate_uploads WHERE account_id = \(accountID.rawValue)
                    ORDER BY created_at DESC LIMIT \(Self.maxUploadsPerAccount - 1)
                )
                """
            )
            try database.execute(
                """
                INSERT INTO candidate_uploads (
                    id, account_id, binding, filename, data, preview, created_at, expires_at
                ) VALUES (
                    \(upload.id), \(accountID.rawValue), \(binding), \(filename), \(data),
                    \(previewJSON), \(Timestamp.string(createdAt)),
                    \(Timestamp.string(upload.expiresAt))
                )
                """
            )
        }
        return upload
    }

    /// Returns the upload `id` of `accountID` saved with `binding`, or nil when there is none,
    /// it belongs to another account or binding, or it expired: the three look the same.
    public func candidateUpload(
        id: String,
        accountID: AccountID,
        binding: String
    ) throws -> CandidateUpload? {
        let rows = try database.query(
            """
            SELECT * FROM candidate_uploads
            WHERE id = \(id) AND account_id = \(accountID.rawValue) AND binding = \(binding)
                AND expires_at > \(Timestamp.string(now()))
            """
        )
        return try rows.first.map { row in
            CandidateUpload(
                id: try row.string("id"),
                accountID: AccountID(try row.int64("account_id")),
                binding: try row.string("binding"),
                filename: try row.string("filename"),
                data: try row.data("data"),
                preview: try StoreJSON.decode(
                    ImportOutcome.self,
                    from: try row.string("preview"),
                    column: "candidate_uploads.preview"
                ),
                createdAt: try row.timestamp("created_at"),
                expiresAt: try row.timestamp("expires_at")
            )
        }
    }

    /// Imports `candidates`, read from the upload `id`, as `importCandidates` does, and deletes
    /// the upload, in one transaction with one more audit entry for the file as a whole.
    ///
    /// Throws, before writing, `uploadNotFound` when `candidateUpload(id:accountID:binding:)`
    /// finds no upload. Throws `importChanged` when the import would no longer insert, update
    /// and leave unchanged the candidates that the upload's preview showed, and
    /// `invalidRequest` when two candidates share an id.
    public func importCandidateUpload(
        id: String,
        accountID: AccountID,
        binding: String,
        candidates: [Candidate],
        actor: StoreActor
    ) throws -> ImportOutcome {
        try Self.checkDistinctIDs(candidates)
        return try write(as: actor) { timestamp in
            guard let upload = try candidateUpload(id: id, accountID: accountID, binding: binding)
            else {
                throw StoreError(
                    code: .uploadNotFound,
                    message: "no waiting upload has id \(id) for this account and session; "
                        + "it expired or was already imported, so upload the file again"
                )
            }
            guard try plannedImport(candidates) == upload.preview else {
                throw StoreError(
                    code: .importChanged,
                    message: "the stored candidates changed after the preview of upload "
                        + "\(id), so the import would not do what the preview showed; upload "
                        + "the file again to see a new preview"
                )
            }
            let outcome = try applyImport(candidates, actor: actor, at: timestamp)
            try database.execute("DELETE FROM candidate_uploads WHERE id = \(id)")
            try appendAudit(
                at: timestamp,
                actor: actor,
                action: .candidateFileImport,
                entity: "candidate-file",
                entityID: id,
                before: nil,
                after: try StoreJSON.encode(
                    CandidateFileImportRecord(
                        filename: upload.filename,
                        bytes: upload.data.count,
                        inserted: outcome.inserted,
                        updated: outcome.updated,
                        unchanged: outcome.unchanged
                    )
                )
            )
            return outcome
        }
    }

    private static func randomUploadID() -> String {
        // SystemRandomNumberGenerator reads the system's cryptographic source (getrandom on
        // Linux), so an id cannot be guessed from another.
        var generator = SystemRandomNumberGenerator()
        return (0..<2).map { _ in
            let digits = String(generator.next(), radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }.joined()
    }
}

/// The audit entry of an imported candidate file: its name, size and what it changed.
struct CandidateFileImportRecord: Codable {
    var filename: String
    var bytes: Int
    var inserted: Int
    var updated: Int
    var unchanged: Int
}

extension Row {
    func data(_ column: String) throws -> Data {
        switch try value(column) {
        case .blob(let data): return data
        default:
            throw StoreError(
                code: .invalidStoredData,
                message: "column \(column) is not a blob"
            )
        }
    }
}
