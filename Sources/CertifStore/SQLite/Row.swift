import CertifDomain

/// One result row of a query, with its values read by column name.
///
/// The typed readers throw `invalidStoredData` naming the column, never the value, when the
/// column is missing or contains a value of another type.
public struct Row: Sendable, Hashable {
    public let columns: [String]
    public let values: [SQLValue]

    public init(columns: [String], values: [SQLValue]) {
        precondition(
            columns.count == values.count,
            "a row needs one value per column, got \(columns.count) columns "
                + "and \(values.count) values"
        )
        self.columns = columns
        self.values = values
    }

    /// Returns the value of the first column with this name, or nil when no column has it.
    public subscript(column: String) -> SQLValue? {
        columns.firstIndex(of: column).map { values[$0] }
    }

    public func value(_ column: String) throws -> SQLValue {
        guard let value = self[column] else {
            throw Row.invalid(column, "is missing from the result")
        }
        return value
    }

    public func optionalString(_ column: String) throws -> String? {
        switch try value(column) {
        case .text(let text): return text
        case .null: return nil
        default: throw Row.invalid(column, "is not text")
        }
    }

    public func string(_ column: String) throws -> String {
        guard let text = try optionalString(column) else {
            throw Row.invalid(column, "is NULL, expected text")
        }
        return text
    }

    public func optionalInt64(_ column: String) throws -> Int64? {
        switch try value(column) {
        case .integer(let integer): return integer
        case .null: return nil
        default: throw Row.invalid(column, "is not an integer")
        }
    }

    public func int64(_ column: String) throws -> Int64 {
        guard let integer = try optionalInt64(column) else {
            throw Row.invalid(column, "is NULL, expected an integer")
        }
        return integer
    }

    public func int(_ column: String) throws -> Int {
        guard let integer = Int(exactly: try int64(column)) else {
            throw Row.invalid(column, "does not fit in Int")
        }
        return integer
    }

    /// Reads a REAL column, or an INTEGER one as SQLite would convert it.
    public func optionalDouble(_ column: String) throws -> Double? {
        switch try value(column) {
        case .real(let real): return real
        case .integer(let integer): return Double(integer)
        case .null: return nil
        default: throw Row.invalid(column, "is not a number")
        }
    }

    public func double(_ column: String) throws -> Double {
        guard let number = try optionalDouble(column) else {
            throw Row.invalid(column, "is NULL, expected a number")
        }
        return number
    }

    /// Reads 0 as false and 1 as true.
    public func bool(_ column: String) throws -> Bool {
        switch try int64(column) {
        case 0: return false
        case 1: return true
        default: throw Row.invalid(column, "is neither 0 nor 1")
        }
    }

    public func optionalDate(_ column: String) throws -> CivilDate? {
        guard let text = try optionalString(column) else {
            return nil
        }
        guard let date = Self.isoDate(text) ?? CivilDate(parsing: text) else {
            throw Row.invalid(column, "is not a date of the form YYYY-MM-DD")
        }
        return date
    }

    /// Reads the `YYYY-MM-DD` text that the store writes without Foundation, because a page
    /// of candidates reads hundreds of dates and `CivilDate(parsing:)` trims each first.
    /// Returns nil for any other text, which the caller then parses the slow way.
    private static func isoDate(_ text: String) -> CivilDate? {
        text.utf8.withContiguousStorageIfAvailable { bytes -> CivilDate? in
            guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-")
            else { return nil }
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for index in range {
                    let digit = Int(bytes[index]) - Int(UInt8(ascii: "0"))
                    guard (0...9).contains(digit) else { return nil }
                    value = value * 10 + digit
                }
                return value
            }
            guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10)
            else { return nil }
            return CivilDate(year: year, month: month, day: day)
        } ?? nil
    }

    public func date(_ column: String) throws -> CivilDate {
        guard let date = try optionalDate(column) else {
            throw Row.invalid(column, "is NULL, expected a date")
        }
        return date
    }

    private static func invalid(_ column: String, _ problem: String) -> StoreError {
        StoreError(
            code: .invalidStoredData,
            message: "column \(column) \(problem)"
        )
    }
}
