import CertifAuth
import Foundation
import Testing

@Suite("LoginThrottle")
struct LoginThrottleTests {
    /// 2026-01-05 08:00:00 UTC.
    static let start = Date(timeIntervalSince1970: 1_767_600_000)
    static let address = "192.0.2.10"

    static func at(_ seconds: TimeInterval) -> Date {
        start.addingTimeInterval(seconds)
    }

    /// Returns a throttle with the failures of "marie.dupont" from `address` at `seconds`.
    static func failing(at seconds: [TimeInterval]) -> LoginThrottle {
        var throttle = LoginThrottle()
        for second in seconds {
            throttle.recordFailure(account: "marie.dupont", address: address, at: at(second))
        }
        return throttle
    }

    static func decision(_ throttle: LoginThrottle, at seconds: TimeInterval) -> LoginDecision {
        throttle.decision(account: "marie.dupont", address: address, at: at(seconds))
    }

    @Test("first attempt allowed")
    func firstAttempt() {
        #expect(Self.decision(LoginThrottle(), at: 0) == .allow)
    }

    @Test("one failure causes no wait")
    func oneFailure() {
        let throttle = Self.failing(at: [0])

        #expect(Self.decision(throttle, at: 0) == .allow)
    }

    @Test("second failure delays one second")
    func secondFailure() {
        let throttle = Self.failing(at: [0, 10])

        #expect(Self.decision(throttle, at: 10) == .delay(retryAfter: 1))
        #expect(Self.decision(throttle, at: 10.25) == .delay(retryAfter: 0.75))
        #expect(Self.decision(throttle, at: 11) == .allow)
    }

    @Test("delays double until lock")
    func doublingDelays() {
        let third = Self.failing(at: [0, 10, 20])
        let fourth = Self.failing(at: [0, 10, 20, 30])

        #expect(Self.decision(third, at: 20) == .delay(retryAfter: 2))
        #expect(Self.decision(third, at: 22) == .allow)
        #expect(Self.decision(fourth, at: 30) == .delay(retryAfter: 4))
        #expect(Self.decision(fourth, at: 34) == .allow)
    }

    @Test("fifth failure locks account")
    func accountLock() {
        let throttle = Self.failing(at: [0, 10, 20, 30, 40])

        #expect(Self.decision(throttle, at: 40) == .reject(retryAfter: 900, scope: .account))
        #expect(Self.decision(throttle, at: 100) == .reject(retryAfter: 840, scope: .account))
        #expect(Self.decision(throttle, at: 939) == .reject(retryAfter: 1, scope: .account))
        #expect(Self.decision(throttle, at: 940) == .allow)
    }

    @Test("account lock holds from every address")
    func lockFromOtherAddress() {
        let throttle = Self.failing(at: [0, 10, 20, 30, 40])

        let decision = throttle.decision(
            account: "marie.dupont",
            address: "198.51.100.7",
            at: Self.at(50)
        )

        #expect(decision == .reject(retryAfter: 890, scope: .account))
    }

    @Test("lock leaves other accounts alone")
    func otherAccount() {
        let throttle = Self.failing(at: [0, 10, 20, 30, 40])

        let decision = throttle.decision(
            account: "jean.martin",
            address: Self.address,
            at: Self.at(50)
        )

        #expect(decision == .allow)
    }

    @Test("failures slide out of window")
    func slidingWindow() {
        // The first failure is exactly 15 minutes old at the fifth, so only four count.
        let agedOut = Self.failing(at: [0, 1, 2, 3, 900])
        let stillIn = Self.failing(at: [0, 1, 2, 3, 899])

        #expect(Self.decision(agedOut, at: 900) == .delay(retryAfter: 4))
        #expect(Self.decision(stillIn, at: 899) == .reject(retryAfter: 900, scope: .account))
    }

    @Test("failure after lock starts afresh")
    func afterLock() {
        var throttle = Self.failing(at: [0, 10, 20, 30, 40])

        throttle.recordFailure(account: "marie.dupont", address: Self.address, at: Self.at(940))

        #expect(Self.decision(throttle, at: 940) == .allow)
    }

    @Test("twenty failures lock address")
    func addressLock() {
        var throttle = LoginThrottle()
        for index in 0..<20 {
            throttle.recordFailure(
                account: "compte\(index)",
                address: Self.address,
                at: Self.at(TimeInterval(index * 10))
            )
        }

        let sameAddress = throttle.decision(
            account: "nouveau",
            address: Self.address,
            at: Self.at(190)
        )
        let otherAddress = throttle.decision(
            account: "nouveau",
            address: "198.51.100.7",
            at: Self.at(190)
        )
        let afterLock = throttle.decision(
            account: "nouveau",
            address: Self.address,
            at: Self.at(1090)
        )

        #expect(sameAddress == .reject(retryAfter: 900, scope: .address))
        #expect(otherAddress == .allow)
        #expect(afterLock == .allow)
    }

    @Test("nineteen failures leave address open")
    func belowAddressLimit() {
        var throttle = LoginThrottle()
        for index in 0..<19 {
            throttle.recordFailure(account: "compte\(index)", address: Self.address, at: Self.at(0))
        }

        let decision = throttle.decision(account: "nouveau", address: Self.address, at: Self.at(1))

        #expect(decision == .allow)
    }

