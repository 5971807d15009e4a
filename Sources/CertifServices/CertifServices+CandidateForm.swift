import CertifAuth
import CertifDomain
import CertifImport
import CertifStore

/// The values of a candidate form, keyed by the columns of the candidate file, as typed: the
/// form's field names are the columns' raw values (`nom_naissance`).
public struct CandidateFormValues: Sendable, Hashable {
    public var values: [CandidateColumn: String]

    public init(values: [CandidateColumn: String] = [:]) {
        self.values = values
    }

    /// Creates the values of a stored candidate, written as the form and the candidate file
    /// write them: dates as 15/03/2025, the route as `VAE` or `formation`, the territory by its
    /// code.
    public init(_ candidate: Candidate) {
        values = [
            .identifier: candidate.id,
            .birthName: candidate.birthName,
            .usageName: candidate.usageName ?? "",
            .givenNames: candidate.givenNames,
            .birthDate: candidate.birthDate.french,
            .diploma: candidate.diploma.rawValue,
            .route: candidate.route.rawValue,
            .territory: candidate.territory.rawValue,
            .availableFrom: candidate.availableFrom.french,
            .deadline: candidate.explicitDeadline?.french ?? "",
            .remote: candidate.remoteAllowed ? "oui" : "non",
            .extraTime: String(candidate.extraTimePercent),
        ]
    }

    /// The value of `column`, empty when the form had none.
    public subscript(column: CandidateColumn) -> String {
        get { values[column] ?? "" }
        set { values[column] = newValue }
    }
}

extension CertifServices {
    /// Creates a candidate from a form, with exactly the checks that a row of a candidate
    /// file gets, and returns him. `today` is the day that a birth date must not pass.
    ///
    /// Throws `notFound` for a person who may create no candidate. Throws `invalid`, with
    /// French messages keyed by column (`nom_naissance`), for a value that a file row would
    /// have had rejected, for a territory where the person may not create candidates, or for
    /// an id that a stored candidate has.
    @discardableResult
    public func createCandidate(
        _ form: CandidateFormValues,
        today: CivilDate
    ) throws -> Candidate {
        guard !writableTerritories.isEmpty else {
            throw ServiceError.notFound
        }
        let candidate = try validatedCandidate(form, today: today)
        if try store.candidate(id: candidate.id) != nil {
            throw Self.idTaken
        }
        do {
            try store.insertCandidate(candidate, actor: actor)
        } catch let error as StoreError where error.code == .candidateExists {
            throw Self.idTaken
        }
        return candidate
    }

    /// Replaces the candidate `id` with the values of a form, checked as `createCandidate`
    /// checks them; the id itself does not change. Returns whether anything changed.
    ///
    /// Throws `notFound` when the person may not see the candidate or may not edit him, and
    /// `invalid` as `createCandidate` does.
    // NOTE: a candidate already in a fixed session is saved even when the new values no
    // longer fit his exam day (diploma, dates, videoconference). Only the acceptance of a
    // later plan checks that fit.
    @discardableResult
    public func updateCandidate(
        id: String,
        _ form: CandidateFormValues,
        today: CivilDate
    ) throws -> Bool {
        let stored = try visibleCandidate(id: id)
        guard account.canWrite(.candidates(territory: stored.territory)) else {
            throw ServiceError.notFound
        }
        var form = form
        form[.identifier] = stored.id
        let candidate = try validatedCandidate(form, today: today)
        do {
            return try store.updateCandidate(candidate, actor: actor)
        } catch let error as StoreError where error.code == .candidateNotFound {
            throw ServiceError.notFound
        }
    }

    /// Checks a form as a row of a candidate file, then the person's right on the territory.
    private func validatedCandidate(
        _ form: CandidateFormValues,
        today: CivilDate
    ) throws -> Candidate {
        let candidate: Candidate
        switch CandidateFileReader.validateRow(form.values, reference: reference, today: today) {
        case .success(let valid):
            candidate = valid
        case .failure(let failure):
            throw ServiceError.invalid(Self.fieldErrors(failure.issues))
        }
        guard account.canWrite(.candidates(territory: candidate.territory)) else {
            throw ServiceError.invalid([
                CandidateColumn.territory.rawValue: territoryNotWritableMessage(
                    candidate.territory
                )
            ])
        }
        return candidate
    }

    /// Returns the issues' messages by form field, joining those of one field in order.
    static func fieldErrors(_ issues: [CandidateFileIssue]) -> [String: String] {
        var errors: [String: String] = [:]
        for issue in issues {
            let field = issue.column ?? CandidateColumn.identifier.rawValue
            if let earlier = errors[field] {
                errors[field] = earlier + " " + issue.message
            } else {
                errors[field] = issue.message
            }
        }
        return errors
    }

    /// Returns the French message for a candidate who lives where the person may not write.
    func territoryNotWritableMessage(_ territory: TerritoryCode) -> String {
        let own = writableTerritories.map(territoryLabel).joined(separator: ", ")
        return "Le territoire de ce candidat est \(territoryLabel(territory)). Vous ne pouvez "
            + "créer, modifier et importer que les candidats du territoire \(own)."
    }

    /// Returns "Hauts-de-France (32)", or the code alone for a territory that the reference
    /// lacks.
    func territoryLabel(_ territory: TerritoryCode) -> String {
        guard let name = reference.territory(territory)?.name else {
            return territory.rawValue
        }
        return "\(name) (\(territory.rawValue))"
    }

    private static let idTaken = ServiceError.invalid([
        CandidateColumn.identifier.rawValue:
            "Un candidat a déjà cet identifiant. Choisissez-en un autre, ou modifiez ce "
            + "candidat depuis la liste."
    ])
}
