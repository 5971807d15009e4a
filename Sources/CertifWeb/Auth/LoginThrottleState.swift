import CertifAuth
import Foundation

/// The login throttle of the running server, in memory: a restart forgets the failures,
/// which costs an attacker a restart he cannot cause.
final class LoginThrottleState: @unchecked Sendable {
    // Sendable because `throttle` is only touched under `lock`.
    private let lock = NSLock()
    private var throttle: LoginThrottle
    private var attemptsSincePrune = 0

    init(policy: LoginThrottlePolicy) {
        throttle = LoginThrottle(policy: policy)
    }

    func decision(login: String, address: String, at now: Date) -> LoginDecision {
        lock.lock()
        defer { lock.unlock() }
        attemptsSincePrune += 1
        if attemptsSincePrune >= 1000 {
            throttle.prune(at: now)
            attemptsSincePrune = 0
        }
        return throttle.decision(account: login, address: address, at: now)
    }

    func recordFailure(login: String, address: String, at now: Date) {
        lock.lock()
        defer { lock.unlock() }
        throttle.recordFailure(account: login, address: address, at: now)
    }

    func recordSuccess(login: String, address: String, at now: Date) {
        lock.lock()
        defer { lock.unlock() }
        throttle.recordSuccess(account: login, address: address, at: now)
    }
}
