import CertifDomain
import CertifImport
import CertifPlanning
import CertifStore
import Foundation

/// The French words of the candidate pages for values that the model stores as codes.
enum CandidateLabels {
    /// Returns the label of a column of the candidate file, as the form and the history name it.
    static func column(_ column: CandidateColumn) -> String {
        switch column {
        case .identifier: "Identifiant"
        case .birthName: "Nom de naissance"
        case .usageName: "Nom d’usage"
        case .givenNames: "Prénoms"
        case .birthDate: "Date de naissance"
        case .diploma: "Diplôme"
        case .route: "Voie d’accès"
        case .territory: "Territoire de domiciliation"
        case .availableFrom: "Disponible le"
        case .deadline: "Date limite donnée"
        case .remote: "Distanciel accepté"
        case .extraTime: "Majoration du temps (%)"
        }
    }

    static func route(_ route: AccessRoute) -> String {
        switch route {
        case .training: "Formation"
        case .vae: "VAE"
        }
    }

    /// "Hauts-de-France (32)", or the code alone for a territory that the reference lacks.
    static func territory(_ code: TerritoryCode, reference: ReferenceData) -> String {
        guard let territory = reference.territory(code) else { return code.rawValue }
        return "\(territory.name) (\(code.rawValue))"
    }

    static func service(_ code: TerritoryCode, reference: ReferenceData) -> String {
        reference.territory(code)?.serviceName ?? code.rawValue
    }

    /// "DEAF – Diplôme d’État d’assistant familial", or the code alone.
    static func diploma(_ code: DiplomaCode, reference: ReferenceData) -> String {
        guard let diploma = reference.diploma(code) else { return code.rawValue }
        return "\(code.rawValue) – \(diploma.name)"
    }

    static func action(_ action: AuditAction) -> String {
        switch action {
        case .candidateInsert: "Création"
        case .candidateUpdate: "Modification"
        default: action.rawValue
        }
    }

    static func mode(_ mode: ExamMode) -> String {
        switch mode {
        case .room: "En salle, chez le service organisateur"
        case .remote: "À distance, par visioconférence"
        }
    }

    /// Returns "HH:MM" of `date` in Paris time.
    static func clockTime(_ date: Date) -> String {
        String(ParisTime.text(date).suffix(5))
    }
}
