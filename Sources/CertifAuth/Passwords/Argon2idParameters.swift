import CSodium

/// The cost of an Argon2id password hash: the memory it fills and the passes it makes over
/// that memory. libsodium always uses one lane (parallelism 1).
///
/// Certif accepts no less than 19 MiB and 2 passes, the lowest setting of the OWASP Password
/// Storage Cheat Sheet for Argon2id. The default, 64 MiB and 3 passes, costs about three times
/// the minimum in memory and passes.
public struct Argon2idParameters: Sendable, Hashable, CustomStringConvertible {
    /// Memory in bytes, libsodium's `memlimit`: a whole number of KiB.
    public let memoryBytes: Int
    /// Passes over the memory, libsodium's `opslimit` and Argon2's `t`.
    public let passes: Int

    /// The lowest parameters that Certif accepts: 19 MiB and 2 passes.
    public static let minimum = Argon2idParameters(checkedMemoryBytes: 19 << 20, passes: 2)
    /// The default parameters of new hashes: 64 MiB and 3 passes.
    public static let `default` = Argon2idParameters(checkedMemoryBytes: 64 << 20, passes: 3)

    /// Creates parameters, and throws `invalidParameters` when they are below `minimum`, when
    /// the memory is not a whole number of KiB, or when libsodium cannot use them.
    public init(memoryBytes: Int, passes: Int) throws {
        let minimum = Self.minimum
        guard memoryBytes >= minimum.memoryBytes else {
            throw Self.invalid(
                "Argon2id memory of \(memoryBytes) bytes is below the minimum of"
                    + " \(minimum.memoryBytes) bytes (19 MiB)"
            )
        }
        guard memoryBytes % 1024 == 0 else {
            throw Self.invalid(
                "Argon2id memory of \(memoryBytes) bytes is not a whole number of KiB;"
                    + " give a multiple of 1024"
            )
        }
        guard memoryBytes <= crypto_pwhash_memlimit_max() else {
            throw Self.invalid(
                "Argon2id memory of \(memoryBytes) bytes is above libsodium's maximum of"
                    + " \(crypto_pwhash_memlimit_max()) bytes"
            )
        }
        guard passes >= minimum.passes else {
            throw Self.invalid(
                "Argon2id passes of \(passes) is below the minimum of \(minimum.passes)"
            )
        }
        guard UInt64(passes) <= crypto_pwhash_opslimit_max() else {
            throw Self.invalid(
                "Argon2id passes of \(passes) is above libsodium's maximum of"
                    + " \(crypto_pwhash_opslimit_max())"
            )
        }
        self.memoryBytes = memoryBytes
        self.passes = passes
    }

    private init(checkedMemoryBytes: Int, passes: Int) {
        self.memoryBytes = checkedMemoryBytes
        self.passes = passes
    }

    /// The parameters as they appear in a hash string, "m=65536,t=3,p=1" with m in KiB.
    public var description: String {
        "Argon2id m=\(memoryBytes / 1024),t=\(passes),p=1"
    }

    private static func invalid(_ message: String) -> AuthError {
        AuthError(code: .invalidParameters, message: message)
    }
}
