import CertifAuth
import Foundation
import Testing

@testable import CertifStore

@Suite("Web sessions")
struct WebSessionStoreTests {
    @Test("session stored and read back")
    func sessionStoredAndRead() throws {
        try withTemporaryStore { store, _ throws in
            let account = try store.addAccount("marie", role: officer("53"))
            let tokenHash = try SessionToken.generate().hash()
            let secret = try CSRFSecret.generate()
            let policy = SessionLifetime.Policy(idleTimeout: 600, absoluteTimeout: 7200)

            try store.createWebSession(
                tokenHash: tokenHash,
                accountID: account.id,
                csrfSecret: secret,
                lifetime: SessionLifetime(createdAt: loginTime, policy: policy),
                remoteAddress: "2001:db8::1\u{1B}[2J"
            )

            let stored = try #require(try store.webSession(tokenHash: tokenHash))
            #expect(stored.account == account)
            #expect(stored.session.accountID == account.id)
            #expect(stored.session.tokenHash == tokenHash)
            #expect(stored.session.csrfSecret.storedText == secret.storedText)
            #expect(stored.session.remoteAddress == "2001:db8::1?[2J")
            #expect(stored.lifetime == SessionLifetime(createdAt: loginTime, policy: policy))
            let other = try SessionToken.generate().hash()
            #expect(try store.webSession(tokenHash: other) == nil)
            let audit = try store.auditLog()
            #expect(audit.map(\.action) == [.accountLogin, .accountCreate])
            #expect(audit[0].actor == "web:marie")
            #expect(audit[0].entityID == account.id.description)
            #expect(audit[0].after == #"{"remoteAddress":"2001:db8::1?[2J"}"#)
        }
    }

    @Test("touch moves the idle deadline")
    func touchMovesIdleDeadline() throws {
        try withTemporaryStore { store, _ throws in
            let account = try store.addAccount("marie")
            let tokenHash = try store.startSession(for: account)

            let touched = try store.touchWebSession(
                tokenHash: tokenHash,
                at: loginTime + 29 * 60
            )
            let later = try store.touchWebSession(tokenHash: tokenHash, at: loginTime + 58 * 60)

            #expect(touched?.isActive == true)
            #expect(touched?.lastSeenAt == loginTime + 29 * 60)
            #expect(later?.isActive == true)
            let stored = try store.webSession(tokenHash: tokenHash)?.lifetime
            #expect(stored?.lastSeenAt == loginTime + 58 * 60)
            #expect(stored?.idleDeadline == loginTime + 88 * 60)
            let expiresAt = try store.database.query(
                "SELECT expires_at FROM web_sessions WHERE token_hash = \(tokenHash.hex)"
            )[0].string("expires_at")
            #expect(expiresAt == "2025-06-15T16:41:20.000Z")
        }
    }

    @Test("touch after idle time-out ends session")
    func touchAfterIdleTimeOut() throws {
        try withTemporaryStore { store, _ throws in
            let account = try store.addAccount("marie")
            let tokenHash = try store.startSession(for: account)
            try store.touchWebSession(tokenHash: tokenHash, at: loginTime + 10 * 60)

            let lifetime = try store.touchWebSession(
                tokenHash: tokenHash,
                at: loginTime + 40 * 60
            )
            let again = try store.touchWebSession(tokenHash: tokenHash, at: loginTime + 41 * 60)

            let idleEnd = loginTime + 40 * 60
            #expect(lifetime?.state == .ended(.idleTimeout, at: idleEnd))
            #expect(again?.state == .ended(.idleTimeout, at: idleEnd))
            #expect(again?.lastSeenAt == loginTime + 10 * 60)
            let row = try store.database.query(
                "SELECT ended_at, end_reason FROM web_sessions WHERE token_hash = \(tokenHash.hex)"
            )[0]
            #expect(try row.string("ended_at") == "2025-06-15T15:53:20.000Z")
            #expect(try row.string("end_reason") == "idleTimeout")
        }
    }

    @Test("touch after absolute time-out ends session")
    func touchAfterAbsoluteTimeOut() throws {
        try withTemporaryStore { store, _ throws in
            let account = try store.addAccount("marie")
            let tokenHash = try store.startSession(for: account)
            for minutes in stride(from: 20, through: 700, by: 20) {
                try store.touchWebSession(
                    tokenHash: tokenHash,
                    at: loginTime + Double(minutes) * 60
                )
            }

            let lifetime = try store.touchWebSession(
                tokenHash: tokenHash,
                at: loginTime + 720 * 60
            )

            #expect(lifetime?.state == .ended(.absoluteTimeout, at: loginTime + 12 * 3600))
            #expect(lifetime?.lastSeenAt == loginTime + 700 * 60)
        }
    }

