import CertifDomain

/// What a person does in Certif, which decides what he may see and change.
public enum Role: Sendable, Hashable, Codable {
    /// Manages the reference data (territories, diplomas, the national pooling scheme), the
    /// settings and the accounts, and has access to every candidate.
    case nationalAdministrator
    /// A certification officer of the service of one territory.
    case regionalOfficer(territory: TerritoryCode)
    /// Sees the statistics only, never a candidate.
    case nationalReader
}
