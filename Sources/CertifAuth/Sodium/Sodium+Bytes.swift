import CSodium

// The byte-level primitives that the tokens and secrets are built from.
extension Sodium {
    /// Bytes of a token or secret: 256 bits.
    static let secretByteCount = 32
    /// Bytes of a BLAKE2b digest stored for a token: `crypto_generichash_BYTES`, 256 bits.
    static let digestByteCount = Int(crypto_generichash_BYTES)

    /// Returns `count` bytes from libsodium's random generator (`randombytes_buf`), which on
    /// Linux reads the kernel's through `getrandom`, or /dev/urandom where that call is missing.
    static func randomBytes(_ count: Int) throws -> [UInt8] {
        try initialize()
        return filledBytes(count) { output in
            randombytes_buf(output, count)
        }
    }

    /// Returns a number below `upperBound` (`randombytes_uniform`), each equally likely.
    static func uniformRandom(below upperBound: UInt32) throws -> UInt32 {
        try initialize()
        return randombytes_uniform(upperBound)
    }

    /// Returns the BLAKE2b digest of `message` (`crypto_generichash`), keyed when `key` is not
    /// empty. libsodium rejects keys longer than 64 bytes, and the keys used here have 32.
    static func genericHash(_ message: [UInt8], key: [UInt8] = []) throws -> [UInt8] {
        try initialize()
        return try filledBytes(digestByteCount) { output in
            try message.withUnsafeBufferPointer { input in
                try key.withUnsafeBufferPointer { keyBytes in
                    try check("crypto_generichash") {
                        crypto_generichash(
                            output,
                            digestByteCount,
                            input.baseAddress,
                            UInt64(input.count),
                            keyBytes.isEmpty ? nil : keyBytes.baseAddress,
                            keyBytes.count
                        )
                    }
                }
            }
        }
    }

    /// Returns whether `first` and `second` hold the same bytes, in a time that depends on
    /// their length only (`sodium_memcmp`). Arrays of different lengths are unequal at once,
    /// because a length is no secret.
    static func constantTimeEqual(_ first: [UInt8], _ second: [UInt8]) -> Bool {
        guard first.count == second.count else { return false }
        guard !first.isEmpty else { return true }
        return first.withUnsafeBytes { left in
            second.withUnsafeBytes { right in
                sodium_memcmp(left.baseAddress, right.baseAddress, left.count) == 0
            }
        }
    }

    /// Returns `bytes` in URL-safe base64 without padding (`sodium_bin2base64`): the letters,
    /// digits, `-` and `_`, 43 characters for 32 bytes.
    static func base64URL(_ bytes: [UInt8]) -> String {
        let variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING
        // The length that libsodium returns counts the terminating NUL.
        let capacity = sodium_base64_encoded_len(bytes.count, variant)
        return filledText(capacity) { output in
            bytes.withUnsafeBufferPointer { input in
                _ = sodium_bin2base64(output, capacity, input.baseAddress, input.count, variant)
            }
        }
    }

    /// Decodes URL-safe base64 without padding (`sodium_base642bin`), and returns nil unless
    /// `text` is exactly the encoding of `byteCount` bytes.
    static func bytes(fromBase64URL text: String, byteCount: Int) -> [UInt8]? {
        let variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING
        let encoded = Array(text.utf8)
        guard encoded.count == sodium_base64_encoded_len(byteCount, variant) - 1 else {
            return nil
        }
        var result: Int32 = -1
        var decodedCount = 0
        let bytes = filledBytes(byteCount) { output in
            encoded.withUnsafeBufferPointer { input in
                input.withMemoryRebound(to: CChar.self) { characters in
                    // With no end pointer, libsodium fails on any character outside the
                    // alphabet and on leftover bits that are not zero.
                    result = sodium_base642bin(
                        output,
                        byteCount,
                        characters.baseAddress,
                        characters.count,
                        nil,
                        &decodedCount,
                        nil,
                        variant
                    )
                }
            }
        }
        guard result == 0, decodedCount == byteCount else { return nil }
        return bytes
    }

    /// Returns `bytes` as lowercase hexadecimal (`sodium_bin2hex`).
    static func hex(_ bytes: [UInt8]) -> String {
        let capacity = bytes.count * 2 + 1
        return filledText(capacity) { output in
            bytes.withUnsafeBufferPointer { input in
                _ = sodium_bin2hex(output, capacity, input.baseAddress, input.count)
            }
        }
    }

    // MARK: Output buffers

    // libsodium declares its output pointers non-null, so the buffers below are allocated
    // rather than borrowed from an array, whose base address Swift types as optional.

    /// Returns the `count` bytes that `fill` writes into a zeroed buffer. The buffer is wiped
    /// (`sodium_memzero`) before it is freed, because it may hold a secret.
    private static func filledBytes(
        _ count: Int,
        _ fill: (UnsafeMutablePointer<UInt8>) throws -> Void
    ) rethrows -> [UInt8] {
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: count)
        buffer.initialize(repeating: 0, count: count)
        defer {
            sodium_memzero(buffer, count)
            buffer.deallocate()
        }
        try fill(buffer)
        return Array(UnsafeBufferPointer(start: buffer, count: count))
    }

    /// Returns the NUL-terminated ASCII text that `fill` writes into a zeroed buffer of
    /// `capacity` characters.
    private static func filledText(
        _ capacity: Int,
        _ fill: (UnsafeMutablePointer<CChar>) -> Void
    ) -> String {
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: capacity)
        buffer.initialize(repeating: 0, count: capacity)
        defer {
            sodium_memzero(buffer, capacity)
            buffer.deallocate()
        }
        fill(buffer)
        return String(cString: buffer)
    }
}
