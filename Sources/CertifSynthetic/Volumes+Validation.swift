import CertifDomain

extension Volumes {
    /// The years that `year` may take: four digits, and late enough for birth dates 61 years
    /// before to exist.
    public static let yearRange = 1900...9999

    /// The largest count of one line, because identifiers number candidates on six digits.
    public static let maximumLineVolume = 999_999

    /// The largest monthly weight, which keeps the sum of 12 weights in micro-units far from
    /// `Int.max`.
    public static let maximumMonthlyWeight = 1_000_000.0

    /// Checks everything that needs no reference data: format, year, monthly profiles, one
    /// volume per line, counts, and no line repeated. Throws a `VolumesError` for the first
    /// fault, naming the element at fault.
    public func validate() throws {
        guard format == Volumes.currentFormat else {
            throw VolumesError(
                code: .unsupportedFormat,
                message: "format is '\(format)'; expected '\(Volumes.currentFormat)'"
            )
        }
        guard Volumes.yearRange.contains(year) else {
            throw VolumesError(
                code: .invalidYear,
                message:
                    "year is \(year); expected a year from \(Volumes.yearRange.lowerBound) to \(Volumes.yearRange.upperBound)"
            )
        }
        try Volumes.validateProfile(monthlyProfile, linePlace: nil)

        var firstIndexOfPair: [String: Int] = [:]
        for (index, line) in lines.enumerated() {
            let place = line.place(index: index)
            let pair = "\(line.diploma)/\(line.route.rawValue)"
            if let first = firstIndexOfPair[pair] {
                throw VolumesError(
                    code: .duplicateLine,
                    message: "\(place): repeats lines[\(first)]; merge the two lines into one"
                )
            }
            firstIndexOfPair[pair] = index
            try line.validate(place: place)
        }
    }

    /// Checks the volumes as `validate()` does, then checks every diploma, route and territory
    /// against `reference`.
    public func validate(against reference: ReferenceData) throws {
        try validate()
        for (index, line) in lines.enumerated() {
            try line.validate(against: reference, place: line.place(index: index))
        }
    }

    /// Converts weights to whole micro-units, so that spreading over months is exact integer
    /// arithmetic. Call only on a validated profile.
    static func microWeights(_ profile: [Double]) -> [Int] {
        profile.map { Int(($0 * 1_000_000).rounded()) }
    }

    /// Checks a monthly profile: the file's when `linePlace` is nil, else that line's.
    static func validateProfile(_ profile: [Double], linePlace: String?) throws {
        let place = linePlace.map { "\($0): monthlyProfile" } ?? "monthlyProfile"
        let expected =
            "expected 12 weights, January first, each from 0 to 1000000, with a positive sum"
        guard profile.count == 12 else {
            throw VolumesError(
                code: .invalidMonthlyProfile,
                message: "\(place) has \(profile.count) weights; \(expected)"
            )
        }
        for (month, weight) in zip(1...12, profile)
        where !weight.isFinite || weight < 0 || weight > maximumMonthlyWeight {
            throw VolumesError(
                code: .invalidMonthlyProfile,
                message: "\(place) gives month \(month) the weight \(weight); \(expected)"
            )
        }
        guard microWeights(profile).reduce(0, +) > 0 else {
            throw VolumesError(
                code: .invalidMonthlyProfile,
                message:
                    "\(place) has weights that add up to 0 at six decimal places; \(expected)"
            )
        }
    }
}

extension Volumes.Line {
    /// Returns the line's name in messages: `lines[1] (DEAF VAE)`.
    func place(index: Int) -> String {
        "lines[\(index)] (\(diploma) \(route.rawValue))"
    }

    func validate(place: String) throws {
        switch (total, perTerritory) {
        case (nil, nil):
            throw VolumesError(
                code: .missingVolume,
                message: "\(place): no volume; give either total or perTerritory"
            )
        case (.some, .some):
            throw VolumesError(
                code: .conflictingVolume,
                message: "\(place): both total and perTerritory are given; keep one of them"
            )
        case (let total?, nil):
            try Self.validateCount(total, name: "total", place: place)
        case (nil, let perTerritory?):
            guard territories == nil else {
                throw VolumesError(
                    code: .conflictingVolume,
                    message:
                        "\(place): territories applies only to total; remove it, since perTerritory already names the territories"
                )
            }
            for (code, count) in perTerritory.sorted(by: { $0.key < $1.key }) {
                try Self.validateCount(count, name: "perTerritory[\"\(code)\"]", place: place)
            }
            let sum = perTerritory.values.reduce(0, +)
            try Self.validateCount(sum, name: "the sum of perTerritory", place: place)
        }

        if let territories {
            guard !territories.isEmpty else {
                throw VolumesError(
                    code: .invalidTerritories,
                    message:
                        "\(place): territories is empty; list at least one territory, or use null for every served territory"
                )
            }
            var seen = Set<TerritoryCode>()
            for code in territories where !seen.insert(code).inserted {
                throw VolumesError(
                    code: .invalidTerritories,
                    message: "\(place): territories lists '\(code)' twice; list it once"
                )
            }
        }
        if let monthlyProfile {
            try Volumes.validateProfile(monthlyProfile, linePlace: place)
        }
    }

    func validate(against reference: ReferenceData, place: String) throws {
        guard let diplomaData = reference.diploma(diploma) else {
            let known = reference.diplomas.map(\.code.rawValue).sorted().joined(separator: ", ")
            throw VolumesError(
                code: .unknownDiploma,
                message: "\(place): unknown diploma '\(diploma)'; expected one of \(known)"
            )
        }
        guard diplomaData.formats[route] != nil else {
            let offered = diplomaData.routes.map(\.rawValue).joined(separator: ", ")
            throw VolumesError(
                code: .routeNotOffered,
                message:
                    "\(place): \(diploma) has no exam format for the \(route.rawValue) route in the reference data; expected one of: \(offered)"
            )
        }

        let named = territories ?? perTerritory.map { Array($0.keys).sorted() } ?? []
        for code in named where reference.territory(code) == nil {
            let known = reference.territories.map(\.code.rawValue).sorted()
            throw VolumesError(
                code: .unknownTerritory,
                message:
                    "\(place): unknown territory '\(code)'; expected the INSEE code of a served territory: \(known.joined(separator: ", "))"
            )
        }

        if let total, total > 0 {
            let shared = territories ?? reference.territories.map(\.code)
            let population = shared.compactMap { reference.territory($0)?.population }
            guard population.allSatisfy({ $0 >= 0 }), population.reduce(0, +) > 0 else {
                throw VolumesError(
                    code: .invalidTerritories,
                    message:
                        "\(place): the reference data gives these territories no positive population, so total cannot be spread; use perTerritory"
                )
            }
        }
    }

    private static func validateCount(_ count: Int, name: String, place: String) throws {
        guard count >= 0 else {
            throw VolumesError(
                code: .negativeVolume,
                message: "\(place): \(name) is \(count); expected 0 or more candidates"
            )
        }
        guard count <= Volumes.maximumLineVolume else {
            throw VolumesError(
                code: .volumeTooLarge,
                message:
                    "\(place): \(name) is \(count); expected at most \(Volumes.maximumLineVolume) candidates in one line, the limit of the six-digit identifiers"
            )
        }
    }
}
