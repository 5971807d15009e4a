import CertifDomain
import CertifPlanning
import CertifServices
import CertifStore
import Foundation

/// A candidate's place on an exam day, as the API shows it. A candidate whom the token's
/// account may not see keeps his home territory and his interview's organisation, without
/// id, name or reasons (rule R15).
struct APIPlacement: Encodable {
    var candidateId: String?
    var homeTerritory: String?
    /// "room" or "remote".
    var mode: String
    var host: String
    var commission: Int
    /// "HH:MM" in the organiser's time zone.
    var start: String
    /// Absent when the account may not see the candidate.
    var durationMinutes: Int?
    var reasons: [Reason]

    init(_ placement: ShownPlacement) {
        candidateId = placement.id
        homeTerritory = placement.homeTerritory?.rawValue
        mode = placement.mode.rawValue
        host = placement.host.rawValue
        commission = placement.commission
        start = placement.start
        durationMinutes = placement.durationMinutes
        reasons = placement.reasons
    }
}

/// A plan's line in the list of plans.
struct APIPlanSummary: Encodable {
    var id: Int
    /// "draft" or "accepted".
    var status: String
    var createdAt: Date
    var createdBy: String
    var acceptedAt: Date?
    var today: String
    var from: String
    var to: String
    var sessionCount: Int

    init(_ summary: StoredPlanSummary) {
        id = summary.id
        status = summary.status.rawValue
        createdAt = summary.createdAt
        createdBy = summary.createdBy
        acceptedAt = summary.acceptedAt
        today = summary.today.iso
        from = summary.from.iso
        to = summary.to.iso
        sessionCount = summary.sessionCount
    }
}

/// A plan as the token's account may see it.
struct APIPlan: Encodable {
    struct Session: Encodable {
        struct Day: Encodable {
            var date: String
            var commissions: Int
            var candidateCount: Int
            /// Empty unless the request names a diploma.
            var candidates: [APIPlacement]
        }

        var id: String
        var diploma: String
        var organizer: String
        var fixed: Bool
        var pooled: Bool
        var candidateCount: Int
        var sittings: Int
        var rules: [RuleCheck]
        var days: [Day]
    }

    struct Unplanned: Encodable {
        var candidateId: String?
        var reason: String
        var fix: String
        var deadlineMissed: Bool
    }

    var id: Int
    var status: String
    var createdAt: Date
    var createdBy: String
    var acceptedAt: Date?
    var today: String
    var from: String
    var to: String
    var summary: PlanSummary
    var sessions: [Session]
    /// Sessions of the plan that the account may not see.
    var hiddenSessionCount: Int
    var unplanned: [Unplanned]
    var hiddenUnplannedCount: Int

    init(_ view: PlanView) {
        id = view.id
        status = view.status.rawValue
        createdAt = view.createdAt
        createdBy = view.createdBy
        acceptedAt = view.acceptedAt
        today = view.today.iso
        from = view.from.iso
        to = view.to.iso
        summary = view.summary
        sessions = view.sessions.map { session in
            Session(
                id: session.id,
                diploma: session.diploma.rawValue,
                organizer: session.organizer.rawValue,
                fixed: session.fixed,
                pooled: session.pooled,
                candidateCount: session.candidateCount,
                sittings: session.sittings,
                rules: session.rules,
                days: session.days.map { day in
                    Session.Day(
                        date: day.date.iso,
                        commissions: day.commissions,
                        candidateCount: day.candidateCount,
                        candidates: day.candidates.map(APIPlacement.init)
                    )
                }
            )
        }
        hiddenSessionCount = view.hiddenSessionCount
        unplanned = view.unplanned.map { item in
            Unplanned(
                candidateId: item.candidate == nil ? nil : item.id,
                reason: item.reason,
                fix: item.fix,
                deadlineMissed: item.deadlineMissed
            )
        }
        hiddenUnplannedCount = view.hiddenUnplannedCount
    }
}

/// A fixed session as the token's account may see it.
struct APISession: Encodable {
    struct Day: Encodable {
        var date: String
        var commissions: Int
        var candidateCount: Int
        var candidates: [APIPlacement]
    }

    var id: String
    var diploma: String
    var organizer: String
    var planId: Int?
    var acceptedAt: Date
    var acceptedBy: String
    var candidateCount: Int
    var upcoming: Bool
    var days: [Day]

    init(_ view: SessionView, withCandidates: Bool) {
        id = view.id
        diploma = view.diploma.rawValue
        organizer = view.organizer.rawValue
        planId = view.planID
        acceptedAt = view.acceptedAt
        acceptedBy = view.acceptedBy
        candidateCount = view.candidateCount
        upcoming = view.isUpcoming
        days = view.days.map { day in
            Day(
                date: day.date.iso,
                commissions: day.commissions,
                candidateCount: day.candidateCount,
                candidates: withCandidates ? day.candidates.map(APIPlacement.init) : []
            )
        }
    }
}
