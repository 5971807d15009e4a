import CertifDomain

// The rights of each role, kept in this one file so that the pages, the JSON API, the exports
// and the command line apply the same rules.

/// The facts about a candidate that decide who may see him.
public struct CandidateAccess: Sendable, Hashable {
    /// The territory where the candidate lives, whose service stays his contact throughout.
    public var homeTerritory: TerritoryCode
    /// The territories whose services organise a session that the candidate is in.
    public var sessionOrganizers: Set<TerritoryCode>

    public init(homeTerritory: TerritoryCode, sessionOrganizers: Set<TerritoryCode> = []) {
        self.homeTerritory = homeTerritory
        self.sessionOrganizers = sessionOrganizers
    }

    public init(_ candidate: Candidate, sessionOrganizers: Set<TerritoryCode> = []) {
        self.init(homeTerritory: candidate.territory, sessionOrganizers: sessionOrganizers)
    }
}

/// The facts about an exam session that decide who may see it.
public struct SessionAccess: Sendable, Hashable {
    /// The territory whose service organises the session (« chef de file »).
    public var organizer: TerritoryCode
    /// The home territories of the session's candidates.
    public var candidateTerritories: Set<TerritoryCode>

    public init(organizer: TerritoryCode, candidateTerritories: Set<TerritoryCode>) {
        self.organizer = organizer
        self.candidateTerritories = candidateTerritories
    }
}

/// A kind of change that a person may make.
public enum Change: Sendable, Hashable {
    /// Territories, diplomas and the national pooling scheme.
    case referenceData
    case settings
    /// Creating, changing and deactivating accounts.
    case accounts
    /// Creating, editing and importing the candidates who live in `territory`.
    case candidates(territory: TerritoryCode)
    /// Running the planner for `territory`, and accepting, fixing or releasing the sessions
    /// that its service organises.
    case plans(territory: TerritoryCode)
}

/// An operation that a person requests, as far as rights are concerned.
public enum Action: Sendable, Hashable {
    /// Figures without personal data: counts of candidates, sessions, juries and delays.
    case viewStatistics
    case viewCandidate(CandidateAccess)
    /// Seeing a session and its days. Each of its candidates is still checked with
    /// `viewCandidate`, so the home service of one candidate does not see the others.
    case viewSession(SessionAccess)
    case write(Change)
}

/// The candidates visible to a role, in a form that a database query can apply to a list.
public enum CandidateVisibility: Sendable, Hashable {
    case all
    case none
    /// The candidates who live in the territory, and those in a session that its service
    /// organises.
    case homeOrOrganizer(TerritoryCode)

    public func includes(_ candidate: CandidateAccess) -> Bool {
        switch self {
        case .all:
            return true
        case .none:
            return false
        case .homeOrOrganizer(let territory):
            return candidate.homeTerritory == territory
                || candidate.sessionOrganizers.contains(territory)
        }
    }
}

extension Role {
    /// The candidates visible to the role. The home service keeps access to its candidate's
    /// file from start to end, and the organising service has access to the candidates of its
    /// sessions.
    public var candidateVisibility: CandidateVisibility {
        switch self {
        case .nationalAdministrator: return .all
        case .regionalOfficer(let territory): return .homeOrOrganizer(territory)
        case .nationalReader: return .none
        }
    }

    /// Returns whether the role allows `action`. A national administrator may do everything, a
    /// national reader may only view statistics, and a regional officer works on his own
    /// territory's candidates, plans and sessions.
    public func isAllowed(_ action: Action) -> Bool {
        switch (self, action) {
        case (.nationalAdministrator, _):
            return true
        case (.nationalReader, .viewStatistics):
            return true
        case (.nationalReader, _):
            return false
        case (.regionalOfficer, .viewStatistics):
            return true
        case (.regionalOfficer, .viewCandidate(let candidate)):
            return candidateVisibility.includes(candidate)
        case (.regionalOfficer(let territory), .viewSession(let session)):
            return session.organizer == territory
                || session.candidateTerritories.contains(territory)
        case (.regionalOfficer(let territory), .write(.candidates(let owner))),
            (.regionalOfficer(let territory), .write(.plans(let owner))):
            return owner == territory
        case (.regionalOfficer, .write(.referenceData)),
            (.regionalOfficer, .write(.settings)),
            (.regionalOfficer, .write(.accounts)):
            return false
        }
    }

    public func canSee(_ candidate: CandidateAccess) -> Bool {
        isAllowed(.viewCandidate(candidate))
    }

    public func canWrite(_ change: Change) -> Bool {
        isAllowed(.write(change))
    }
}

extension Account {
    /// The candidates visible to the account: none once it is inactive.
    public var candidateVisibility: CandidateVisibility {
        isActive ? role.candidateVisibility : .none
    }

    /// Returns whether the account may do `action`: its role allows it and the account is
    /// active.
    public func isAllowed(_ action: Action) -> Bool {
        isActive && role.isAllowed(action)
    }

    public func canSee(_ candidate: CandidateAccess) -> Bool {
        isAllowed(.viewCandidate(candidate))
    }

    public func canWrite(_ change: Change) -> Bool {
        isAllowed(.write(change))
    }
}
