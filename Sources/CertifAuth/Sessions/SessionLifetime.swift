import Foundation

/// The lifetime of a login session as a state machine: active until the person logs out, the
/// server revokes it, or a time-out passes. Its methods are named after events, take the time
/// from the caller and do no I/O.
///
/// The idle time-out runs from the last request, the absolute time-out from the login. A
/// session that reaches a time-out ends at that instant, whenever the event that notices it
/// comes, so the recorded end is the same for a request and for a sweep of the table.
public struct SessionLifetime: Sendable, Hashable, Codable {
    /// The two time-outs, in seconds.
    public struct Policy: Sendable, Hashable, Codable {
        /// Time without a request after which the session ends: 30 minutes by default.
        public var idleTimeout: TimeInterval
        /// Time after login after which the session ends, active or not: 12 hours by default.
        public var absoluteTimeout: TimeInterval

        public init(idleTimeout: TimeInterval = 30 * 60, absoluteTimeout: TimeInterval = 12 * 3600)
        {
            self.idleTimeout = idleTimeout
            self.absoluteTimeout = absoluteTimeout
        }
    }

    /// The cause of a session's end.
    public enum EndReason: String, Sendable, Hashable, Codable {
        /// No request came within the idle time-out.
        case idleTimeout
        /// The absolute time-out passed since login.
        case absoluteTimeout
        /// The person logged out.
        case loggedOut
        /// The server ended it: password changed, account deactivated, sessions closed by an
        /// administrator.
        case revoked
    }

    public enum State: Sendable, Hashable, Codable {
        case active
        case ended(EndReason, at: Date)
    }

    public let policy: Policy
    /// The login time.
    public let createdAt: Date
    /// The time of the latest request, never earlier than `createdAt`.
    public private(set) var lastSeenAt: Date
    public private(set) var state: State

    /// Starts a session at login.
    public init(createdAt: Date, policy: Policy = Policy()) {
        self.init(createdAt: createdAt, lastSeenAt: createdAt, state: .active, policy: policy)
    }

    /// Restores a session that the database stored.
    public init(createdAt: Date, lastSeenAt: Date, state: State, policy: Policy = Policy()) {
        self.policy = policy
        self.createdAt = createdAt
        self.lastSeenAt = max(lastSeenAt, createdAt)
        self.state = state
    }

    public var isActive: Bool { state == .active }

    /// The instant at which the session ends unless another request comes first.
    public var idleDeadline: Date { lastSeenAt.addingTimeInterval(policy.idleTimeout) }
    /// The instant at which the session ends, however many requests come before it.
    public var absoluteDeadline: Date { createdAt.addingTimeInterval(policy.absoluteTimeout) }
    /// The earlier of the two deadlines: the time to store for a sweep of ended sessions.
    public var expiresAt: Date { min(idleDeadline, absoluteDeadline) }

    // MARK: Events

    /// Records a request at `now`, and ends the session first if a time-out has passed.
    ///
    /// A time-out passes at its deadline: a request exactly 30 minutes after the last one
    /// finds the session ended. A `now` earlier than `lastSeenAt`, from a clock that stepped
    /// back, leaves `lastSeenAt` as it is. An ended session stays as it is.
    @discardableResult
    public mutating func touch(at now: Date) -> State {
        guard isActive else { return state }
        if let timeOut = timeOut(at: now) {
            state = timeOut
        } else if now > lastSeenAt {
            lastSeenAt = now
        }
        return state
    }

    /// Ends the session if a time-out has passed at `now`, without recording a request: the
    /// event of a sweep that runs between requests.
    @discardableResult
    public mutating func expire(at now: Date) -> State {
        guard isActive else { return state }
        if let timeOut = timeOut(at: now) {
            state = timeOut
        }
        return state
    }

    /// Ends the session because the person logged out, unless it had already ended.
    @discardableResult
    public mutating func logout(at now: Date) -> State {
        end(.loggedOut, at: now)
    }

    /// Ends the session on the server's decision, unless it had already ended.
    @discardableResult
    public mutating func revoke(at now: Date) -> State {
        end(.revoked, at: now)
    }

    // MARK: Helpers

    /// Returns the ended state that a time-out gives at `now`, or nil while both deadlines
    /// lie ahead. When both have passed, the earlier one is the reason.
    private func timeOut(at now: Date) -> State? {
        let deadline = expiresAt
        guard now >= deadline else { return nil }
        let reason: EndReason =
            absoluteDeadline <= idleDeadline ? .absoluteTimeout : .idleTimeout
        return .ended(reason, at: deadline)
    }

    /// Ends the active session with `reason`, unless a time-out ended it first.
    private mutating func end(_ reason: EndReason, at now: Date) -> State {
        guard isActive else { return state }
        state = timeOut(at: now) ?? .ended(reason, at: now)
        return state
    }
}
