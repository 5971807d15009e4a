import CSodium
import Foundation

/// The process-wide initialisation of libsodium, and the check that turns its return codes
/// into `AuthError`.
public enum Sodium {
    /// Initialises libsodium, or throws the error of the first attempt.
    ///
    /// Every function of CertifAuth that needs libsodium calls this first, so callers need not.
    /// A server may still call it at start-up to fail before it accepts a request.
    public static func initialize() throws {
        try initialization.get()
    }

    // Swift runs the initializer of a static `let` once per process, and concurrent first
    // readers wait for it, so `sodium_init` runs once even when threads race to it.
    private static let initialization: Result<Void, AuthError> = {
        let result = sodium_init()
        // 0 is success and 1 means that something else in the process initialised it first.
        guard result >= 0 else {
            return .failure(
                AuthError(
                    code: .sodium,
                    message: "sodium_init failed, so libsodium is not safe to use;"
                        + " check that /dev/urandom can be read",
                    function: "sodium_init",
                    returnCode: result
                )
            )
        }
        return .success(())
    }()

    /// Runs `call`, a libsodium function that returns 0 on success, and throws an `AuthError`
    /// naming `function` when it returns anything else.
    ///
    /// `errno` is cleared before the call so that the error carries only a value that the
    /// call itself set.
    static func check(_ function: String, _ call: () -> Int32) throws {
        errno = 0
        let result = call()
        let errorNumber = errno
        guard result == 0 else {
            throw AuthError(
                code: .sodium,
                message: "\(function) failed" + reason(errorNumber),
                function: function,
                returnCode: result,
                errorNumber: errorNumber == 0 ? nil : errorNumber
            )
        }
    }

    private static func reason(_ errorNumber: Int32) -> String {
        switch errorNumber {
        case 0: return ""
        case ENOMEM: return ": out of memory"
        case EINVAL: return ": an argument is out of range"
        case EFBIG: return ": an argument is too large"
        default: return ": " + String(cString: strerror(errorNumber))
        }
    }
}
