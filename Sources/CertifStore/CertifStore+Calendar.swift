import CertifDomain
import CertifPlanning

extension CertifStore {
    /// Stores a session of a published calendar (rule R6: the national organisers publish
    /// their sessions for the year) as a fixed session with no candidate yet, so that the next
    /// plans fill it before opening others.
    ///
    /// Throws `invalidRequest` when the id is taken, a day is listed twice, the session has no
    /// day, a day has no commission, or a candidate is listed (candidates join through a plan).
    public func addCalendarSession(_ session: FixedSession, actor: StoreActor) throws {
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
}
