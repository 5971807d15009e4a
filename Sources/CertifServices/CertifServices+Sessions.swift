import CertifAuth
import CertifDomain
import CertifPlanning
import CertifStore
import Foundation

/// The filter of a list of fixed sessions.
public struct SessionFilter: Sendable, Hashable {
    /// Sessions whose last day is today or later, those whose last day has passed, or both.
    public enum Timing: Sendable, Hashable {
        case upcoming
        case past
        case all
    }

    public var diploma: DiplomaCode?
    public var organizer: TerritoryCode?
    public var timing: Timing

    public init(diploma: DiplomaCode? = nil, organizer: TerritoryCode? = nil, timing: Timing) {
        self.diploma = diploma
        self.organizer = organizer
        self.timing = timing
    }
}

/// A fixed session as one person may see it.
public struct SessionView: Sendable, Hashable {
    public struct Day: Sendable, Hashable {
        public var date: CivilDate
        public var commissions: Int
        public var candidateCount: Int
        /// The day's candidates by commission, then start time; empty in a list of sessions.
        public var candidates: [ShownPlacement]
    }

    public var id: String
    public var diploma: DiplomaCode
    public var organizer: TerritoryCode
    /// The accepted plan that created the session, or nil for a session of a published
    /// calendar.
    public var planID: Int?
    public var acceptedAt: Date
    public var acceptedBy: String
    /// The days by date.
    public var days: [Day]
    public var candidateCount: Int
    /// Whether the session's last day is today or later.
    public var isUpcoming: Bool
    /// Whether the person may release the session: his service organises it.
    public var mayRelease: Bool

    public var firstDate: CivilDate? { days.first?.date }
    public var lastDate: CivilDate? { days.last?.date }
}

/// The choices that the form fixing a session offers a person.
public struct FixSessionChoices: Sendable, Hashable {
    public var diplomas: [DiplomaCode]
    /// The territories whose sessions the person may fix.
    public var organizers: [TerritoryCode]
    /// The stored `maxCommissionsPerDay` and `sessionSpanDays`.
    public var maxCommissionsPerDay: Int
    public var sessionSpanDays: Int
}

extension CertifServices {
    /// Returns the fixed sessions that the person may see and that `filter` keeps, the soonest
    /// first, without their candidates.
    public func sessions(_ filter: SessionFilter, today: CivilDate) throws -> [SessionView] {
        try requirePlanning()
        let directory = try CandidateDirectory.load(from: store)
        let views = try store.fixedSessionRecords().compactMap { record -> SessionView? in
            let session = record.session
            guard filter.diploma.map({ $0 == session.diploma }) ?? true,
                filter.organizer.map({ $0 == session.organizer }) ?? true,
                isVisible(session, directory: directory)
            else {
                return nil
            }
            let view = Self.view(
                of: record,
                today: today,
                mayRelease: account.canWrite(.plans(territory: session.organizer)),
                placements: nil
            )
            switch filter.timing {
            case .upcoming: return view.isUpcoming ? view : nil
            case .past: return view.isUpcoming ? nil : view
            case .all: return view
            }
        }
        return views.sorted { ($0.firstDate ?? today, $0.id) < ($1.firstDate ?? today, $1.id) }
    }

    /// Returns the fixed session `id` with its candidates, those that the person may not see
    /// without their names. Throws `notFound` when the session does not exist or the person
    /// may not see it: his service organises it or one of his candidates is in it.
    public func session(id: String, today: CivilDate) throws -> SessionView {
        try requirePlanning()
        guard let record = try store.fixedSessionRecord(id: id) else {
            throw ServiceError.notFound
        }
        var directory = try CandidateDirectory.load(from: store)
        guard isVisible(record.session, directory: directory) else {
            throw ServiceError.notFound
        }
        let shownIDs = record.session.days.flatMap(\.candidates).map(\.id).filter {
            directory.isVisible($0, to: account)
        }
        try directory.loadRecords(ids: shownIDs, from: store)
        return Self.view(
            of: record,
            today: today,
            mayRelease: account.canWrite(.plans(territory: record.session.organizer)),
            placements: { directory.shown($0, to: account) }
        )
    }

