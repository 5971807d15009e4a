import CertifAuth
import CertifDomain
import CertifStore
import Foundation

/// The filters of the journal as the query string sends them: texts to validate. An empty
/// text filters nothing.
public struct JournalQuery: Sendable, Hashable {
    public var actor: String
    public var action: String
    public var entity: String
    /// The first day, `AAAA-MM-JJ` or `JJ/MM/AAAA`, in Paris time.
    public var from: String
    /// The last day, included.
    public var to: String
    public var candidate: String
    /// The page number, from 1.
    public var page: String

    public init(
        actor: String = "",
        action: String = "",
        entity: String = "",
        from: String = "",
        to: String = "",
        candidate: String = "",
        page: String = ""
    ) {
        self.actor = actor
        self.action = action
        self.entity = entity
        self.from = from
        self.to = to
        self.candidate = candidate
        self.page = page
    }

    /// The names of the query string's fields, which key the errors of `journal(_:)`.
    public enum Field {
        public static let actor = "acteur"
        public static let action = "action"
        public static let entity = "entite"
        public static let from = "du"
        public static let to = "au"
        public static let candidate = "candidat"
        public static let page = "page"
    }
}

/// One page of the journal, with the choices of its filter form.
public struct JournalPage: Sendable {
    public var entries: [AuditEntry]
    /// Matching entries on all pages.
    public var total: Int
    /// The page shown, from 1. It may be past the last page, which then shows no entry.
    public var page: Int
    public var pageSize: Int
    public var vocabulary: JournalVocabulary

    public var pageCount: Int { max(1, (total + pageSize - 1) / pageSize) }
}

/// The actions and entity kinds of the entries that the person may read, each sorted, for
/// the choices of the journal's filter form.
public struct JournalVocabulary: Sendable, Hashable {
    public var actions: [AuditAction]
    public var entities: [String]

    public init(actions: [AuditAction], entities: [String]) {
        self.actions = actions
        self.entities = entities
    }
}

/// One field that an audit entry changed, found by comparing its JSON before and after.
public struct AuditFieldChange: Sendable, Hashable {
    /// The field's keys from the top of the JSON, with the 1-based position of each array
    /// element: ["rules", "1", "organizer"].
    public var path: [String]
    /// The value as text, or nil when the field was absent or null.
    public var before: String?
    public var after: String?
}

extension CertifServices {
    /// Entries on one page of the journal.
    public static let journalPageSize = 50
    /// The last page number that the journal accepts, so that the offset stays small.
    public static let maxJournalPage = 10_000
    /// Characters of a candidate id that the journal's filter accepts.
    static let maxCandidateIDLength = 64

    /// The part of the audit log that the person may read.
    ///
    /// A national administrator reads everything and a national reader nothing. A regional
    /// officer reads his own actions, the entries about his own account, those about a
    /// candidate whom he may see now (`candidateVisibility`), and those about a session that
    /// his territory organises. He never reads a session entry as a home service only,
    /// because a session's JSON lists every candidate of the session with his timetable.
    /// Settings, scheme, plan and other accounts' entries are for the administrators.
    public var auditScope: AuditLogScope {
        guard account.isActive else {
            return .none
        }
        switch account.role {
        case .nationalAdministrator:
            return .all
        case .regionalOfficer(let territory):
            return .restricted(
                actors: [StoreActor.web(account).name, StoreActor.api(account).name],
                account: account.id,
                candidates: account.candidateVisibility,
                organizer: territory
            )
        case .nationalReader:
            return .none
        }
    }

    /// Returns the page of the journal that `query` asks for, newest first, within
    /// `auditScope`. Throws `notFound` for a national reader, and `invalid`, keyed by
    /// `JournalQuery.Field`, for a filter that is not valid.
    public func journal(_ query: JournalQuery) throws -> JournalPage {
        let scope = try journalScope()
        let (filter, page) = try Self.validatedFilter(query)
        let pageSize = Self.journalPageSize
        let (rows, total) = try store.auditEntries(
            matching: filter,
            scope: scope,
            limit: pageSize,
            offset: (page - 1) * pageSize
        )
        return JournalPage(
            entries: rows,
            total: total,
            page: page,
            pageSize: pageSize,
            vocabulary: try journalVocabulary()
        )
    }

