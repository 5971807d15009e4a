import Foundation

/// The limits of login throttling, with durations in seconds.
///
/// By default an account is locked for 15 minutes after 5 failed logins within 15 minutes,
/// and a remote address after 20. Before the lock, each failure of an account from the second
/// on makes the next attempt wait: 1 second, then 2, then 4, doubling up to `maximumDelay`.
public struct LoginThrottlePolicy: Sendable, Hashable, Codable {
    /// Failures of one account within `accountWindow` that lock it.
    public var accountFailureLimit: Int
    public var accountWindow: TimeInterval
    /// How long an account stays locked, from the failure that locked it.
    public var accountLockout: TimeInterval
    /// Failures from one remote address, whatever the account, within `addressWindow` that
    /// lock the address.
    public var addressFailureLimit: Int
    public var addressWindow: TimeInterval
    public var addressLockout: TimeInterval
    /// The number of an account's failures within its window from which the next attempt
    /// must wait. 0 turns the waits off.
    public var delayFromFailure: Int
    /// The wait after failure number `delayFromFailure`; each further failure doubles it.
    public var firstDelay: TimeInterval
    public var maximumDelay: TimeInterval

    public init(
        accountFailureLimit: Int = 5,
        accountWindow: TimeInterval = 15 * 60,
        accountLockout: TimeInterval = 15 * 60,
        addressFailureLimit: Int = 20,
        addressWindow: TimeInterval = 15 * 60,
        addressLockout: TimeInterval = 15 * 60,
        delayFromFailure: Int = 2,
        firstDelay: TimeInterval = 1,
        maximumDelay: TimeInterval = 60
    ) {
        self.accountFailureLimit = accountFailureLimit
        self.accountWindow = accountWindow
        self.accountLockout = accountLockout
        self.addressFailureLimit = addressFailureLimit
        self.addressWindow = addressWindow
        self.addressLockout = addressLockout
        self.delayFromFailure = delayFromFailure
        self.firstDelay = firstDelay
        self.maximumDelay = maximumDelay
    }

    /// Returns the wait after the `failures`-th failure of an account in its window, or nil
    /// when that failure calls for none.
    func delay(afterFailures failures: Int) -> TimeInterval? {
        guard delayFromFailure > 0, failures >= delayFromFailure else { return nil }
        // Doubling stops at the maximum, well before the exponent could overflow.
        var wait = firstDelay
        for _ in delayFromFailure..<failures where wait < maximumDelay {
            wait *= 2
        }
        return min(wait, maximumDelay)
    }
}
