import Testing

@testable import CertifAuth

@Suite("Sodium")
struct SodiumTests {
    @Test("initialisation succeeds repeatedly")
    func initialization() throws {
        try Sodium.initialize()
        try Sodium.initialize()
    }

    @Test("check passes on zero")
    func checkSuccess() throws {
        try Sodium.check("crypto_example") { 0 }
    }

    @Test("check error names function")
    func checkFailure() {
        let error = #expect(throws: AuthError.self) {
            try Sodium.check("crypto_example") { -1 }
        }

        #expect(error?.code == .sodium)
        #expect(error?.function == "crypto_example")
        #expect(error?.returnCode == -1)
        #expect(error?.errorNumber == nil)
        #expect(
            error?.description
                == "AuthError(sodium, function: crypto_example, return code: -1): crypto_example failed"
        )
    }

    @Test("failed libsodium call throws")
    func realFailure() {
        // crypto_generichash rejects keys longer than crypto_generichash_KEYBYTES_MAX, 64.
        let error = #expect(throws: AuthError.self) {
            try Sodium.genericHash([1, 2, 3], key: Array(repeating: 1, count: 65))
        }

        #expect(error?.function == "crypto_generichash")
        #expect(error?.returnCode == -1)
    }

    @Test("constant-time comparison")
    func constantTimeEqual() {
        #expect(Sodium.constantTimeEqual([1, 2, 3], [1, 2, 3]))
        #expect(!Sodium.constantTimeEqual([1, 2, 3], [1, 2, 4]))
        #expect(!Sodium.constantTimeEqual([1, 2, 3], [1, 2]))
        #expect(Sodium.constantTimeEqual([], []))
    }

    @Test("base64 and hex encodings")
    func encodings() {
        #expect(Sodium.base64URL([0xfb, 0xff]) == "-_8")
        #expect(Sodium.bytes(fromBase64URL: "-_8", byteCount: 2) == [0xfb, 0xff])
        #expect(Sodium.bytes(fromBase64URL: "+/8", byteCount: 2) == nil)
        #expect(Sodium.hex([0x00, 0xab, 0xff]) == "00abff")
    }
}
