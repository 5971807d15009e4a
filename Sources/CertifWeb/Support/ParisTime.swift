import Foundation

/// Instants as pages write them: in Paris time, where the national services work.
enum ParisTime {
    /// Returns "02/12/2024 à 14:05".
    static func text(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Paris") ?? .gmt
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return twoDigits(parts.day) + "/" + twoDigits(parts.month) + "/"
            + String(parts.year ?? 0) + " à " + twoDigits(parts.hour) + ":"
            + twoDigits(parts.minute)
    }

    /// Returns the ISO 8601 form for a `time` element's `datetime`, in UTC.
    static func machineText(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    private static func twoDigits(_ value: Int?) -> String {
        let number = value ?? 0
        return (number < 10 ? "0" : "") + String(number)
    }
}
