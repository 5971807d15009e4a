/// The largest remainder method (Hamilton's method) of apportionment.
enum LargestRemainder {
    /// Splits `total` into whole shares proportional to `weights`, whose sum is exactly `total`.
    ///
    /// Each share starts as the floor of its quota `total × weight / sum`. The units left over
    /// go, one each, to the largest remainders, and an equal remainder goes to the lower index
    /// first. Callers order the weights by territory code or by month, so ties go to the lower
    /// code or the earlier month. The arithmetic is exact: products use 128 bits.
    ///
    /// - Precondition: `total` is 0 or more, every weight is 0 or more, and the weights have a
    ///   positive sum that fits in `Int`.
    static func apportion(_ total: Int, weights: [Int]) -> [Int] {
        precondition(total >= 0, "total to apportion is \(total); expected 0 or more")
        precondition(
            weights.allSatisfy { $0 >= 0 },
            "weights to apportion are \(weights); expected 0 or more each"
        )
        let sum = weights.reduce(0, +)
        precondition(sum > 0, "weights to apportion are \(weights); expected a positive sum")

        var shares: [Int] = []
        var remainders: [Int] = []
        shares.reserveCapacity(weights.count)
        remainders.reserveCapacity(weights.count)
        for weight in weights {
            // total × weight ≤ total × sum, so the quotient is at most total and fits in Int.
            let product = total.multipliedFullWidth(by: weight)
            let (quotient, remainder) = sum.dividingFullWidth(product)
            shares.append(quotient)
            remainders.append(remainder)
        }

        // Every remainder has the same denominator, `sum`, so comparing numerators is exact.
        let leftover = total - shares.reduce(0, +)
        let order = weights.indices.sorted { left, right in
            remainders[left] != remainders[right]
                ? remainders[left] > remainders[right] : left < right
        }
        for index in order.prefix(leftover) {
            shares[index] += 1
        }
        return shares
    }
}
