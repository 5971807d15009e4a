import CertifAuth
import Foundation
import Testing

@testable import CertifStore

@Suite("API tokens")
struct APITokenStoreTests {
    @Test("token found by its hash")
    func tokenFoundByHash() throws {
        try withTemporaryStore { store, _ throws in
            let account = try store.addAccount("asp", role: .nationalReader)
            let token = try APIToken.generate()

            let id = try store.createAPIToken(
                hash: try token.hash(),
                name: " ASP ",
                accountID: account.id,
                actor: tester
            )

            let presented = try #require(APIToken(text: token.text))
            let found = try #require(try store.apiToken(hash: try presented.hash()))
            #expect(found.token.id == id)
            #expect(found.token.name == "ASP")
            #expect(found.token.accountID == account.id)
            #expect(found.token.lastUsedAt == nil)
            #expect(!found.token.isRevoked)
            #expect(found.account == account)
            #expect(try store.apiToken(hash: try APIToken.generate().hash()) == nil)
            #expect(try store.apiTokens(accountID: account.id).map(\.id) == [id])
            #expect(try store.apiTokens().map(\.id) == [id])
            #expect(try store.apiTokens(accountID: AccountID(404)).isEmpty)
        }
    }

    @Test("token use is recorded")
    func tokenUseRecorded() throws {
        try withTemporaryStore { store, _ throws in
            let account = try store.addAccount("asp")
            let hash = try APIToken.generate().hash()
            let id = try store.createAPIToken(
                hash: hash,
                name: "ASP",
                accountID: account.id,
                actor: tester
            )
            let auditCount = try store.auditLog().count

            try store.recordAPITokenUse(id: id, at: loginTime)
            let error = #expect(throws: StoreError.self) {
                try store.recordAPITokenUse(id: id + 1, at: loginTime)
            }

            #expect(try store.apiToken(hash: hash)?.token.lastUsedAt == loginTime)
            #expect(error?.code == .apiTokenNotFound)
            #expect(try store.auditLog().count == auditCount)
        }
    }

    @Test("revoked token rejected")
    func revokedTokenRejected() throws {
        try withTemporaryStore { store, _ throws in
            let account = try store.addAccount("asp")
            let hash = try APIToken.generate().hash()
            let id = try store.createAPIToken(
                hash: hash,
                name: "ASP",
                accountID: account.id,
                actor: tester
            )

            let revoked = try store.revokeAPIToken(id: id, actor: tester)
            let again = try store.revokeAPIToken(id: id, actor: tester)

            #expect(revoked)
            #expect(!again)
            #expect(try store.apiToken(hash: hash) == nil)
            #expect(try store.apiTokens(accountID: account.id).first?.isRevoked == true)
            #expect(try store.auditCount(.apiTokenRevoke) == 1)
            let entry = try store.auditLog()[0]
            #expect(entry.entity == "api-token")
            #expect(entry.entityID == String(id))
            #expect(entry.after?.contains("\"revokedAt\":") == true)
        }
    }

    @Test("inactive account's token rejected")
    func inactiveAccountTokenRejected() throws {
        try withTemporaryStore { store, _ throws in
            _ = try store.addAccount("admin")
            let account = try store.addAccount("asp", role: .nationalReader)
            let hash = try APIToken.generate().hash()
            _ = try store.createAPIToken(
                hash: hash,
                name: "ASP",
                accountID: account.id,
                actor: tester
            )

            try store.setActive(accountID: account.id, active: false, actor: tester)
            let whileInactive = try store.apiToken(hash: hash)
            try store.setActive(accountID: account.id, active: true, actor: tester)

            #expect(whileInactive == nil)
            #expect(try store.apiToken(hash: hash)?.account.isActive == true)
        }
    }

    @Test("token for inactive or unknown account")
    func tokenForInactiveOrUnknownAccount() throws {
        try withTemporaryStore { store, _ throws in
            _ = try store.addAccount("admin")
            let account = try store.addAccount("asp")
            try store.setActive(accountID: account.id, active: false, actor: tester)

            let inactive = #expect(throws: StoreError.self) {
                try store.createAPIToken(
                    hash: try APIToken.generate().hash(),
                    name: "ASP",
                    accountID: account.id,
                    actor: tester
                )
            }
            let unknown = #expect(throws: StoreError.self) {
                try store.createAPIToken(
                    hash: try APIToken.generate().hash(),
                    name: "ASP",
                    accountID: AccountID(404),
                    actor: tester
                )
            }
            let unnamed = #expect(throws: StoreError.self) {
                try store.createAPIToken(
                    hash: try APIToken.generate().hash(),
                    name: " \n",
                    accountID: AccountID(1),
                    actor: tester
                )
            }

            #expect(inactive?.code == .accountInactive)
            #expect(unknown?.code == .accountNotFound)
            #expect(unnamed?.code == .invalidRequest)
            #expect(try store.rowCount("api_tokens") == 0)
        }
    }

    @Test("revoking unknown token fails")
    func revokingUnknownTokenFails() throws {
        try withTemporaryStore { store, _ throws in
            let error = #expect(throws: StoreError.self) {
                try store.revokeAPIToken(id: 7, actor: tester)
            }

            #expect(error?.code == .apiTokenNotFound)
            #expect(error?.message.contains("7") == true)
        }
    }
}