    @Test("touch of unknown session")
    func touchOfUnknownSession() throws {
        try withTemporaryStore { store, _ throws in
            let tokenHash = try SessionToken.generate().hash()

            #expect(try store.touchWebSession(tokenHash: tokenHash, at: loginTime) == nil)
            #expect(
                try store.endWebSession(tokenHash: tokenHash, reason: .loggedOut, at: loginTime)
                    == nil
            )
        }
    }

    @Test("logout ends session and is audited")
    func logoutEndsSession() throws {
        try withTemporaryStore { store, _ throws in
            let account = try store.addAccount("marie")
            let tokenHash = try store.startSession(for: account)

            let lifetime = try store.endWebSession(
                tokenHash: tokenHash,
                reason: .loggedOut,
                at: loginTime + 60
            )
            let again = try store.endWebSession(
                tokenHash: tokenHash,
                reason: .loggedOut,
                at: loginTime + 120
            )

            #expect(lifetime?.state == .ended(.loggedOut, at: loginTime + 60))
            #expect(again?.state == .ended(.loggedOut, at: loginTime + 60))
            #expect(
                try store.touchWebSession(tokenHash: tokenHash, at: loginTime + 180)?.isActive
                    == false
            )
            let audit = try store.auditLog()
            #expect(audit.map(\.action) == [.accountLogout, .accountLogin, .accountCreate])
            #expect(audit[0].actor == "web:marie")
            #expect(audit[0].after == #"{"remoteAddress":"192.0.2.10"}"#)
        }
    }

    @Test("logout after time-out is not audited")
    func logoutAfterTimeOut() throws {
        try withTemporaryStore { store, _ throws in
            let account = try store.addAccount("marie")
            let tokenHash = try store.startSession(for: account)

            let lifetime = try store.endWebSession(
                tokenHash: tokenHash,
                reason: .loggedOut,
                at: loginTime + 3600
            )

            #expect(lifetime?.state == .ended(.idleTimeout, at: loginTime + 1800))
            #expect(try store.auditCount(.accountLogout) == 0)
        }
    }

    @Test("time-out reason waits for deadline")
    func timeOutReasonWaitsForDeadline() throws {
        try withTemporaryStore { store, _ throws in
            let account = try store.addAccount("marie")
            let tokenHash = try store.startSession(for: account)

            let early = try store.endWebSession(
                tokenHash: tokenHash,
                reason: .idleTimeout,
                at: loginTime + 60
            )
            let late = try store.endWebSession(
                tokenHash: tokenHash,
                reason: .idleTimeout,
                at: loginTime + 1800
            )

            #expect(early?.isActive == true)
            #expect(late?.state == .ended(.idleTimeout, at: loginTime + 1800))
        }
    }

    @Test("sweep ends expired sessions only")
    func sweepEndsExpiredSessions() throws {
        try withTemporaryStore { store, _ throws in
            let account = try store.addAccount("marie")
            let idle = try store.startSession(for: account, at: loginTime)
            let recent = try store.startSession(for: account, at: loginTime + 1200)
            let loggedOut = try store.startSession(for: account, at: loginTime)
            try store.endWebSession(tokenHash: loggedOut, reason: .loggedOut, at: loginTime + 5)

            let first = try store.endExpiredWebSessions(at: loginTime + 1800)
            let second = try store.endExpiredWebSessions(at: loginTime + 1900)

            #expect(first == 1)
            #expect(second == 0)
            let idleState = try store.webSession(tokenHash: idle)?.lifetime.state
            #expect(idleState == .ended(.idleTimeout, at: loginTime + 1800))
            #expect(try store.webSession(tokenHash: recent)?.lifetime.isActive == true)
            let loggedOutState = try store.webSession(tokenHash: loggedOut)?.lifetime.state
            #expect(loggedOutState == .ended(.loggedOut, at: loginTime + 5))
            #expect(try store.auditCount(.accountLogout) == 1)
        }
    }

    @Test("ended lifetime cannot start session")
    func endedLifetimeRejected() throws {
        try withTemporaryStore { store, _ throws in
            let account = try store.addAccount("marie")
            var lifetime = SessionLifetime(createdAt: loginTime)
            lifetime.logout(at: loginTime + 1)

            let error = #expect(throws: StoreError.self) {
                try store.createWebSession(
                    tokenHash: try SessionToken.generate().hash(),
                    accountID: account.id,
                    csrfSecret: try CSRFSecret.generate(),
                    lifetime: lifetime,
                    remoteAddress: "192.0.2.10"
                )
            }

            #expect(error?.code == .invalidRequest)
            #expect(try store.rowCount("web_sessions") == 0)
        }
    }
}
