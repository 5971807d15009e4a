/// A diploma's short code, "DEAF", "DEAES".
public struct DiplomaCode: StringCode {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
}

/// The way a candidate reaches the diploma.
public enum AccessRoute: String, Sendable, Codable, CaseIterable {
    /// Voie de la formation: the candidate completed a training course.
    case training = "formation"
    /// Validation des acquis de l'expérience: recognition of experience.
    case vae = "VAE"
}

/// One version of a diploma's reference framework, in force from a date. A candidate is
/// examined under one version.
public struct DiplomaVersion: Sendable, Codable {
    public var id: String
    public var inForceFrom: CivilDate
    /// The last day of the version, or nil while it is in force.
    public var inForceUntil: CivilDate?
    /// Level in the national framework of certifications (3 to 7).
    public var level: Int
    public var blocks: Int
    /// The text that created the version, "décret n° 2025-305 du 1er avril 2025".
    public var source: String
}

/// How the oral or interview of one access route is held.
public struct ExamFormat: Sendable, Codable {
    /// Length of one oral or interview, in minutes, before any extra time.
    public var interviewMinutes: Int
    /// Examiners in one commission.
    public var commissionSize: Int
}

/// A state diploma that the regional services certify.
public struct Diploma: Sendable, Identifiable {
    public var code: DiplomaCode
    public var name: String
    public var versions: [DiplomaVersion]
    public var formats: [AccessRoute: ExamFormat]

    public init(
        code: DiplomaCode,
        name: String,
        versions: [DiplomaVersion],
        formats: [AccessRoute: ExamFormat]
    ) {
        self.code = code
        self.name = name
        self.versions = versions
        self.formats = formats
    }

    public var id: DiplomaCode { code }
    public var routes: [AccessRoute] { AccessRoute.allCases.filter { formats[$0] != nil } }

    /// Returns the version in force on `date`, or the earliest version for a date before all.
    public func version(on date: CivilDate) -> DiplomaVersion? {
        let sorted = versions.sorted { $0.inForceFrom < $1.inForceFrom }
        return sorted.last { $0.inForceFrom <= date } ?? sorted.first
    }
}
