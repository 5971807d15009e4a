import CertifDomain
import Foundation

/// The synthetic candidate generator: turns a year of volumes into fictitious candidates for
/// demonstrations, tests and benchmarks. It is pure and deterministic, so the same volumes and
/// reference data always give the same candidates, and it reads and writes no file.
///
/// The volumes are exact. Each line's candidates are spread over territories and months by the
/// largest remainder method, so every count adds up to its total. The seeded generator draws
/// only what no volume fixes: the day in the month, the names and the birth date. It also
/// picks about 5 % of candidates who may not be examined remotely and 3 % with a third of
/// extra time.
public enum SyntheticCandidates {
    /// The prefix of every synthetic identifier, which marks the data as synthetic where no
    /// comment can, as in CSV.
    public static let identifierPrefix = "SYN-"

    /// The youngest and oldest ages, in completed years, on the date the candidate becomes
    /// available.
    public static let ageRange = 20...60

    /// The share of candidates who may not be examined by videoconference, in per mille.
    static let noRemotePerMille = 50
    /// The share of candidates granted extra time, in per mille.
    static let extraTimePerMille = 30
    /// The extra time granted, in percent of the exam's duration: one third.
    static let extraTimePercent = 33

    /// Decodes a `certif-volumes/1` JSON file and checks it with `Volumes.validate()`.
    ///
    /// Diplomas, routes and territories need the reference data, so this overload leaves them
    /// to `generate(_:reference:)`. Use `decodeVolumes(_:reference:)` to check them at once.
    /// Throws a `VolumesError` that names the element at fault.
    public static func decodeVolumes(_ data: Data) throws -> Volumes {
        let volumes: Volumes
        do {
            volumes = try JSONDecoder().decode(Volumes.self, from: data)
        } catch let error as VolumesError {
            throw error
        } catch let error as DecodingError {
            throw VolumesError(code: .invalidJSON, message: describe(error), underlying: error)
        } catch {
            throw VolumesError(code: .invalidJSON, message: "\(error)", underlying: error)
        }
        try volumes.validate()
        return volumes
    }

    /// Decodes a `certif-volumes/1` JSON file and checks it, diplomas, routes and territories
    /// included, with `Volumes.validate(against:)`.
    public static func decodeVolumes(_ data: Data, reference: ReferenceData) throws -> Volumes {
        let volumes = try decodeVolumes(data)
        try volumes.validate(against: reference)
        return volumes
    }

    /// Generates the candidates of `volumes`, sorted by identifier.
    ///
    /// Identifiers read `SYN-2025-DEAF-VAE-000001`: year, diploma, route and a number that
    /// follows the availability dates within the line. Birth dates give ages of 20 to 60 on the
    /// availability date, which is the filing of the validation file for VAE and the end of
    /// training for the training route. No candidate has a usage name or an explicit
    /// deadline. Throws a `VolumesError` when `volumes` fails `validate(against:)`.
    public static func generate(
        _ volumes: Volumes,
        reference: ReferenceData
    ) throws -> [Candidate] {
        try volumes.validate(against: reference)
        guard let january = CivilDate(year: volumes.year, month: 1, day: 1) else {
            throw VolumesError(
                code: .invalidYear,
                message: "year is \(volumes.year); expected a year of the civil calendar"
            )
        }

        var candidates: [Candidate] = []
        for line in volumes.lines {
            candidates += generateLine(
                line,
                of: volumes,
                january: january,
                reference: reference
            )
        }
        return candidates.sorted { $0.id < $1.id }
    }

    private static func generateLine(
        _ line: Volumes.Line,
        of volumes: Volumes,
        january: CivilDate,
        reference: ReferenceData
    ) -> [Candidate] {
        let counts = territoryCounts(of: line, reference: reference)
        let lineTotal = counts.reduce(0) { $0 + $1.count }
        let profile = line.monthlyProfile ?? volumes.monthlyProfile
        let monthTotals = LargestRemainder.apportion(
            lineTotal,
            weights: Volumes.microWeights(profile)
        )
        let months = monthTotals.enumerated().flatMap { month, total in
            repeatElement(month, count: total)
        }
        let territories = interleave(counts)
        let stream = "\(line.diploma)/\(line.route.rawValue)"

        var drafts: [(position: Int, candidate: Candidate)] = []
        drafts.reserveCapacity(lineTotal)
        for (position, (territory, monthOffset)) in zip(territories, months).enumerated() {
            var random = SplitMix64(seed: volumes.seed, stream: stream, index: position)
            let candidate = makeCandidate(
                line: line,
                territory: territory,
                monthStart: january.adding(months: monthOffset),
                random: &random
            )
            drafts.append((position, candidate))
        }

        // The day in the month is drawn, so the numbers are given only once the dates are known.
        drafts.sort {
            ($0.candidate.availableFrom, $0.position) < ($1.candidate.availableFrom, $1.position)
        }
        return drafts.enumerated().map { index, draft in
            var candidate = draft.candidate
            candidate.id = identifier(year: volumes.year, line: line, number: index + 1)
            return candidate
        }
    }