@Suite("Audit secrets")
struct AuditSecretTests {
    @Test("audit rows contain no secret")
    func auditRowsContainNoSecret() throws {
        try withTemporaryStore { store, _ throws in
            let hasher = PasswordHasher()
            let password = "cheval-agrafe-batterie-7"
            let passwordHash = try hasher.hash(password)
            let newPassword = "riviere-lampe-horizon-9"
            let newHash = try hasher.hash(newPassword)
            let account = try store.createAccount(
                login: "marie",
                displayName: "Marie Dupont",
                role: officer("53"),
                passwordHash: passwordHash,
                actor: tester
            )
            let sessionToken = try SessionToken.generate()
            let csrfSecret = try CSRFSecret.generate()
            try store.createWebSession(
                tokenHash: try sessionToken.hash(),
                accountID: account.id,
                csrfSecret: csrfSecret,
                lifetime: SessionLifetime(createdAt: loginTime),
                remoteAddress: "192.0.2.10"
            )
            try store.endWebSession(
                tokenHash: try sessionToken.hash(),
                reason: .loggedOut,
                at: loginTime + 60
            )
            let apiToken = try APIToken.generate()
            let tokenID = try store.createAPIToken(
                hash: try apiToken.hash(),
                name: "ASP",
                accountID: account.id,
                actor: tester
            )
            try store.revokeAPIToken(id: tokenID, actor: tester)
            try store.rehashPassword(accountID: account.id, passwordHash: newHash, actor: tester)
            try store.setPassword(accountID: account.id, passwordHash: newHash, actor: tester)
            try store.setActive(accountID: account.id, active: false, actor: tester)

            let rows = try store.database.query(
                "SELECT at, actor, action, entity, entity_id, before, after FROM audit_log"
            )
            let text = rows.flatMap(\.values).map { value in
                if case .text(let text) = value { return text }
                return ""
            }.joined(separator: "\n")

            #expect(rows.count == 8)
            let secrets = [
                ("password", password),
                ("new password", newPassword),
                ("password hash", passwordHash),
                ("new password hash", newHash),
                ("Argon2id prefix", "$argon2id$"),
                ("session token", sessionToken.cookieValue),
                ("session token hash", try sessionToken.hash().hex),
                ("CSRF secret", csrfSecret.storedText),
                ("API token", apiToken.text),
                ("API token without prefix", String(apiToken.text.dropFirst(7))),
                ("API token hash", try apiToken.hash().hex),
            ]
            for (name, secret) in secrets {
                #expect(!text.contains(secret), "the audit log contains the \(name)")
            }
        }
    }
}
