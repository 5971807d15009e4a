import Foundation

/// The text form of the store's timestamps: ISO 8601 in UTC with milliseconds,
/// `2025-03-15T09:30:00.250Z`, whose text order is time order.
enum Timestamp {
    private static let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    static func string(_ date: Date) -> String {
        style.format(date)
    }

    static func date(_ text: String) -> Date? {
        try? style.parse(text)
    }
}

extension Row {
    func timestamp(_ column: String) throws -> Date {
        guard let date = try optionalTimestamp(column) else {
            throw StoreError(
                code: .invalidStoredData,
                message: "column \(column) is NULL, expected a timestamp"
            )
        }
        return date
    }

    func optionalTimestamp(_ column: String) throws -> Date? {
        guard let text = try optionalString(column) else {
            return nil
        }
        guard let date = Timestamp.date(text) else {
            throw StoreError(
                code: .invalidStoredData,
                message: "column \(column) is not an ISO 8601 timestamp"
            )
        }
        return date
    }
}
