import CertifDomain
import CertifPlanning
import CertifStore

/// The period of a plan, with the checks that `certif plan` and the planning page share.
public struct PlanPeriod: Sendable, Hashable {
    /// The reason that a period cannot be planned.
    public enum Issue: Sendable, Hashable {
        /// The first day is after the last.
        case fromAfterTo
        /// The period spans more days than `maxDays`.
        case tooLong(days: Int)
    }

    /// Days that a period may span at most, about three years. A longer period would hold
    /// candidates whose deadlines are years away, and planning them now helps no one.
    public static let maxDays = 3 * 366

    public var from: CivilDate
    public var to: CivilDate

    public init(from: CivilDate, to: CivilDate) {
        self.from = from
        self.to = to
    }

    /// The first thing wrong with the period, or nil when it can be planned.
    public var issue: Issue? {
        guard from <= to else {
            return .fromAfterTo
        }
        let days = from.days(until: to)
        return days > Self.maxDays ? .tooLong(days: days) : nil
    }
}

extension PlanningProblem {
    /// Builds the problem of planning every candidate of `store` that no fixed session holds,
    /// over `period`, with the stored settings and fixed sessions. The command line and the
    /// services both plan through this function, so that a plan made from a page and one made
    /// with `certif plan` start from the same facts.
    ///
    /// The problem's reference data is `bundledReference` with the national pooling scheme
    /// that the administrators stored (`CertifStore.effectiveReference(bundled:)`).
    ///
    /// The problem is national for every person who plans, because pooling crosses regions, so
    /// a plan covers every waiting candidate.
    public static func waitingCandidates(
        in store: CertifStore,
        bundledReference: ReferenceData,
        today: CivilDate,
        period: PlanPeriod
    ) throws -> PlanningProblem {
        let reference = try store.effectiveReference(bundled: bundledReference)
        let candidates = try store.waitingCandidates()
        let fixedSessions = try store.fixedSessions()
        let fixedIDs = Set(fixedSessions.flatMap(\.days).flatMap(\.candidates).map(\.id))
        let scheduled = try store.candidates().filter { fixedIDs.contains($0.id) }
        return PlanningProblem(
            today: today,
            from: period.from,
            to: period.to,
            candidates: candidates,
            settings: try store.settings(),
            reference: reference,
            calendar: WorkingCalendar(
                holidays: reference.holidays,
                territories: reference.territories
            ),
            fixedSessions: fixedSessions,
            scheduledCandidates: scheduled
        )
    }
}
