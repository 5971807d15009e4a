import CertifDomain
import CertifStore

/// The part of a `CalendarSessionRequest` that an issue is about.
public enum CalendarSessionField: Sendable, Hashable {
    case diploma
    case organizer
    /// The list of days as a whole.
    case days
    /// The date of the day at this index of `CalendarSessionRequest.days`.
    case date(Int)
    /// The commissions of the day at this index.
    case commissions(Int)
    case id

    /// The name of the form field that shows the issue: `diplome`, `organisateur`, `jours`,
    /// `jour-1-date`, `jour-1-commissions` (days numbered from 1) and `identifiant`.
    public var formName: String {
        switch self {
        case .diploma: return "diplome"
        case .organizer: return "organisateur"
        case .days: return "jours"
        case .date(let index): return "jour-\(index + 1)-date"
        case .commissions(let index): return "jour-\(index + 1)-commissions"
        case .id: return "identifiant"
        }
    }
}

/// One thing wrong with a `CalendarSessionRequest`, with its message in English for the
/// command line and in French for the pages. Day indexes count from 0 in
/// `CalendarSessionRequest.days`.
public enum CalendarSessionIssue: Sendable, Hashable {
    case missingDiploma
    case unknownDiploma(String, known: [DiplomaCode])
    case missingOrganizer
    case unknownOrganizer(String)
    case noDay
    case invalidDate(day: Int, text: String)
    case holiday(day: Int, CivilDate, service: String, name: String)
    case weekend(day: Int, CivilDate)
    case repeatedDay(day: Int, CivilDate)
    case notAfterToday(day: Int, CivilDate, today: CivilDate)
    /// The day is after `latest`, further ahead than any published calendar goes; the
    /// planner's day-by-day calendar would otherwise stretch to it.
    case tooFarAhead(day: Int, CivilDate, latest: CivilDate)
    /// The commissions are not a whole number from 1 to `max`.
    case invalidCommissions(day: Int, max: Int)
    /// The organiser's fixed sessions already seat `seated` commissions that day.
    case commissionLimit(
        day: Int,
        CivilDate,
        service: String,
        seated: Int,
        adding: Int,
        max: Int
    )
    /// From the first day to the last, the session takes `days` days, more than `limit`.
    case spanTooLong(days: Int, limit: Int)
    case invalidID(String, CalendarSessionIDProblem)
    /// The id is one of `CalendarSessionRequest.reservedIDs`.
    case reservedID(String)

    public var field: CalendarSessionField {
        switch self {
        case .missingDiploma, .unknownDiploma: return .diploma
        case .missingOrganizer, .unknownOrganizer: return .organizer
        case .noDay, .spanTooLong: return .days
        case .invalidDate(let day, _), .holiday(let day, _, _, _), .weekend(let day, _),
            .repeatedDay(let day, _), .notAfterToday(let day, _, _),
            .tooFarAhead(let day, _, _):
            return .date(day)
        case .invalidCommissions(let day, _), .commissionLimit(let day, _, _, _, _, _):
            return .commissions(day)
        case .invalidID, .reservedID: return .id
        }
    }

    /// The message for `certif sessions add`.
    public var english: String {
        switch self {
        case .missingDiploma:
            return "missing diploma: give a diploma code such as DEAF"
        case .unknownDiploma(let code, let known):
            let list = known.map(\.rawValue).joined(separator: ", ")
            return "unknown diploma '\(code)': expected one of \(list)"
        case .missingOrganizer:
            return "missing organising territory: give an INSEE code such as 52 or a region name"
        case .unknownOrganizer(let name):
            return "unknown territory '\(name)': expected an INSEE code such as 52 or a region "
                + "name"
        case .noDay:
            return "the session lists no exam day; give at least one"
        case .invalidDate(_, let text):
            return "invalid date '\(text)': expected AAAA-MM-JJ or JJ/MM/AAAA, a day that exists"
        case .holiday(_, let date, let service, let name):
            return "\(date.french) is a public holiday at \(service) (\(name)); choose a working "
                + "day"
        case .weekend(_, let date):
            return "\(date.french) is a weekend day; choose a working day"
        case .repeatedDay(_, let date):
            return "\(date.french) is listed twice; list each exam day once"
        case .notAfterToday(_, let date, let today):
            return "\(date.french) is not after today, \(today.french); record sessions to come"
        case .tooFarAhead(_, let date, let latest):
            return "\(date.french) is more than two years ahead; give a day up to \(latest.french)"
        case .invalidCommissions(_, let max):
            return "invalid number of commissions: expected a whole number from 1 to \(max) "
                + "(max-commissions-per-day)"
        case .commissionLimit(_, let date, let service, let seated, let adding, let max):
            return "\(service) already seats \(seated) commission(s) on \(date.french); with "
                + "\(adding) more it would pass max-commissions-per-day (\(max))"
        case .spanTooLong(let days, let limit):
            return "the days span \(days) days, more than session-span-days (\(limit)); record "
                + "two sessions"
        case .invalidID(let id, let problem):
            return problem.message(id: id)
        case .reservedID(let id):
            return "the session id '\(id)' is the name of a page of the web application; give "
                + "another id"
        }
    }

