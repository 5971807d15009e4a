import CertifAuth
import CertifDomain
import Foundation
import Testing

@testable import CertifStore

@Suite("Accounts")
struct AccountStoreTests {
    @Test("account created with normalised login")
    func accountCreated() throws {
        try withTemporaryStore { store, _ throws in
            let account = try store.createAccount(
                login: "  Marie.Dupont ",
                displayName: " Marie Dupont ",
                role: officer("53"),
                passwordHash: sampleHash,
                actor: tester
            )

            #expect(account.login == "marie.dupont")
            #expect(account.displayName == "Marie Dupont")
            #expect(account.role == officer("53"))
            #expect(account.isActive)
            #expect(try store.account(id: account.id) == account)
            #expect(try store.account(login: "MARIE.DUPONT")?.account == account)
            #expect(try store.account(login: "MARIE.DUPONT")?.passwordHash == sampleHash)
            #expect(try store.account(login: "jean.martin") == nil)
            #expect(try store.accounts() == [account])
            #expect(try store.accountCount() == 1)
            let audit = try store.auditLog()
            #expect(audit.map(\.action) == [.accountCreate])
            #expect(audit[0].entity == "account")
            #expect(audit[0].entityID == account.id.description)
            #expect(audit[0].after?.contains("\"login\":\"marie.dupont\"") == true)
        }
    }

