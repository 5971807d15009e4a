/// A code that is a string in files and JSON ("84", "DEAF") but its own type in Swift, so that a
/// territory code cannot be passed where a diploma code is expected.
public protocol StringCode: RawRepresentable, Hashable, Comparable, Sendable, Codable,
    CustomStringConvertible
where RawValue == String {
    init(rawValue: String)
}

extension StringCode {
    public init(_ rawValue: String) { self.init(rawValue: rawValue) }

    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
