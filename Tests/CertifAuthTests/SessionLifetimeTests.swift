import CertifAuth
import Foundation
import Testing

@Suite("SessionLifetime")
struct SessionLifetimeTests {
    /// 2026-01-05 08:00:00 UTC.
    static let login = Date(timeIntervalSince1970: 1_767_600_000)

    static func at(_ seconds: TimeInterval) -> Date {
        login.addingTimeInterval(seconds)
    }

    @Test("new session is active")
    func newSession() {
        let session = SessionLifetime(createdAt: Self.login)

        #expect(session.state == .active)
        #expect(session.lastSeenAt == Self.login)
        #expect(session.expiresAt == Self.at(30 * 60))
        #expect(session.absoluteDeadline == Self.at(12 * 3600))
    }

    @Test("touch moves idle deadline")
    func touchKeepsActive() {
        var session = SessionLifetime(createdAt: Self.login)

        let state = session.touch(at: Self.at(29 * 60))

        #expect(state == .active)
        #expect(session.lastSeenAt == Self.at(29 * 60))
        #expect(session.idleDeadline == Self.at(59 * 60))
    }

    @Test("idle expiry at deadline")
    func idleExpiryAtDeadline() {
        var session = SessionLifetime(createdAt: Self.login)
        session.touch(at: Self.at(10 * 60))

        let state = session.touch(at: Self.at(40 * 60))

        #expect(state == .ended(.idleTimeout, at: Self.at(40 * 60)))
        #expect(session.lastSeenAt == Self.at(10 * 60))
    }

    @Test("idle expiry records deadline")
    func idleExpiryRecordsDeadline() {
        var session = SessionLifetime(createdAt: Self.login)

        let state = session.touch(at: Self.at(3 * 3600))

        #expect(state == .ended(.idleTimeout, at: Self.at(30 * 60)))
    }

    @Test("one second before idle deadline")
    func justBeforeIdleDeadline() {
        var session = SessionLifetime(createdAt: Self.login)

        let state = session.touch(at: Self.at(30 * 60 - 1))

        #expect(state == .active)
    }

    @Test("absolute expiry despite activity")
    func absoluteExpiry() {
        var session = SessionLifetime(createdAt: Self.login)
        // A request every 20 minutes, the last one 11 h 40 min after login.
        for minute in stride(from: 20, through: 700, by: 20) {
            session.touch(at: Self.at(TimeInterval(minute * 60)))
        }
        let beforeDeadline = session.state

        let state = session.touch(at: Self.at(12 * 3600))

        #expect(beforeDeadline == .active)
        #expect(state == .ended(.absoluteTimeout, at: Self.at(12 * 3600)))
    }

    @Test("absolute deadline wins when earlier")
    func absoluteBeforeIdle() {
        let policy = SessionLifetime.Policy(idleTimeout: 3600, absoluteTimeout: 2 * 3600)
        var session = SessionLifetime(createdAt: Self.login, policy: policy)
        session.touch(at: Self.at(50 * 60))
        session.touch(at: Self.at(100 * 60))

        // Both deadlines have passed at 3 h: the absolute one (2 h) came before the idle one
        // (2 h 40 min).
        let state = session.touch(at: Self.at(3 * 3600))

        #expect(state == .ended(.absoluteTimeout, at: Self.at(2 * 3600)))
    }

    @Test("logout ends session")
    func logout() {
        var session = SessionLifetime(createdAt: Self.login)

        let state = session.logout(at: Self.at(60))

        #expect(state == .ended(.loggedOut, at: Self.at(60)))
        #expect(!session.isActive)
    }

    @Test("touch after logout changes nothing")
    func touchAfterLogout() {
        var session = SessionLifetime(createdAt: Self.login)
        session.logout(at: Self.at(60))

        let state = session.touch(at: Self.at(120))

        #expect(state == .ended(.loggedOut, at: Self.at(60)))
        #expect(session.lastSeenAt == Self.login)
    }

    @Test("logout after idle keeps time-out")
    func logoutAfterIdle() {
        var session = SessionLifetime(createdAt: Self.login)

        let state = session.logout(at: Self.at(45 * 60))

        #expect(state == .ended(.idleTimeout, at: Self.at(30 * 60)))
    }

    @Test("revoke ends session")
    func revoke() {
        var session = SessionLifetime(createdAt: Self.login)

        let state = session.revoke(at: Self.at(5 * 60))

        #expect(state == .ended(.revoked, at: Self.at(5 * 60)))
    }

    @Test("expire before deadline changes nothing")
    func expireEarly() {
        var session = SessionLifetime(createdAt: Self.login)

        let state = session.expire(at: Self.at(20 * 60))

        #expect(state == .active)
        #expect(session.lastSeenAt == Self.login)
    }

    @Test("expire after deadline ends session")
    func expireLate() {
        var session = SessionLifetime(createdAt: Self.login)
        session.touch(at: Self.at(15 * 60))

        let state = session.expire(at: Self.at(2 * 3600))

        #expect(state == .ended(.idleTimeout, at: Self.at(45 * 60)))
    }

    @Test("clock stepping back keeps last request")
    func clockStepsBack() {
        var session = SessionLifetime(createdAt: Self.login)
        session.touch(at: Self.at(20 * 60))

        let state = session.touch(at: Self.at(10 * 60))

        #expect(state == .active)
        #expect(session.lastSeenAt == Self.at(20 * 60))
    }

    @Test("custom time-outs apply")
    func customPolicy() {
        let policy = SessionLifetime.Policy(idleTimeout: 5 * 60, absoluteTimeout: 3600)
        var session = SessionLifetime(createdAt: Self.login, policy: policy)

        let state = session.touch(at: Self.at(5 * 60))

        #expect(state == .ended(.idleTimeout, at: Self.at(5 * 60)))
    }

    @Test("restored session keeps its state")
    func restore() throws {
        var session = SessionLifetime(createdAt: Self.login)
        session.touch(at: Self.at(25 * 60))

        let data = try JSONEncoder().encode(session)
        var restored = try JSONDecoder().decode(SessionLifetime.self, from: data)

        #expect(restored == session)
        #expect(restored.touch(at: Self.at(50 * 60)) == .active)
        #expect(restored.touch(at: Self.at(80 * 60)) == .ended(.idleTimeout, at: Self.at(80 * 60)))
    }

    @Test("restoring clamps last request to login")
    func restoreClamps() {
        let session = SessionLifetime(
            createdAt: Self.login,
            lastSeenAt: Self.at(-60),
            state: .active
        )

        #expect(session.lastSeenAt == Self.login)
    }
}
