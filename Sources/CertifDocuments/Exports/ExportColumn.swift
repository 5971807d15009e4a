/// One column of an `ExportTable`: its French header and the kind of its cells.
public struct ExportColumn: Sendable, Hashable {
    /// The kind of value that every cell of a column holds.
    public enum Kind: Sendable, Hashable {
        case text
        case date
        case integer
        /// A number written with `places` decimals (rounded in CSV, formatted in XLSX).
        case decimal(places: Int)

        var name: String {
            switch self {
            case .text: return "text"
            case .date: return "date"
            case .integer: return "integer"
            case .decimal: return "decimal"
            }
        }
    }

    /// The header as users read it, in French ("date_naissance").
    public var header: String
    public var kind: Kind

    public init(_ header: String, _ kind: Kind) {
        self.header = header
        self.kind = kind
    }
}
