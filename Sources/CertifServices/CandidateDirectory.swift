import CertifAuth
import CertifDomain
import CertifPlanning
import CertifStore

/// A candidate's place on an exam day as the person may see it. A candidate that he may not
/// see (rule R15) keeps his home territory and the organisation of his interview. His id, his
/// name and the reasons for his place, which quote his dates, are left out.
public struct ShownPlacement: Sendable, Hashable {
    /// The candidate's id, or nil when the person may not see him.
    public var id: String?
    /// The stored candidate, or nil when the person may not see him or the database no longer
    /// contains him.
    public var candidate: Candidate?
    /// The territory where the candidate lives, or nil when the database does not hold him.
    public var homeTerritory: TerritoryCode?
    public var mode: ExamMode
    public var host: TerritoryCode
    public var commission: Int
    /// Start of the interview in the organiser's local time, "HH:MM".
    public var start: String
    /// The interview's length, or nil when the person may not see the candidate: a longer
    /// interview tells of extra time, often granted for a disability.
    public var durationMinutes: Int?
    public var travels: Bool
    /// The reasons for his place, empty when the person may not see him.
    public var reasons: [Reason]

    public var isVisible: Bool { id != nil }
}

/// The candidates that the pages of plans and sessions name, with the facts that decide who
/// may see each: his home territory and the organiser of the fixed session that contains him.
struct CandidateDirectory {
    /// Stored candidates by id, those that `loadRecords(ids:from:)` read.
    var candidates: [String: Candidate] = [:]
    var outlines: [String: CandidateOutline]
    /// The organiser of the fixed session that contains each candidate, by candidate id.
    var organizers: [String: TerritoryCode]

    /// Reads the outlines and organisers of every candidate, which decide who may see a
    /// session, without the candidates' records.
    static func load(from store: CertifStore) throws -> CandidateDirectory {
        CandidateDirectory(
            outlines: try store.candidateOutlines(),
            organizers: try store.fixedSessionOrganizers()
        )
    }

    /// Reads the records of the candidates `ids`, whose names a page shows.
    mutating func loadRecords(ids: some Collection<String>, from store: CertifStore) throws {
        for candidate in try store.candidates(ids: ids) {
            candidates[candidate.id] = candidate
        }
    }

    /// Returns whether `account` may see the candidate `id`; a candidate that the database
    /// does not hold is seen only by those who see every candidate.
    func isVisible(_ id: String, to account: Account) -> Bool {
        guard let home = outlines[id]?.territory else {
            return account.candidateVisibility == .all
        }
        let organizers = organizers[id].map { Set([$0]) } ?? []
        return account.canSee(CandidateAccess(homeTerritory: home, sessionOrganizers: organizers))
    }

    /// Returns the facts that decide who may see a session of `organizer` holding these
    /// candidates.
    func access(organizer: TerritoryCode, candidateIDs: [String]) -> SessionAccess {
        SessionAccess(
            organizer: organizer,
            candidateTerritories: Set(candidateIDs.compactMap { outlines[$0]?.territory })
        )
    }

    func shown(_ placed: PlacedCandidate, to account: Account) -> ShownPlacement {
        let visible = isVisible(placed.id, to: account)
        return ShownPlacement(
            id: visible ? placed.id : nil,
            candidate: visible ? candidates[placed.id] : nil,
            homeTerritory: outlines[placed.id]?.territory,
            mode: placed.mode,
            host: placed.host,
            commission: placed.commission,
            start: placed.start,
            durationMinutes: visible ? placed.durationMinutes : nil,
            travels: placed.travels,
            reasons: visible ? placed.reasons : []
        )
    }
}
