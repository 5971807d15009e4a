/// The SplitMix64 pseudo-random generator, written here so that a seed gives the same draws on
/// every platform and toolchain.
///
/// It does not conform to `RandomNumberGenerator` on purpose: the standard library's
/// `random(in:using:)` may change its algorithm between releases, and the output must not.
/// The generator is not cryptographic.
struct SplitMix64 {
    private var state: UInt64

    init(state: UInt64) { self.state = state }

    /// Creates the generator of one candidate. Its draws depend on the file's seed, the line's
    /// diploma and route, and the candidate's position in the line, so that adding or removing
    /// a line changes no candidate of the other lines.
    init(seed: UInt64, stream: String, index: Int) {
        let streamState = SplitMix64.mix(seed ^ SplitMix64.fnv1a(stream))
        state = SplitMix64.mix(streamState ^ UInt64(truncatingIfNeeded: index))
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.mix(state)
    }

    /// Draws a whole number from 0 up to, not including, `bound`, each with the same
    /// probability (Lemire's multiply-and-shift with rejection).
    mutating func next(below bound: Int) -> Int {
        precondition(bound > 0, "bound of a random draw is \(bound); expected 1 or more")
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            // Rejecting the low products below 2^64 mod range removes the bias of the modulo.
            let threshold = (0 &- range) % range
            while product.low < threshold {
                product = next().multipliedFullWidth(by: range)
            }
        }
        return Int(product.high)
    }

    /// Draws a Boolean that is true with a probability of `perMille` / 1000.
    mutating func chance(perMille: Int) -> Bool {
        next(below: 1000) < perMille
    }

    /// The SplitMix64 output function, a bijection that spreads every input bit.
    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Hashes the UTF-8 bytes with 64-bit FNV-1a, which gives the same value in every run,
    /// unlike `Hasher`, which each process seeds at random.
    private static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
