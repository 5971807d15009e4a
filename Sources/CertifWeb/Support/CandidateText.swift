import CertifDomain

/// A candidate's names as pages write them.
enum CandidateText {
    /// "DUPONT (MARTIN) Jeanne": the birth name, the usage name when there is one, then the
    /// given names.
    static func fullName(_ candidate: Candidate) -> String {
        var name = candidate.birthName
        if let usage = candidate.usageName, !usage.isEmpty {
            name += " (" + usage + ")"
        }
        return name + " " + candidate.givenNames
    }
}
