import CertifDomain
import Foundation

/// The throttle's decision on a login attempt.
public enum LoginDecision: Sendable, Hashable {
    /// Check the password.
    case allow
    /// Do not check the password yet: the account failed recently, and the next attempt is
    /// allowed `retryAfter` seconds from now.
    case delay(retryAfter: TimeInterval)
    /// Do not check the password: the account or the address is locked for `retryAfter`
    /// more seconds.
    case reject(retryAfter: TimeInterval, scope: LoginThrottle.Scope)

    /// The message in French for the login page, or nil for `allow`. It is the same whether or
    /// not an account has the login.
    public var message: String? {
        switch self {
        case .allow:
            return nil
        case .delay(let retryAfter):
            let seconds = Int(retryAfter.rounded(.up))
            return "Veuillez patienter \(French.count(seconds, "seconde")) avant de réessayer."
        case .reject(let retryAfter, _):
            let minutes = Int((retryAfter / 60).rounded(.up))
            return "Trop de tentatives de connexion. Réessayez dans"
                + " \(French.count(minutes, "minute"))."
        }
    }
}

/// Login throttling as a value: the recent failures per account and per remote address, and
/// the locks they caused. It does no I/O and reads no clock, so the same events at the same
/// times give the same decisions. The web layer keeps it in memory or in the database.
///
/// A failure counts within a window while it is less than the window's length old, so a
/// failure exactly 15 minutes old no longer counts. Accounts are keyed by
/// `Account.normalizedLogin(_:)`, whether or not an account has that login, and addresses by
/// `addressKey(_:)`.
///
/// NOTE: the number of keys is not capped. Each address can add at most
/// `addressFailureLimit` account keys per window, but many addresses together can add more, so
/// call `prune(at:)` regularly to drop what has aged out.
public struct LoginThrottle: Sendable, Hashable {
    /// The kind of key that a lock applies to.
    public enum Scope: String, Sendable, Hashable, Codable {
        case account
        case address
    }

    /// The failures of one account or address that still count, oldest first, and the end of
    /// its lock.
    public struct Record: Sendable, Hashable, Codable {
        /// At most the failure limit of the record's scope: older failures cannot change a
        /// decision.
        public internal(set) var failures: [Date] = []
        public internal(set) var lockedUntil: Date?
    }

    /// The records of every account and address: the part that the web layer stores.
    public struct State: Sendable, Hashable, Codable {
        public internal(set) var accounts: [String: Record] = [:]
        public internal(set) var addresses: [String: Record] = [:]

        public init() {}
    }

    public var policy: LoginThrottlePolicy
    public var state: State

    public init(policy: LoginThrottlePolicy = LoginThrottlePolicy(), state: State = State()) {
        self.policy = policy
        self.state = state
    }

    /// Decides whether a login attempt for `account` from `address` may check its password at
    /// `now`. A lock rejects the attempt. When both the account and the address are locked, the
    /// decision gives the longer lock.
    public func decision(account: String, address: String, at now: Date) -> LoginDecision {
        let accountRecord = current(.account, key: Account.normalizedLogin(account), at: now)
        let addressRecord = current(.address, key: Self.addressKey(address), at: now)
        var rejection: LoginDecision?
        var longestLock: TimeInterval = 0
        for (scope, record) in [(Scope.account, accountRecord), (.address, addressRecord)] {
            if let lockedUntil = record.lockedUntil, lockedUntil > now {
                let retryAfter = lockedUntil.timeIntervalSince(now)
                if retryAfter > longestLock {
                    longestLock = retryAfter
                    rejection = .reject(retryAfter: retryAfter, scope: scope)
                }
            }
        }
        if let rejection {
            return rejection
        }
        if let last = accountRecord.failures.last,
            let wait = policy.delay(afterFailures: accountRecord.failures.count)
        {
            let retryAt = last.addingTimeInterval(wait)
            if retryAt > now {
                return .delay(retryAfter: retryAt.timeIntervalSince(now))
            }
        }
        return .allow
    }