    /// Returns the choices of the journal's filter form. Throws `notFound` for a national
    /// reader.
    public func journalVocabulary() throws -> JournalVocabulary {
        let vocabulary = try store.auditVocabulary(scope: try journalScope())
        return JournalVocabulary(actions: vocabulary.actions, entities: vocabulary.entities)
    }

    /// Returns `auditScope`, or throws `notFound` when it includes nothing.
    private func journalScope() throws -> AuditLogScope {
        let scope = auditScope
        if case .none = scope {
            throw ServiceError.notFound
        }
        return scope
    }

    /// Returns the audit entries about the candidate `id`, newest first: his insertion and
    /// each change of his record, by any actor. Throws `notFound` unless the person may see
    /// the candidate.
    public func candidateHistory(id: String) throws -> [AuditEntry] {
        guard try store.candidate(id: id, visibleTo: account.candidateVisibility) != nil else {
            throw ServiceError.notFound
        }
        return try store.auditEntries(entity: "candidate", id: id)
    }

    /// Returns the fields that differ between the JSON `before` and `after` of an audit
    /// entry, in key order. A field inside an object is named by its path, and an array of
    /// plain values is one field whose text joins them with ", ". Text that is not JSON
    /// counts as one value.
    public static func auditChanges(before: String?, after: String?) -> [AuditFieldChange] {
        var old: [[String]: String] = [:]
        var new: [[String]: String] = [:]
        if let before {
            AuditJSON.parse(before).flatten(into: &old, path: [])
        }
        if let after {
            AuditJSON.parse(after).flatten(into: &new, path: [])
        }
        let paths = Set(old.keys).union(new.keys).sorted(by: pathPrecedes)
        return paths.compactMap { path in
            old[path] == new[path]
                ? nil : AuditFieldChange(path: path, before: old[path], after: new[path])
        }
    }

    /// Orders paths key by key, array positions by number.
    private static func pathPrecedes(_ left: [String], _ right: [String]) -> Bool {
        for (a, b) in zip(left, right) where a != b {
            if let first = Int(a), let second = Int(b) {
                return first < second
            }
            return a < b
        }
        return left.count < right.count
    }

    // MARK: Filter checks

    private static func validatedFilter(_ query: JournalQuery) throws -> (AuditLogFilter, Int) {
        var errors: [String: String] = [:]
        var filter = AuditLogFilter()
        checkTexts(query, into: &filter, errors: &errors)
        checkDays(query, into: &filter, errors: &errors)
        let page = pageNumber(query.page, errors: &errors)
        guard errors.isEmpty else {
            throw ServiceError.invalid(
                errors,
                message: "Les filtres du journal contiennent "
                    + (errors.count == 1 ? "une erreur." : "\(errors.count) erreurs.")
            )
        }
        return (filter, page)
    }

    /// Checks the actor, action, entity and candidate filters.
    private static func checkTexts(
        _ query: JournalQuery,
        into filter: inout AuditLogFilter,
        errors: inout [String: String]
    ) {
        typealias Field = JournalQuery.Field
        let actor = query.actor.trimmingCharacters(in: .whitespaces)
        if !actor.isEmpty {
            if actor.unicodeScalars.count > StoreActor.maxNameLength || hasControl(actor) {
                errors[Field.actor] =
                    "Acteur invalide : indiquez au plus \(StoreActor.maxNameLength) caractères "
                    + "visibles, comme agent-hdf."
            } else {
                filter.actor = actor
            }
        }

        if let action = code(query.action, field: Field.action, errors: &errors) {
            filter.action = AuditAction(rawValue: action)
        }
        filter.entity = code(query.entity, field: Field.entity, errors: &errors)

        let candidate = query.candidate.trimmingCharacters(in: .whitespaces)
        guard !candidate.isEmpty else {
            return
        }
        if candidate.unicodeScalars.count > maxCandidateIDLength || hasControl(candidate) {
            errors[Field.candidate] =
                "Identifiant de candidat invalide : indiquez-le tel que la liste des candidats "
                + "l’affiche, \(maxCandidateIDLength) caractères au plus."
        } else if let entity = filter.entity, entity != "candidate" {
            errors[Field.candidate] =
                "Le filtre par candidat ne porte que sur les entrées de candidat : videz le "
                + "champ « Objet » ou choisissez « Candidat »."
        } else {
            filter.entity = "candidate"
            filter.entityID = candidate
        }
    }