    @Test("login unique after normalisation", arguments: ["marie.dupont", " MARIE.Dupont\t"])
    func loginUniqueAfterNormalisation(_ second: String) throws {
        try withTemporaryStore { store, _ throws in
            _ = try store.addAccount("Marie.Dupont")

            let error = #expect(throws: StoreError.self) {
                try store.addAccount(second)
            }

            #expect(error?.code == .loginTaken)
            #expect(error?.message.contains("marie.dupont") == true)
            #expect(try store.accountCount() == 1)
            #expect(try store.auditCount(.accountCreate) == 1)
        }
    }

    @Test("decomposed accent is the same login")
    func decomposedAccentSameLogin() throws {
        try withTemporaryStore { store, _ throws in
            _ = try store.addAccount("h\u{E9}l\u{E8}ne")

            let error = #expect(throws: StoreError.self) {
                try store.addAccount("He\u{301}le\u{300}ne")
            }

            #expect(error?.code == .loginTaken)
            #expect(try store.account(login: "HE\u{301}LE\u{300}NE") != nil)
        }
    }

    @Test(
        "invalid account rejected",
        arguments: [
            ("", "Marie Dupont", officer("53"), sampleHash, "the login is empty"),
            ("marie dupont", "Marie Dupont", officer("53"), sampleHash, "contains a space"),
            ("marie", "  ", officer("53"), sampleHash, "the display name is empty"),
            ("marie", "Marie\nDupont", officer("53"), sampleHash, "control or format"),
            ("marie", "Marie Dupont", officer("99"), sampleHash, "territory 99 is not one"),
            ("marie", "Marie Dupont", officer("987"), sampleHash, "territory 987 is not one"),
            ("marie", "Marie Dupont", officer("53"), "secret-password", "not an Argon2id"),
            ("marie", "Marie Dupont", officer("53"), "$argon2i$v=19$m=4096", "not an Argon2id"),
        ]
    )
    func invalidAccountRejected(
        login: String,
        displayName: String,
        role: Role,
        passwordHash: String,
        expected: String
    ) throws {
        try withTemporaryStore { store, _ throws in
            let error = #expect(throws: StoreError.self) {
                try store.createAccount(
                    login: login,
                    displayName: displayName,
                    role: role,
                    passwordHash: passwordHash,
                    actor: tester
                )
            }

            #expect(error?.code == .invalidRequest)
            #expect(error?.message.contains(expected) == true)
            #expect(error?.message.contains("secret-password") == false)
            #expect(try store.accountCount() == 0)
            #expect(try store.auditLog().isEmpty)
        }
    }

    @Test("too long login rejected")
    func tooLongLoginRejected() throws {
        try withTemporaryStore { store, _ throws in
            let login = String(repeating: "a", count: CertifStore.maxLoginLength + 1)

            let error = #expect(throws: StoreError.self) { try store.addAccount(login) }

            #expect(error?.code == .invalidRequest)
            #expect(error?.message.contains("maximum of \(CertifStore.maxLoginLength)") == true)
            #expect(try store.addAccount(String(login.dropFirst())).login.count == 60)
        }
    }

    @Test("every role round-trips", arguments: [Role.nationalAdministrator, .nationalReader])
    func everyRoleRoundTrips(_ role: Role) throws {
        try withTemporaryStore { store, _ throws in
            let officerAccount = try store.addAccount("officer", role: officer("975"))
            let account = try store.addAccount("person", role: role)

            #expect(try store.account(id: account.id)?.role == role)
            #expect(try store.account(id: officerAccount.id)?.role == officer("975"))
        }
    }

    @Test("password change ends sessions")
    func passwordChangeEndsSessions() throws {
        try withTemporaryStore { store, _ throws in
            let account = try store.addAccount("marie", role: officer("53"))
            let other = try store.addAccount("jean", role: officer("53"))
            let first = try store.startSession(for: account)
            let second = try store.startSession(for: account)
            let othersSession = try store.startSession(for: other)

            let ended = try store.setPassword(
                accountID: account.id,
                passwordHash: otherSampleHash,
                actor: .web(account)
            )

            #expect(ended == 2)
            for tokenHash in [first, second] {
                let lifetime = try store.webSession(tokenHash: tokenHash)?.lifetime
                guard case .ended(let reason, _) = lifetime?.state else {
                    Issue.record("session still active: \(String(describing: lifetime))")
                    continue
                }
                #expect(reason == .revoked)
            }
            #expect(try store.webSession(tokenHash: othersSession)?.lifetime.isActive == true)
            #expect(try store.account(login: "marie")?.passwordHash == otherSampleHash)
            let audit = try store.auditLog()
            #expect(audit[0].action == .accountPassword)
            #expect(audit[0].actor == "web:marie")
            #expect(audit[0].after?.contains("\"endedWebSessions\":2") == true)
        }
    }

    @Test("password change of unknown account")
    func passwordChangeOfUnknownAccount() throws {
        try withTemporaryStore { store, _ throws in
            let error = #expect(throws: StoreError.self) {
                try store.setPassword(
                    accountID: AccountID(404),
                    passwordHash: sampleHash,
                    actor: tester
                )
            }

            #expect(error?.code == .accountNotFound)
            #expect(error?.message.contains("404") == true)
        }
    }

    @Test("rehash keeps sessions")
    func rehashKeepsSessions() throws {
        try withTemporaryStore { store, _ throws in
            let account = try store.addAccount("marie")
            let before = try store.account(login: "marie")
            let session = try store.startSession(for: account)

            try store.rehashPassword(
                accountID: account.id,
                passwordHash: otherSampleHash,
                actor: .web(account)
            )

            let after = try store.account(login: "marie")
            #expect(after?.passwordHash == otherSampleHash)
            #expect(after?.passwordChangedAt == before?.passwordChangedAt)
            #expect(try store.webSession(tokenHash: session)?.lifetime.isActive == true)
            #expect(try store.auditCount(.accountRehash) == 1)
        }
    }

    @Test("deactivation ends sessions")
    func deactivationEndsSessions() throws {
        try withTemporaryStore { store, _ throws in
            _ = try store.addAccount("admin")
            let account = try store.addAccount("marie", role: officer("53"))
            let session = try store.startSession(for: account)

            let changed = try store.setActive(accountID: account.id, active: false, actor: tester)
            let unchanged = try store.setActive(accountID: account.id, active: false, actor: tester)

            #expect(changed)
            #expect(!unchanged)
            #expect(try store.account(id: account.id)?.isActive == false)
            let lifetime = try store.webSession(tokenHash: session)?.lifetime
            #expect(lifetime?.isActive == false)
            #expect(try store.auditCount(.accountDeactivate) == 1)
            let entry = try store.auditLog()[0]
            #expect(entry.before?.contains("\"isActive\":true") == true)
            #expect(entry.after?.contains("\"isActive\":false") == true)
        }
    }

    @Test("inactive account cannot log in")
    func inactiveAccountCannotLogIn() throws {
        try withTemporaryStore { store, _ throws in
            _ = try store.addAccount("admin")
            let account = try store.addAccount("marie", role: officer("53"))
            try store.setActive(accountID: account.id, active: false, actor: tester)

            let error = #expect(throws: StoreError.self) {
                try store.startSession(for: account)
            }

            #expect(error?.code == .accountInactive)
            #expect(try store.account(login: "marie")?.account.isActive == false)
            #expect(try store.auditCount(.accountLogin) == 0)
        }
    }

    @Test("last administrator stays active")
    func lastAdministratorStaysActive() throws {
        try withTemporaryStore { store, _ throws in
            let first = try store.addAccount("first")
            let second = try store.addAccount("second")
            try store.setActive(accountID: second.id, active: false, actor: tester)

            let error = #expect(throws: StoreError.self) {
                try store.setActive(accountID: first.id, active: false, actor: tester)
            }
            try store.setActive(accountID: second.id, active: true, actor: tester)
            try store.setActive(accountID: first.id, active: false, actor: tester)

            #expect(error?.code == .invalidRequest)
            #expect(error?.message.contains("last active national administrator") == true)
            #expect(try store.account(id: first.id)?.isActive == false)
            #expect(try store.auditCount(.accountActivate) == 1)
        }
    }

    @Test("credentials hide the hash")
    func credentialsHideHash() throws {
        try withTemporaryStore { store, _ throws in
            _ = try store.addAccount("marie")
            let credentials = try #require(try store.account(login: "marie"))

            var dumped = ""
            dump(credentials, to: &dumped)

            #expect(!String(describing: credentials).contains("argon2"))
            #expect(!String(reflecting: credentials).contains("argon2"))
            #expect(!dumped.contains("argon2"))
            #expect(dumped.contains("marie"))
        }
    }
}
