import CertifAuth
import CertifDomain
import Foundation

@testable import CertifStore

/// An Argon2id string of the shape that libsodium writes, for tests that never verify a
/// password and so need no real hash.
let sampleHash = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdC1mb3ItdGVzdHM$ZGlnZXN0LWZvci10ZXN0cw"
let otherSampleHash = "$argon2id$v=19$m=19456,t=2,p=1$b3RoZXItc2FsdA$b3RoZXItZGlnZXN0"

/// The login time of the sessions that tests start, 2025-06-15T15:13:20Z.
let loginTime = Date(timeIntervalSince1970: 1_750_000_400)

func officer(_ territory: String) -> Role {
    .regionalOfficer(territory: TerritoryCode(territory))
}

extension CertifStore {
    /// Creates an account with `sampleHash` as its password hash.
    func addAccount(
        _ login: String,
        role: Role = .nationalAdministrator,
        displayName: String = "Marie Dupont"
    ) throws -> Account {
        try createAccount(
            login: login,
            displayName: displayName,
            role: role,
            passwordHash: sampleHash,
            actor: tester
        )
    }

    /// Starts a web session of `account` at `createdAt` with the default time-outs (30
    /// minutes idle, 12 hours absolute), and returns the digest of its new token.
    func startSession(
        for account: Account,
        at createdAt: Date = loginTime,
        policy: SessionLifetime.Policy = SessionLifetime.Policy()
    ) throws -> TokenHash {
        let tokenHash = try SessionToken.generate().hash()
        try createWebSession(
            tokenHash: tokenHash,
            accountID: account.id,
            csrfSecret: try CSRFSecret.generate(),
            lifetime: SessionLifetime(createdAt: createdAt, policy: policy),
            remoteAddress: "192.0.2.10"
        )
        return tokenHash
    }
}
