import CertifDomain

/// A named constraint of the planning problem, hard (a plan must never break it) or soft (a
/// penalty that better plans lower), listed in order of importance.
public enum PlanConstraint: String, Sendable, Codable, CaseIterable, Comparable {
    // Hard constraints.
    case everyCandidateOnce = "chaque-candidat-une-fois"
    case examWindow = "R4-fenetre"
    case organizerOpen = "jour-ouvre-organisateur"
    case nationalScheme = "R5-schema-national"
    case voluntaryPooling = "pooling-accepte"
    case poolingLeadTime = "R7-delai-asp"
    case remoteAcrossServices = "R8-distance-mutualisee"
    case hostOpen = "R9-accueil-ouvert"
    case commissionDay = "journee-de-commission"
    case commissionsPerDay = "commissions-par-jour"
    case fixedSessionKept = "session-fixee-conservee"
    // Soft constraints, most important first.
    case sittings = "commissions"
    case sessions = "sessions"
    case sessionTarget = "R1-taille-session"
    case dayMinimum = "R2-taille-jour"
    case travel = "deplacements"
    case waitDays = "attente"

    public var isHard: Bool { self < .sittings }

    public static func < (lhs: PlanConstraint, rhs: PlanConstraint) -> Bool {
        let order = PlanConstraint.allCases
        return (order.firstIndex(of: lhs) ?? 0) < (order.firstIndex(of: rhs) ?? 0)
    }
}

/// One breach of a hard constraint, or one penalty of a soft one, with what caused it.
public struct ConstraintMatch: Sendable, Hashable, Codable {
    public var constraint: PlanConstraint
    public var penalty: Int
    /// The candidate, session or day concerned, and what is wrong, in English for developers.
    public var justification: String
}

/// A plan's score: the sum of hard breaches (zero for a valid plan) and the soft penalties by
/// constraint, compared lexicographically in the constraints' order.
public struct PlanScore: Sendable, Hashable, Comparable {
    public var matches: [ConstraintMatch]

    public func penalty(_ constraint: PlanConstraint) -> Int {
        matches.filter { $0.constraint == constraint }.reduce(0) { $0 + $1.penalty }
    }

    public var hard: Int {
        matches.filter(\.constraint.isHard).reduce(0) { $0 + $1.penalty }
    }

    public var isFeasible: Bool { hard == 0 }

    /// The penalties in the constraints' order, hard breaches first as one figure.
    public var levels: [Int] {
        [hard] + PlanConstraint.allCases.filter { !$0.isHard }.map { penalty($0) }
    }

    public static func < (lhs: PlanScore, rhs: PlanScore) -> Bool {
        lhs.levels.lexicographicallyPrecedes(rhs.levels)
    }
}