    @Test("longer lock wins when both apply")
    func bothLocks() {
        var throttle = LoginThrottle()
        for index in 0..<15 {
            throttle.recordFailure(account: "compte\(index)", address: Self.address, at: Self.at(0))
        }
        for second in [100.0, 110, 120, 130, 140] {
            throttle.recordFailure(
                account: "marie.dupont",
                address: Self.address,
                at: Self.at(second)
            )
        }

        // The address and the account both reached their limit at 140 s, so both locks end at
        // 1040 s. A later failure of the account from another address extends its lock.
        throttle.recordFailure(account: "marie.dupont", address: "198.51.100.7", at: Self.at(200))

        #expect(Self.decision(throttle, at: 300) == .reject(retryAfter: 800, scope: .account))
    }

    @Test("success clears account failures")
    func successClearsAccount() {
        var throttle = Self.failing(at: [0, 10, 20, 30])

        throttle.recordSuccess(account: "marie.dupont", address: Self.address, at: Self.at(40))
        throttle.recordFailure(account: "marie.dupont", address: Self.address, at: Self.at(50))

        #expect(Self.decision(throttle, at: 50) == .allow)
    }

    @Test("success keeps address failures")
    func successKeepsAddress() {
        var throttle = LoginThrottle()
        for index in 0..<19 {
            throttle.recordFailure(account: "compte\(index)", address: Self.address, at: Self.at(0))
        }

        throttle.recordSuccess(account: "marie.dupont", address: Self.address, at: Self.at(5))
        throttle.recordFailure(account: "compte19", address: Self.address, at: Self.at(10))

        #expect(Self.decision(throttle, at: 10) == .reject(retryAfter: 900, scope: .address))
    }

    @Test("logins compare without case or spaces")
    func loginNormalization() {
        var throttle = LoginThrottle()
        for login in [
            "Marie.Dupont", " marie.dupont", "MARIE.DUPONT ", "marie.dupont", "Marie.dupont",
        ] {
            throttle.recordFailure(account: login, address: Self.address, at: Self.at(0))
        }

        #expect(Self.decision(throttle, at: 1) == .reject(retryAfter: 899, scope: .account))
    }

    @Test(
        "address keys group IPv6 networks",
        arguments: [
            ("192.0.2.10", "192.0.2.10"),
            ("2001:db8:1:2:aaaa::1", "2001:db8:1:2::/64"),
            ("2001:0db8:0001:0002:bbbb:cccc:dddd:eeee", "2001:db8:1:2::/64"),
            ("::1", "0:0:0:0::/64"),
            ("::ffff:192.0.2.10", "192.0.2.10"),
            ("unix-socket", "unix-socket"),
        ]
    )
    func addressKeys(address: String, key: String) {
        #expect(LoginThrottle.addressKey(address) == key)
    }

    @Test("one IPv6 network shares a lock")
    func ipv6Network() {
        var throttle = LoginThrottle()
        for index in 0..<20 {
            throttle.recordFailure(
                account: "compte\(index)",
                address: "2001:db8:1:2::\(index + 1)",
                at: Self.at(0)
            )
        }

        let decision = throttle.decision(
            account: "nouveau",
            address: "2001:db8:1:2:ffff::9",
            at: Self.at(1)
        )

        #expect(decision == .reject(retryAfter: 899, scope: .address))
    }

    @Test("prune drops aged records")
    func prune() {
        var throttle = Self.failing(at: [0])
        var locked = Self.failing(at: [0, 10, 20, 30, 40])

        throttle.prune(at: Self.at(900))
        locked.prune(at: Self.at(900))

        #expect(throttle.state.accounts.isEmpty)
        #expect(throttle.state.addresses.isEmpty)
        #expect(locked.state.accounts["marie.dupont"]?.lockedUntil == Self.at(940))
        #expect(
            locked.state.accounts["marie.dupont"]?.failures == [
                Self.at(10), Self.at(20), Self.at(30), Self.at(40),
            ]
        )
    }

    @Test("failures kept up to the limit")
    func boundedFailures() {
        let throttle = Self.failing(at: (0..<12).map { TimeInterval($0) })

        #expect(throttle.state.accounts["marie.dupont"]?.failures.count == 5)
    }

    @Test("state JSON round trip")
    func stateCoding() throws {
        let throttle = Self.failing(at: [0, 10, 20])

        let data = try JSONEncoder().encode(throttle.state)
        let state = try JSONDecoder().decode(LoginThrottle.State.self, from: data)
        let restored = LoginThrottle(state: state)

        #expect(restored == throttle)
        #expect(Self.decision(restored, at: 21) == .delay(retryAfter: 1))
    }

    @Test("waits turned off")
    func noDelays() {
        var throttle = LoginThrottle(policy: LoginThrottlePolicy(delayFromFailure: 0))
        for second in [0.0, 1, 2, 3] {
            throttle.recordFailure(
                account: "marie.dupont",
                address: Self.address,
                at: Self.at(second)
            )
        }

        #expect(Self.decision(throttle, at: 3) == .allow)
    }

    @Test("messages are in French")
    func frenchMessages() {
        #expect(LoginDecision.allow.message == nil)
        #expect(
            LoginDecision.delay(retryAfter: 1.5).message
                == "Veuillez patienter 2 secondes avant de réessayer."
        )
        #expect(
            LoginDecision.delay(retryAfter: 1).message
                == "Veuillez patienter 1 seconde avant de réessayer."
        )
        #expect(
            LoginDecision.reject(retryAfter: 840, scope: .account).message
                == "Trop de tentatives de connexion. Réessayez dans 14 minutes."
        )
        #expect(
            LoginDecision.reject(retryAfter: 841, scope: .address).message
                == "Trop de tentatives de connexion. Réessayez dans 15 minutes."
        )
    }
}
