import CertifDomain

extension CertifStore {
    /// Inserts one new candidate with its audit entry, in one transaction.
    ///
    /// Throws `candidateExists` when a stored candidate has the same id.
    public func insertCandidate(_ candidate: Candidate, actor: StoreActor) throws {
        try write(as: actor) { timestamp in
            guard try self.candidate(id: candidate.id) == nil else {
                throw StoreError(
                    code: .candidateExists,
                    message: "a candidate already has id \(candidate.id); edit that candidate "
                        + "or choose another id"
                )
            }
            let deadline = try settings().deadline(for: candidate).date
            try insertRow(of: candidate, deadline: deadline, at: timestamp)
            try appendAudit(
                at: timestamp,
                actor: actor,
                action: .candidateInsert,
                entity: "candidate",
                entityID: candidate.id,
                before: nil,
                after: try StoreJSON.encode(candidate)
            )
        }
    }

    /// Replaces the stored candidate that has `candidate.id`, and records both versions in
    /// the audit log, in one transaction. A candidate equal to the stored one writes nothing.
    /// Returns whether anything was written.
    ///
    /// Throws `candidateNotFound` when no candidate has the id.
    @discardableResult
    public func updateCandidate(_ candidate: Candidate, actor: StoreActor) throws -> Bool {
        try write(as: actor) { timestamp in
            guard let stored = try self.candidate(id: candidate.id) else {
                throw StoreError(
                    code: .candidateNotFound,
                    message: "no candidate has id \(candidate.id); list the candidates to find it"
                )
            }
            guard stored != candidate else {
                return false
            }
            let deadline = try settings().deadline(for: candidate).date
            try updateRow(of: candidate, deadline: deadline, at: timestamp)
            try appendAudit(
                at: timestamp,
                actor: actor,
                action: .candidateUpdate,
                entity: "candidate",
                entityID: candidate.id,
                before: try StoreJSON.encode(stored),
                after: try StoreJSON.encode(candidate)
            )
            return true
        }
    }
}
