import CertifDomain

/// A value of an `ExportTable`; an empty cell is nil in the row.
public enum ExportCell: Sendable, Hashable {
    case text(String)
    case date(CivilDate)
    case integer(Int)
    case decimal(Double)

    var kindName: String {
        switch self {
        case .text: return "text"
        case .date: return "date"
        case .integer: return "integer"
        case .decimal: return "decimal"
        }
    }
}
