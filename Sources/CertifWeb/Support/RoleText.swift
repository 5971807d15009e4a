import CertifAuth
import CertifDomain

/// Roles in French, as pages name them.
enum RoleText {
    static func describe(_ role: Role, reference: ReferenceData) -> String {
        switch role {
        case .nationalAdministrator:
            return "Administrateur national"
        case .regionalOfficer(let territory):
            let service = reference.territory(territory)?.serviceName ?? territory.rawValue
            return "Agent de certification, " + service
        case .nationalReader:
            return "Lecteur national (statistiques)"
        }
    }
}