    /// Returns each territory's count of a validated line, sorted by territory code.
    static func territoryCounts(
        of line: Volumes.Line,
        reference: ReferenceData
    ) -> [(territory: TerritoryCode, count: Int)] {
        if let perTerritory = line.perTerritory {
            return perTerritory.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        }
        let codes = (line.territories ?? reference.territories.map(\.code)).sorted()
        let total = line.total ?? 0
        guard total > 0 else { return codes.map { ($0, 0) } }

        let populations = codes.map { reference.territory($0)?.population ?? 0 }
        let shares = LargestRemainder.apportion(total, weights: populations)
        return Array(zip(codes, shares))
    }

    /// Orders a line's candidates so that each territory's candidates spread evenly over the
    /// year instead of filling the first months.
    ///
    /// The j-th of a territory's n candidates (j from 0) gets the key (2j + 1) / 2n, the middle
    /// of its j-th n-th of the line. Sorting by key, then by territory code for equal keys,
    /// gives the territory of each position, and the positions fill the months in order. The
    /// keys are compared as exact fractions.
    static func interleave(_ counts: [(territory: TerritoryCode, count: Int)]) -> [TerritoryCode] {
        struct Slot {
            var territory: TerritoryCode
            var numerator: Int
            var denominator: Int
        }

        var slots: [Slot] = []
        for (territory, count) in counts {
            for index in 0..<count {
                slots.append(
                    Slot(territory: territory, numerator: 2 * index + 1, denominator: 2 * count)
                )
            }
        }
        slots.sort { left, right in
            let leftValue = left.numerator * right.denominator
            let rightValue = right.numerator * left.denominator
            return leftValue != rightValue
                ? leftValue < rightValue : left.territory < right.territory
        }
        return slots.map(\.territory)
    }

    /// Draws one candidate's values, always in the same order and number, from `random`. The
    /// identifier is left empty for the caller to number.
    private static func makeCandidate(
        line: Volumes.Line,
        territory: TerritoryCode,
        monthStart: CivilDate,
        random: inout SplitMix64
    ) -> Candidate {
        let monthLength = CivilDate.daysInMonth(year: monthStart.year, month: monthStart.month)
        let availableFrom = monthStart.adding(days: random.next(below: monthLength))

        // Someone born on the day after the date 61 years before is 60, and someone born on
        // the date 20 years before is 20.
        let latestBirth = availableFrom.adding(months: -12 * ageRange.lowerBound)
        let earliestBirth = availableFrom.adding(months: -12 * (ageRange.upperBound + 1))
            .adding(days: 1)
        let birthSpan = earliestBirth.days(until: latestBirth) + 1
        let birthDate = earliestBirth.adding(days: random.next(below: birthSpan))

        let birthName = FictitiousNames.birthNames[
            random.next(below: FictitiousNames.birthNames.count)
        ]
        let givenNames = FictitiousNames.givenNames[
            random.next(below: FictitiousNames.givenNames.count)
        ]
        let remoteAllowed = !random.chance(perMille: noRemotePerMille)
        let extraTime = random.chance(perMille: extraTimePerMille) ? extraTimePercent : 0

        return Candidate(
            id: "",
            birthName: birthName,
            usageName: nil,
            givenNames: givenNames,
            birthDate: birthDate,
            diploma: line.diploma,
            route: line.route,
            territory: territory,
            availableFrom: availableFrom,
            explicitDeadline: nil,
            remoteAllowed: remoteAllowed,
            extraTimePercent: extraTime
        )
    }

    private static func identifier(year: Int, line: Volumes.Line, number: Int) -> String {
        let digits = String(number)
        let padded = String(repeating: "0", count: max(0, 6 - digits.count)) + digits
        return "\(identifierPrefix)\(year)-\(line.diploma)-\(line.route.rawValue)-\(padded)"
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context):
            return "\(codingPathText(context.codingPath + [key])) is missing"
        case .valueNotFound(_, let context):
            return "\(codingPathText(context.codingPath)) is null; expected a value"
        case .typeMismatch(_, let context), .dataCorrupted(let context):
            let detail = context.underlyingError.map { " (\($0))" } ?? ""
            return "\(codingPathText(context.codingPath)): \(context.debugDescription)\(detail)"
        @unknown default:
            return "\(error)"
        }
    }
}
