import CertifAuth
import Testing

@Suite("PasswordHasher")
struct PasswordHasherTests {
    // The lowest parameters keep each hash at about 20 MiB and two passes.
    let hasher = PasswordHasher(parameters: .minimum)

    /// Made by libsodium 1.0.18 with crypto_pwhash_str_alg, ALG_ARGON2I13, 3 passes and
    /// 19 MiB, for the password "Correct-horse-42".
    static let argon2iHash =
        "$argon2i$v=19$m=19456,t=3,p=1$I8MFo/rpZ4Z78fxSdmBZoA$wGSMUqSc8lkyIQEPjOZy5IGG611+AhneLxcd81rLfdo"

    @Test("hash and verify round trip")
    func hashAndVerify() throws {
        let hash = try hasher.hash("Correct-horse-42")

        #expect(hash.hasPrefix("$argon2id$v=19$m=19456,t=2,p=1$"))
        #expect(try hasher.verify("Correct-horse-42", against: hash))
    }

    @Test("wrong password rejected")
    func wrongPassword() throws {
        let hash = try hasher.hash("Correct-horse-42")

        #expect(try !hasher.verify("Correct-horse-43", against: hash))
        #expect(try !hasher.verify("", against: hash))
    }

    @Test("unknown account never verifies")
    func unknownAccount() throws {
        #expect(try !hasher.verify("Correct-horse-42", against: nil))
    }

    @Test("characters after a NUL count")
    func embeddedNull() throws {
        let hash = try hasher.hash("Correct\u{0}horse-42")

        #expect(try !hasher.verify("Correct\u{0}horse-43", against: hash))
        #expect(try !hasher.verify("Correct", against: hash))
        #expect(try hasher.verify("Correct\u{0}horse-42", against: hash))
    }

    @Test("each hash has its own salt")
    func distinctSalts() throws {
        let first = try hasher.hash("Correct-horse-42")
        let second = try hasher.hash("Correct-horse-42")

        #expect(first != second)
        #expect(try hasher.verify("Correct-horse-42", against: second))
    }

    @Test("composed and decomposed accents match")
    func unicodeNormalization() throws {
        let composed = "Caf\u{E9}-cr\u{E8}me-42"
        let decomposed = "Cafe\u{301}-cre\u{300}me-42"

        let hash = try hasher.hash(composed)

        #expect(try hasher.verify(decomposed, against: hash))
    }

    @Test("default parameters hash and verify")
    func defaultParameters() throws {
        let hasher = PasswordHasher()

        let hash = try hasher.hash("Correct-horse-42")

        #expect(hash.hasPrefix("$argon2id$v=19$m=65536,t=3,p=1$"))
        #expect(try hasher.verify("Correct-horse-42", against: hash))
    }

    @Test("minimum and default parameter values")
    func parameterValues() {
        #expect(Argon2idParameters.minimum.memoryBytes == 19 * 1024 * 1024)
        #expect(Argon2idParameters.minimum.passes == 2)
        #expect(Argon2idParameters.default.memoryBytes == 64 * 1024 * 1024)
        #expect(Argon2idParameters.default.passes == 3)
        #expect(Argon2idParameters.default.description == "Argon2id m=65536,t=3,p=1")
    }

    @Test(
        "parameters below minimum rejected",
        arguments: [
            (19 * 1024 * 1024 - 1024, 2),
            (8 * 1024 * 1024, 3),
            (64 * 1024 * 1024, 1),
            (64 * 1024 * 1024, 0),
            (19 * 1024 * 1024 + 1, 2),
            (-1, 2),
        ]
    )
    func parametersRejected(memoryBytes: Int, passes: Int) {
        let error = #expect(throws: AuthError.self) {
            try Argon2idParameters(memoryBytes: memoryBytes, passes: passes)
        }

        #expect(error?.code == .invalidParameters)
    }

    @Test("parameters at minimum accepted")
    func parametersAtMinimum() throws {
        let parameters = try Argon2idParameters(memoryBytes: 19 * 1024 * 1024, passes: 2)

        #expect(parameters == .minimum)
    }

    @Test("needsRehash follows parameter change")
    func needsRehashAfterChange() throws {
        let hash = try hasher.hash("Correct-horse-42")

        #expect(try !hasher.needsRehash(hash))
        #expect(try PasswordHasher().needsRehash(hash))
    }

    @Test("needsRehash for an Argon2i hash")
    func needsRehashForArgon2i() throws {
        let sameCost = PasswordHasher(
            parameters: try Argon2idParameters(memoryBytes: 19 * 1024 * 1024, passes: 3)
        )

        #expect(try sameCost.verify("Correct-horse-42", against: Self.argon2iHash))
        #expect(try sameCost.needsRehash(Self.argon2iHash))
    }

    @Test(
        "malformed stored hash throws",
        arguments: [
            "",
            "not a hash",
            "$argon2id$v=19$m=19456,t=2,p=1$garbage",
            "$argon2id$" + String(repeating: "a", count: 200),
        ]
    )
    func malformedHash(storedHash: String) {
        let verifyError = #expect(throws: AuthError.self) {
            try hasher.verify("Correct-horse-42", against: storedHash)
        }
        let rehashError = #expect(throws: AuthError.self) {
            try hasher.needsRehash(storedHash)
        }

        #expect(verifyError?.code == .invalidPasswordHash)
        #expect(rehashError?.code == .invalidPasswordHash)
    }
}
