import CertifDomain
import CertifPlanning

extension CertifStore {
    /// Stores a session of a published calendar (rule R6: the national organisers publish
    /// their sessions for the year) as a fixed session with no candidate yet, so that the next
    /// plans fill it before opening others.
    ///
    /// Throws `invalidRequest` when the id is invalid (see `calendarSessionIDProblem(_:)`) or
    /// taken, a day is listed twice, the session has no day, a day has no commission, or a
    /// candidate is listed (candidates join through a plan).
    public func addCalendarSession(_ session: FixedSession, actor: StoreActor) throws {
        try Self.checkCalendarSessionID(session.id)
        try write(as: actor) { timestamp in
            guard try fixedSession(id: session.id) == nil else {
                throw StoreError(
                    code: .invalidRequest,
                    message: "a fixed session already has id \(session.id); choose another id"
                )
            }
            guard !session.days.isEmpty else {
                throw StoreError(
                    code: .invalidRequest,
                    message: "session \(session.id) has no exam day"
                )
            }
            let dates = session.days.map(\.date)
            guard Set(dates).count == dates.count else {
                throw StoreError(
                    code: .invalidRequest,
                    message: "session \(session.id) lists an exam day twice"
                )
            }
            for day in session.days where day.commissions < 1 || !day.candidates.isEmpty {
                throw StoreError(
                    code: .invalidRequest,
                    message: "exam day \(day.date.iso) of session \(session.id) needs at least one "
                        + "commission and no candidate; candidates join through a plan"
                )
            }
            let json = try StoreJSON.encode(session)
            try database.execute(
                """
                INSERT INTO sessions (
                    id, plan_id, diploma, organizer, accepted_at, accepted_by, json
                )
                VALUES (
                    \(session.id), \(nil as Int?), \(session.diploma.rawValue),
                    \(session.organizer.rawValue), \(timestamp), \(actor.name), \(json)
                )
                """
            )
            try appendAudit(
                at: timestamp,
                actor: actor,
                action: .sessionCreate,
                entity: "session",
                entityID: session.id,
                before: nil,
                after: json
            )
        }
    }

    /// Unicode scalars that the id of a calendar session may have.
    public static let maxCalendarSessionIDLength = 64

    /// Returns what makes `id` unfit for a calendar session, or nil when it can be used. The id
    /// must not be empty or longer than `maxCalendarSessionIDLength` Unicode scalars, and must
    /// contain no control or format character. It must not start with "P" and a digit, the
    /// form "P<plan id>-<session id>" that accepting a plan gives its sessions.
    public static func calendarSessionIDProblem(_ id: String) -> CalendarSessionIDProblem? {
        guard !id.isEmpty else {
            return .empty
        }
        let length = id.unicodeScalars.count
        guard length <= maxCalendarSessionIDLength else {
            return .tooLong(length: length)
        }
        guard !id.unicodeScalars.contains(where: \.isControlOrFormat) else {
            return .controlCharacter
        }
        let scalars = Array(id.unicodeScalars.prefix(2))
        if scalars.count == 2, scalars[0] == "P", ("0"..."9").contains(scalars[1]) {
            return .reservedForPlans
        }
        return nil
    }

    /// Throws `invalidRequest` when `calendarSessionIDProblem(_:)` finds a problem in `id`.
    static func checkCalendarSessionID(_ id: String) throws {
        if let problem = calendarSessionIDProblem(id) {
            throw StoreError(code: .invalidRequest, message: problem.message(id: id))
        }
    }
}

/// The reason that a text is unfit as the id of a calendar session.
public enum CalendarSessionIDProblem: Sendable, Hashable {
    case empty
    /// More Unicode scalars than `CertifStore.maxCalendarSessionIDLength`.
    case tooLong(length: Int)
    /// A control or format character, such as a line break or an escape.
    case controlCharacter
    /// "P" and a digit, the start of the ids that accepting a plan gives.
    case reservedForPlans

    /// Says in English what is wrong with `id` and how to fix it, for the command line.
    public func message(id: String) -> String {
        switch self {
        case .empty:
            return "the session id is empty; give the session an id"
        case .tooLong(let length):
            return "the session id has \(length) Unicode characters, and at most "
                + "\(CertifStore.maxCalendarSessionIDLength) are allowed; give a shorter id"
        case .controlCharacter:
            // The id itself is left out, because printing it would run its control characters.
            return "the session id contains a control or invisible formatting character "
                + "(a line break, a tab, an escape); give an id of visible characters"
        case .reservedForPlans:
            return "the session id \(id) starts with P and a digit, which is reserved for "
                + "the sessions of accepted plans (P1-S-DEAF-52-20250320); give another id"
        }
    }
}