    /// Deletes the fixed session `id` and frees its candidates, who wait for the next plan
    /// again; the store audits it. Only a person whose service organises the session may
    /// release it; anybody else gets `notFound`.
    public func releaseSession(id: String) throws {
        try requirePlanning()
        guard let session = try store.fixedSession(id: id) else {
            throw ServiceError.notFound
        }
        let directory = try CandidateDirectory.load(from: store)
        guard isVisible(session, directory: directory),
            account.canWrite(.plans(territory: session.organizer))
        else {
            throw ServiceError.notFound
        }
        do {
            try store.releaseSession(id: id, actor: actor)
        } catch let error as StoreError where error.code == .sessionNotFound {
            throw ServiceError.notFound
        }
    }

    /// The territories whose sessions the person may fix: all for a national administrator,
    /// his own for a regional officer.
    public var fixableOrganizers: [Territory] {
        reference.territories.filter { account.canWrite(.plans(territory: $0.code)) }
    }

    /// Returns the choices of the form that fixes a session. Throws `notFound` for a person who
    /// may not plan.
    public func fixSessionChoices() throws -> FixSessionChoices {
        try requirePlanning()
        let settings = try store.settings()
        return FixSessionChoices(
            diplomas: reference.diplomas.map(\.code),
            organizers: fixableOrganizers.map(\.code),
            maxCommissionsPerDay: settings.maxCommissionsPerDay,
            sessionSpanDays: settings.sessionSpanDays
        )
    }

    /// Records a session of a published calendar with no candidate yet, and returns its id.
    /// The next plans fill it first and never move its days, and the store audits it.
    ///
    /// The checks are those of `certif sessions add` (`CalendarSessionRequest`), and the field
    /// errors are keyed by `CalendarSessionField.formName`. A person may fix only the sessions
    /// that his service organises, so another organiser throws `notFound`.
    public func fixSession(_ request: CalendarSessionRequest, today: CivilDate) throws -> String {
        try requirePlanning()
        if let organizer = reference.territory(matching: request.organizer),
            !account.canWrite(.plans(territory: organizer.code))
        {
            throw ServiceError.notFound
        }
        let validation = request.validate(
            reference: reference,
            settings: try store.settings(),
            fixedSessions: try store.fixedSessions(),
            today: today
        )
        let session: FixedSession
        switch validation {
        case .success(let valid):
            session = valid
        case .failure(let rejection):
            throw ServiceError.invalid(rejection.frenchFieldErrors)
        }
        let taken = ServiceError.invalid([
            CalendarSessionField.id.formName:
                "Une session fixée porte déjà l’identifiant « \(session.id) » : choisissez-en "
                + "un autre."
        ])
        guard try store.fixedSession(id: session.id) == nil else {
            throw taken
        }
        do {
            try store.addCalendarSession(session, actor: actor)
        } catch let error as StoreError where error.code == .invalidRequest {
            // Another request took the id between the check and the write.
            throw taken
        }
        return session.id
    }

    private func isVisible(_ session: FixedSession, directory: CandidateDirectory) -> Bool {
        let ids = session.days.flatMap(\.candidates).map(\.id)
        return account.isAllowed(
            .viewSession(directory.access(organizer: session.organizer, candidateIDs: ids))
        )
    }

    private static func view(
        of record: FixedSessionRecord,
        today: CivilDate,
        mayRelease: Bool,
        placements: ((PlacedCandidate) -> ShownPlacement)?
    ) -> SessionView {
        let days = record.session.days.sorted { $0.date < $1.date }
        return SessionView(
            id: record.session.id,
            diploma: record.session.diploma,
            organizer: record.session.organizer,
            planID: record.planID,
            acceptedAt: record.acceptedAt,
            acceptedBy: record.acceptedBy,
            days: days.map { day in
                SessionView.Day(
                    date: day.date,
                    commissions: day.commissions,
                    candidateCount: day.candidates.count,
                    candidates: placements.map { ordered(day.candidates).map($0) } ?? []
                )
            },
            candidateCount: days.reduce(0) { $0 + $1.candidates.count },
            isUpcoming: (days.last?.date).map { $0 >= today } ?? false,
            mayRelease: mayRelease
        )
    }
}
