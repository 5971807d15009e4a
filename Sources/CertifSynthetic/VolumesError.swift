/// An invalid volumes file or `Volumes` value: a code to match on, and a message that names the
/// element at fault and the expected value.
///
/// The message quotes only codes, counts and keys of the volumes, never personal data.
public struct VolumesError: Error, CustomStringConvertible {
    /// The kind of failure, stable across releases so that callers and tests can match on it.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String

        private init(_ rawValue: String) { self.rawValue = rawValue }

        public var description: String { rawValue }

        /// The data is not JSON, or a value has the wrong type, or a required key is missing.
        public static let invalidJSON = Code("invalid-json")
        /// An object contains a key that the format does not define.
        public static let unknownKey = Code("unknown-key")
        /// `format` is not `certif-volumes/1`.
        public static let unsupportedFormat = Code("unsupported-format")
        /// `year` is outside 1900...9999.
        public static let invalidYear = Code("invalid-year")
        /// A route is neither `formation` nor `VAE`.
        public static let unknownRoute = Code("unknown-route")
        /// A diploma code is not in the reference data.
        public static let unknownDiploma = Code("unknown-diploma")
        /// A territory code is not one that Certif serves.
        public static let unknownTerritory = Code("unknown-territory")
        /// The diploma exists but has no exam format for the line's route.
        public static let routeNotOffered = Code("route-not-offered")
        /// Two lines give the same diploma and route.
        public static let duplicateLine = Code("duplicate-line")
        /// A line gives neither `total` nor `perTerritory`.
        public static let missingVolume = Code("missing-volume")
        /// A line gives both `total` and `perTerritory`, or `territories` with `perTerritory`.
        public static let conflictingVolume = Code("conflicting-volume")
        /// A total or a territory's count is below zero.
        public static let negativeVolume = Code("negative-volume")
        /// A line has more candidates than six-digit identifiers can number.
        public static let volumeTooLarge = Code("volume-too-large")
        /// `territories` is empty, lists a territory twice, or has no population to spread by.
        public static let invalidTerritories = Code("invalid-territories")
        /// A monthly profile is not 12 weights from 0 to 1,000,000 with a positive sum.
        public static let invalidMonthlyProfile = Code("invalid-monthly-profile")
    }

    public var code: Code
    public var message: String
    /// The error that caused this one, such as the decoder's `DecodingError`.
    public var underlying: (any Error)?

    public init(code: Code, message: String, underlying: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.underlying = underlying
    }

    public var description: String { "invalid volumes (\(code)): \(message)" }
}
