import CSodium
import Foundation

/// Hashes and verifies passwords with Argon2id version 1.3 through libsodium.
///
/// A hash is libsodium's string, "$argon2id$v=19$m=65536,t=3,p=1$salt$digest", which carries
/// its own random salt and parameters: store it as it is. Passwords are normalised to Unicode
/// NFC before they are hashed, so that "é" typed as one code point and "é" typed as "e" and a
/// combining accent give the same hash. Input methods and copy and paste produce either form.
///
/// Each hash or verification fills `parameters.memoryBytes` of memory for about as long as the
/// passes take, so a server should bound how many run at once.
public struct PasswordHasher: Sendable {
    /// The parameters of new hashes, and those that `needsRehash(_:)` compares with.
    public let parameters: Argon2idParameters

    public init(parameters: Argon2idParameters = .default) {
        self.parameters = parameters
    }

    /// Hashes `password` with a new random salt and returns libsodium's hash string.
    public func hash(_ password: String) throws -> String {
        try Sodium.initialize()
        let capacity = Int(crypto_pwhash_STRBYTES)
        let output = UnsafeMutablePointer<CChar>.allocate(capacity: capacity)
        defer { output.deallocate() }
        output.initialize(repeating: 0, count: capacity)
        let normalized = Self.normalized(password)
        try normalized.withCString { passwordPointer in
            try Sodium.check("crypto_pwhash_str_alg") {
                crypto_pwhash_str_alg(
                    output,
                    passwordPointer,
                    UInt64(normalized.utf8.count),
                    UInt64(parameters.passes),
                    parameters.memoryBytes,
                    crypto_pwhash_ALG_ARGON2ID13
                )
            }
        }
        return String(cString: output)
    }

    /// Returns whether `password` matches `storedHash` (`crypto_pwhash_str_verify`, whose final
    /// comparison takes constant time).
    ///
    /// Pass nil when the login names no account, or an inactive one. The function then hashes
    /// the password once and returns false, so the call takes as long as for a known account
    /// and its timing does not reveal which logins exist.
    ///
    /// Throws `invalidPasswordHash` when `storedHash` is not a libsodium Argon2 string, and
    /// `sodium` when libsodium runs out of memory; a wrong password only returns false.
    public func verify(_ password: String, against storedHash: String?) throws -> Bool {
        guard let storedHash else {
            _ = try hash(password)
            return false
        }
        try Sodium.initialize()
        // Parsing the string first separates a malformed hash from a wrong password, both of
        // which crypto_pwhash_str_verify reports as -1.
        _ = try rehashCheck(storedHash)
        let normalized = Self.normalized(password)
        errno = 0
        let result = normalized.withCString { passwordPointer in
            crypto_pwhash_str_verify(storedHash, passwordPointer, UInt64(normalized.utf8.count))
        }
        let errorNumber = errno
        if result == 0 {
            return true
        }
        // The string parsed above, so a failure is a mismatch unless the memory that the
        // hash's own parameters ask for could not be mapped.
        if errorNumber == ENOMEM {
            throw AuthError(
                code: .sodium,
                message: "crypto_pwhash_str_verify failed: out of memory",
                function: "crypto_pwhash_str_verify",
                returnCode: result,
                errorNumber: errorNumber
            )
        }
        return false
    }

    /// Returns whether `storedHash` should be replaced by a hash made with `parameters`: its
    /// algorithm is not Argon2id, or its memory or passes differ
    /// (`crypto_pwhash_str_needs_rehash`). Call it after a successful login, while the password
    /// is at hand.
    ///
    /// Throws `invalidPasswordHash` when `storedHash` is not a libsodium Argon2 string.
    public func needsRehash(_ storedHash: String) throws -> Bool {
        try Sodium.initialize()
        let parametersDiffer = try rehashCheck(storedHash)
        // libsodium also parses Argon2i strings, and compares their parameters only.
        return parametersDiffer || !storedHash.hasPrefix(crypto_pwhash_argon2id_STRPREFIX)
    }

    /// Parses `storedHash` and returns whether its parameters differ from `parameters`.
    private func rehashCheck(_ storedHash: String) throws -> Bool {
        // libsodium reads at most crypto_pwhash_STRBYTES characters, the NUL included.
        guard storedHash.utf8.count < Int(crypto_pwhash_STRBYTES) else {
            throw Self.invalidHash(
                "the stored password hash is \(storedHash.utf8.count) bytes long, longer than"
                    + " any libsodium hash string"
            )
        }
        let result = crypto_pwhash_str_needs_rehash(
            storedHash,
            UInt64(parameters.passes),
            parameters.memoryBytes
        )
        switch result {
        case 0: return false
        case 1: return true
        default:
            throw Self.invalidHash(
                "crypto_pwhash_str_needs_rehash cannot parse the stored password hash;"
                    + " it is not a libsodium Argon2 string, so reset the account's password",
                returnCode: result
            )
        }
    }

    /// Returns `password` in NFC. Its UTF-8 bytes, NUL characters included, are what libsodium
    /// hashes.
    private static func normalized(_ password: String) -> String {
        password.precomposedStringWithCanonicalMapping
    }

    private static func invalidHash(_ message: String, returnCode: Int32? = nil) -> AuthError {
        AuthError(
            code: .invalidPasswordHash,
            message: message,
            function: returnCode == nil ? nil : "crypto_pwhash_str_needs_rehash",
            returnCode: returnCode
        )
    }
}