    /// The message for the page, shown next to the field in `field`.
    public var french: String {
        switch self {
        case .missingDiploma:
            return "Choisissez le diplôme de la session."
        case .unknownDiploma(let code, _):
            return "Le diplôme « \(code) » n’existe pas : choisissez-en un dans la liste."
        case .missingOrganizer:
            return "Choisissez le service organisateur."
        case .unknownOrganizer(let name):
            return "Le territoire « \(name) » n’existe pas : choisissez-en un dans la liste."
        case .noDay:
            return "Indiquez au moins un jour d’examen."
        case .invalidDate(_, let text):
            return "La date « \(text) » n’est pas valide : écrivez-la JJ/MM/AAAA, par exemple "
                + "20/03/2025."
        case .holiday(_, let date, let service, let name):
            return "Le \(date.french) est férié pour \(French.withArticle(service: service)) "
                + "(\(name)) : choisissez un jour ouvré."
        case .weekend(_, let date):
            return "Le \(date.french) tombe un week-end : choisissez un jour ouvré."
        case .repeatedDay(_, let date):
            return "Le \(date.french) figure deux fois : indiquez chaque jour une seule fois."
        case .notAfterToday(_, let date, let today):
            return "Le \(date.french) n’est pas après aujourd’hui, le \(today.french) : fixez "
                + "une session à venir."
        case .tooFarAhead(_, let date, let latest):
            return "Le \(date.french) est à plus de deux ans : indiquez un jour jusqu’au "
                + "\(latest.french)."
        case .invalidCommissions(_, let max):
            return "Indiquez un nombre entier de commissions, de 1 à \(max)."
        case .commissionLimit(_, let date, let service, let seated, let adding, let max):
            return "\(French.withArticle(service: service).capitalizedFirst) réunit déjà "
                + "\(French.count(seated, "commission")) le \(date.french) : avec \(adding) de "
                + "plus, elle dépasserait le maximum de \(max) par jour."
        case .spanTooLong(let days, let limit):
            return "Du premier au dernier jour, la session s’étend sur \(days) jours, plus que "
                + "les \(limit + 1) permis : fixez deux sessions."
        case .invalidID(_, .empty):
            return "Indiquez un identifiant, ou laissez le champ vide pour l’identifiant "
                + "proposé."
        case .invalidID(_, .tooLong(let length)):
            return "L’identifiant compte \(length) caractères, pour "
                + "\(CertifStore.maxCalendarSessionIDLength) au plus : raccourcissez-le."
        case .invalidID(_, .controlCharacter):
            return "L’identifiant contient un caractère invisible (retour à la ligne, "
                + "tabulation) : n’utilisez que des caractères visibles."
        case .invalidID(_, .reservedForPlans):
            return "Un identifiant qui commence par P suivi d’un chiffre est réservé aux "
                + "sessions des plans acceptés : choisissez-en un autre."
        case .reservedID(let id):
            return "L’identifiant « \(id) » est réservé par Certif : choisissez-en un autre."
        }
    }
}

/// Every issue found in a `CalendarSessionRequest`.
public struct CalendarSessionRejection: Error, Sendable, Hashable {
    public var issues: [CalendarSessionIssue]

    public init(issues: [CalendarSessionIssue]) {
        self.issues = issues
    }

    /// The French messages by form field name; a field with several issues gets them joined.
    public var frenchFieldErrors: [String: String] {
        var errors: [String: String] = [:]
        for issue in issues {
            let name = issue.field.formName
            errors[name] = errors[name].map { $0 + " " + issue.french } ?? issue.french
        }
        return errors
    }
}

extension String {
    /// The text with its first character in upper case: "La DREETS Bretagne".
    fileprivate var capitalizedFirst: String {
        prefix(1).uppercased() + dropFirst()
    }
}
