/// An error of CertifAuth: a failed libsodium call, or a value that the module rejects.
///
/// No error of this module carries a password, a token, a secret or a stored password hash:
/// messages name the C function, the parameter or the length at fault, so `description` is
/// safe to log.
public struct AuthError: Error, Sendable, CustomStringConvertible {
    /// The kind of failure, stable across releases so that callers can match on it.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String

        public init(rawValue: String) { self.rawValue = rawValue }

        public var description: String { rawValue }

        /// A libsodium call returned an error code.
        public static let sodium = Code(rawValue: "sodium")
        /// Argon2id parameters below Certif's minimum or outside libsodium's range.
        public static let invalidParameters = Code(rawValue: "invalid-parameters")
        /// A stored password hash that libsodium cannot parse.
        public static let invalidPasswordHash = Code(rawValue: "invalid-password-hash")
        /// A stored secret whose text is not 32 bytes in URL-safe base64.
        public static let invalidSecret = Code(rawValue: "invalid-secret")
    }

    public var code: Code
    /// Plain English naming what failed and, where one exists, the fix.
    public var message: String
    /// The libsodium function that failed, "crypto_pwhash_str_alg".
    public var function: String?
    /// The function's return code, -1 for most libsodium failures.
    public var returnCode: Int32?
    /// The `errno` that the function left, when it set one. libsodium has no error message of
    /// its own, and sets `errno` on some failures only (EINVAL, EFBIG, ENOMEM).
    public var errorNumber: Int32?

    public init(
        code: Code,
        message: String,
        function: String? = nil,
        returnCode: Int32? = nil,
        errorNumber: Int32? = nil
    ) {
        self.code = code
        self.message = message
        self.function = function
        self.returnCode = returnCode
        self.errorNumber = errorNumber
    }

    public var description: String {
        var parts = ["AuthError(\(code)"]
        if let function {
            parts.append("function: \(function)")
        }
        if let returnCode {
            parts.append("return code: \(returnCode)")
        }
        if let errorNumber {
            parts.append("errno: \(errorNumber)")
        }
        return parts.joined(separator: ", ") + "): " + message
    }
}