    /// Checks the dates, which count in Paris time, the last day included.
    private static func checkDays(
        _ query: JournalQuery,
        into filter: inout AuditLogFilter,
        errors: inout [String: String]
    ) {
        typealias Field = JournalQuery.Field
        let from = day(query.from, field: Field.from, errors: &errors)
        let to = day(query.to, field: Field.to, errors: &errors)
        if let from, let to, to < from {
            errors[Field.to] =
                "La date de fin (\(to.french)) précède la date de début (\(from.french))."
        }
        filter.from = from.map(startInParis)
        filter.until = to.map { startInParis($0.adding(days: 1)) }
    }

    /// Returns the page number of the text, 1 when it is empty.
    private static func pageNumber(_ text: String, errors: inout [String: String]) -> Int {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else {
            return 1
        }
        let digits = UInt8(ascii: "0")...UInt8(ascii: "9")
        guard trimmed.utf8.allSatisfy(digits.contains), let number = Int(trimmed),
            (1...maxJournalPage).contains(number)
        else {
            errors[JournalQuery.Field.page] =
                "Numéro de page invalide : indiquez un nombre entier de 1 à \(maxJournalPage)."
            return 1
        }
        return number
    }

    private static func hasControl(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }

    /// Checks an action or entity code such as "candidate.update", or returns nil when the
    /// text is empty.
    private static func code(
        _ text: String,
        field: String,
        errors: inout [String: String]
    ) -> String? {
        let code = text.trimmingCharacters(in: .whitespaces)
        guard !code.isEmpty else {
            return nil
        }
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789.-_".unicodeScalars)
        guard code.unicodeScalars.count <= 64, code.unicodeScalars.allSatisfy(allowed.contains)
        else {
            errors[field] = "Valeur invalide : choisissez une valeur de la liste."
            return nil
        }
        return code
    }

    private static func day(
        _ text: String,
        field: String,
        errors: inout [String: String]
    ) -> CivilDate? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else {
            return nil
        }
        guard let date = CivilDate(parsing: trimmed), (2000...2100).contains(date.year) else {
            errors[field] =
                "Date invalide : indiquez une date au format JJ/MM/AAAA, comme 02/12/2024."
            return nil
        }
        return date
    }

    /// Returns midnight of `date` in Paris, where the national services work.
    private static func startInParis(_ date: CivilDate) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Paris") ?? .gmt
        let components = DateComponents(year: date.year, month: date.month, day: date.day)
        return calendar.date(from: components) ?? Date(timeIntervalSince1970: 0)
    }
}

/// A JSON value of an audit entry, read only to compare two of them.
private enum AuditJSON: Decodable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([AuditJSON])
    case object([String: AuditJSON])

    static func parse(_ text: String) -> AuditJSON {
        (try? JSONDecoder().decode(AuditJSON.self, from: Data(text.utf8))) ?? .string(text)
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([AuditJSON].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: AuditJSON].self))
        }
    }

    /// The value as one line of text, or nil for null and for arrays or objects that hold
    /// arrays or objects.
    var text: String? {
        switch self {
        case .null: return nil
        case .bool(let value): return value ? "oui" : "non"
        case .integer(let value): return String(value)
        case .number(let value): return French.decimal(value, digits: 2)
        case .string(let value): return value
        case .array(let values):
            let texts = values.compactMap(\.plainText)
            return texts.count == values.count ? texts.joined(separator: ", ") : nil
        case .object: return nil
        }
    }

    /// The text of a plain value: not an array, object or null.
    private var plainText: String? {
        switch self {
        case .array, .object, .null: return nil
        default: return text
        }
    }

    func flatten(into fields: inout [[String]: String], path: [String]) {
        switch self {
        case .object(let members) where members.isEmpty:
            // An enum case without values, such as a role: {"nationalReader":{}}.
            fields[path] = "oui"
        case .object(let members):
            for (key, value) in members {
                value.flatten(into: &fields, path: path + [key])
            }
        case .array(let values) where text == nil:
            for (index, value) in values.enumerated() {
                value.flatten(into: &fields, path: path + [String(index + 1)])
            }
        default:
            if let text {
                fields[path] = text
            }
        }
    }
}
