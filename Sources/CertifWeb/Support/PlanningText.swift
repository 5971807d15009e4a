import CertifDomain
import CertifPlanning
import CertifServices
import CertifStore
import Foundation

/// The French words of the planning and session pages: dates, services, exam modes and the
/// placement of a candidate whom the person may or may not see.
enum PlanningText {
    private static let weekdays = [
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    ]
    private static let months = [
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
        "octobre", "novembre", "décembre",
    ]

    /// "jeudi 20/03/2025".
    static func longDate(_ date: CivilDate) -> String {
        weekdays[date.weekday - 1] + " " + date.french
    }

    /// "jeu. 20/03", for the rows of a month.
    static func shortDay(_ date: CivilDate) -> String {
        let day = date.day < 10 ? "0\(date.day)" : "\(date.day)"
        let month = date.month < 10 ? "0\(date.month)" : "\(date.month)"
        return String(weekdays[date.weekday - 1].prefix(3)) + ". " + day + "/" + month
    }

    /// "mars 2025".
    static func month(_ date: CivilDate) -> String {
        months[date.month - 1] + " \(date.year)"
    }

    /// "2025-03", the form of the `mois` parameter.
    static func monthParameter(_ date: CivilDate) -> String {
        String(date.iso.prefix(7))
    }

    /// "04/12/2024 à 10:55", in Paris time, where the national administration works.
    static func timestamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Paris") ?? .gmt
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let day =
            CivilDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)?
            .french ?? ""
        return day + " à " + twoDigits(parts.hour ?? 0) + ":" + twoDigits(parts.minute ?? 0)
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }

    /// "DREETS Pays de la Loire", or the code when the reference data lacks the territory.
    static func service(_ code: TerritoryCode, _ reference: ReferenceData) -> String {
        reference.territory(code)?.serviceName ?? code.rawValue
    }

    /// "Pays de la Loire", or the code when the reference data lacks the territory.
    static func region(_ code: TerritoryCode, _ reference: ReferenceData) -> String {
        reference.territory(code)?.name ?? code.rawValue
    }

    /// "DEAF — Diplôme d’État d’assistant familial", or the code alone when the diploma is
    /// unknown.
    static func diploma(_ code: DiplomaCode, _ reference: ReferenceData) -> String {
        guard let name = reference.diploma(code)?.name else {
            return code.rawValue
        }
        return code.rawValue + " — " + name
    }

    static func status(_ status: PlanStatus) -> String {
        switch status {
        case .draft: return "Brouillon"
        case .accepted: return "Accepté"
        }
    }

    /// Returns the candidate's name as the person may see it: his name, or the territory where
    /// he lives when he belongs to another service.
    static func candidate(_ placement: ShownPlacement, _ reference: ReferenceData) -> String {
        if let candidate = placement.candidate {
            return CandidateText.fullName(candidate)
        }
        if let id = placement.id {
            return "Candidat " + id + " (dossier introuvable)"
        }
        let home = placement.homeTerritory.map { region($0, reference) } ?? "territoire inconnu"
        return "Candidat d’un autre territoire (" + home + ")"
    }

    /// "À distance, accueilli par la DREETS Bretagne" or "En salle".
    static func place(_ placement: ShownPlacement, _ reference: ReferenceData) -> String {
        switch placement.mode {
        case .remote:
            return "À distance, accueilli par "
                + French.withArticle(service: service(placement.host, reference))
        case .room:
            return placement.travels ? "En salle, en se déplaçant hors de sa région" : "En salle"
        }
    }

    /// "09:00 (45 min)".
    static func time(_ placement: ShownPlacement) -> String {
        placement.start + (placement.durationMinutes.map { " (\($0) min)" } ?? "")
    }
}
