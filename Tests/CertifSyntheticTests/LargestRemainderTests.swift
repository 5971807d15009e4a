import Testing

@testable import CertifSynthetic

struct LargestRemainderTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var total: Int
        var weights: [Int]
        var expected: [Int]

        var testDescription: String { "\(total) over \(weights)" }
    }

    @Test(arguments: [
        // Quotas 3.5, 2.1 and 1.4: the leftover unit goes to the largest remainder, 0.5.
        Case(total: 7, weights: [5, 3, 2], expected: [4, 2, 1]),
        // Equal remainders: the lower index comes first.
        Case(total: 10, weights: [1, 1, 1], expected: [4, 3, 3]),
        Case(total: 2, weights: [1, 1, 1], expected: [1, 1, 0]),
        Case(total: 5, weights: [1, 1, 1, 1, 1, 1], expected: [1, 1, 1, 1, 1, 0]),
        // A zero weight gets nothing, even with a leftover.
        Case(total: 7, weights: [0, 1], expected: [0, 7]),
        Case(total: 3, weights: [0, 2, 0, 2], expected: [0, 2, 0, 1]),
        Case(total: 0, weights: [3, 4], expected: [0, 0]),
        // Large products that overflow 64 bits still divide exactly.
        Case(
            total: 999_999,
            weights: [Int.max / 4, Int.max / 4],
            expected: [500_000, 499_999]
        ),
    ])
    func apportionGivesKnownShares(_ example: Case) {
        let shares = LargestRemainder.apportion(example.total, weights: example.weights)

        #expect(shares == example.expected)
    }

    @Test func apportionSumsExactlyToTotal() {
        var random = SplitMix64(state: 42)

        for _ in 0..<2_000 {
            let count = 1 + random.next(below: 20)
            var weights = (0..<count).map { _ in random.next(below: 13_000_000) }
            weights[random.next(below: count)] += 1
            let total = random.next(below: 20_000)

            let shares = LargestRemainder.apportion(total, weights: weights)

            #expect(shares.reduce(0, +) == total)
            #expect(shares.count == weights.count)
            let sum = Double(weights.reduce(0, +))
            for (share, weight) in zip(shares, weights) {
                let quota = Double(total) * Double(weight) / sum
                #expect(Double(share) >= quota.rounded(.down) - 1e-6)
                #expect(Double(share) <= quota.rounded(.up) + 1e-6)
            }
        }
    }
}