    /// Records a wrong password for `account` from `address` at `now`, and locks either when
    /// it reaches its limit. A failure recorded during a lock restarts that lock from `now`.
    public mutating func recordFailure(account: String, address: String, at now: Date) {
        let accountKey = Account.normalizedLogin(account)
        let addressKey = Self.addressKey(address)
        state.accounts[accountKey] = failed(
            current(.account, key: accountKey, at: now),
            .account,
            at: now
        )
        state.addresses[addressKey] = failed(
            current(.address, key: addressKey, at: now),
            .address,
            at: now
        )
    }

    /// Records a successful login, which clears the account's failures. The address keeps
    /// its failures, so one valid account does not reset a guessing run from that address.
    public mutating func recordSuccess(account: String, address: String, at now: Date) {
        state.accounts[Account.normalizedLogin(account)] = nil
    }

    /// Drops the failures that no longer count at `now`, the locks that have ended, and the
    /// records left empty.
    public mutating func prune(at now: Date) {
        state.accounts = pruned(state.accounts, .account, at: now)
        state.addresses = pruned(state.addresses, .address, at: now)
    }

    /// Returns the key of a remote address. An IPv4 address is kept as given, and so is the
    /// IPv4 address inside an IPv4-mapped IPv6 one. Any other IPv6 address gives its /64
    /// network ("2001:db8:1:2::/64"), because a provider commonly assigns a whole /64 to one
    /// customer. Text that is no IP address is kept as given.
    public static func addressKey(_ remoteAddress: String) -> String {
        var address = in6_addr()
        guard inet_pton(AF_INET6, remoteAddress, &address) == 1 else { return remoteAddress }
        let bytes = withUnsafeBytes(of: address) { Array($0) }
        let mappedPrefix: [UInt8] = Array(repeating: 0, count: 10) + [0xff, 0xff]
        if Array(bytes.prefix(12)) == mappedPrefix {
            return bytes.suffix(4).map { String($0) }.joined(separator: ".")
        }
        let groups = stride(from: 0, to: 8, by: 2).map { index in
            String(UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1]), radix: 16)
        }
        return groups.joined(separator: ":") + "::/64"
    }

    // MARK: Helpers

    private func limits(
        _ scope: Scope
    ) -> (failures: Int, window: TimeInterval, lockout: TimeInterval) {
        switch scope {
        case .account:
            return (policy.accountFailureLimit, policy.accountWindow, policy.accountLockout)
        case .address:
            return (policy.addressFailureLimit, policy.addressWindow, policy.addressLockout)
        }
    }

    /// Returns the stored record of `key`, without the failures and lock that have aged out
    /// at `now`.
    private func current(_ scope: Scope, key: String, at now: Date) -> Record {
        let stored: Record? =
            switch scope {
            case .account: state.accounts[key]
            case .address: state.addresses[key]
            }
        return (stored ?? Record()).current(window: limits(scope).window, at: now)
    }

    private func failed(_ record: Record, _ scope: Scope, at now: Date) -> Record {
        let limits = limits(scope)
        var record = record
        record.failures.append(now)
        record.failures = Array(record.failures.suffix(max(limits.failures, 1)))
        if record.failures.count >= limits.failures {
            let until = now.addingTimeInterval(limits.lockout)
            record.lockedUntil = max(record.lockedUntil ?? until, until)
        }
        return record
    }

    private func pruned(
        _ records: [String: Record],
        _ scope: Scope,
        at now: Date
    ) -> [String: Record] {
        let window = limits(scope).window
        return records.compactMapValues { record in
            let current = record.current(window: window, at: now)
            return current.failures.isEmpty && current.lockedUntil == nil ? nil : current
        }
    }
}

extension LoginThrottle.Record {
    /// Returns the record without the failures that are `window` or more old at `now` and
    /// without a lock that has ended.
    fileprivate func current(window: TimeInterval, at now: Date) -> Self {
        var record = self
        record.failures.removeAll { now.timeIntervalSince($0) >= window }
        if let lockedUntil, lockedUntil <= now {
            record.lockedUntil = nil
        }
        return record
    }
}
