import Foundation

/// Writes each record as one line on standard error: a JSON object when standard error is not
/// a terminal (a service's log collector), readable text when it is.
///
/// A JSON line has the keys `time` (ISO 8601 in UTC, milliseconds), `level`, `label` and
/// `message`, then the metadata keys as they are, dots included. A metadata key equal to one
/// of the first four is dropped.
public struct StandardErrorLogHandler: LogHandler {
    public enum Format: Sendable {
        case json
        case readable
    }

    public let format: Format

    /// Writes in `format`, or when it is nil, readable text on a terminal and JSON otherwise.
    public init(format: Format? = nil) {
        self.format = format ?? (isatty(STDERR_FILENO) == 1 ? .readable : .json)
    }

    public func write(_ record: LogRecord) {
        let line = format == .json ? Self.jsonLine(record) : Self.readableLine(record)
        writeToStandardError(line + "\n")
    }

    static func jsonLine(_ record: LogRecord) -> String {
        let reserved: Set<String> = ["time", "level", "label", "message"]
        var members = [
            ("time", jsonString(iso8601(record.date))),
            ("level", jsonString(record.level.description)),
            ("label", jsonString(record.label)),
            ("message", jsonString(record.message)),
        ]
        for (key, value) in record.metadata.sorted(by: { $0.key < $1.key })
        where !reserved.contains(key) {
            members.append((key, jsonValue(value)))
        }
        return "{" + members.map { jsonString($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }

    static func readableLine(_ record: LogRecord) -> String {
        var line = "\(iso8601(record.date)) \(record.level) \(record.label): "
        line += escapedControlCharacters(record.message)
        for (key, value) in record.metadata.sorted(by: { $0.key < $1.key }) {
            line += " \(key)=\(readableValue(value.description))"
        }
        return line
    }
}

/// Serializes the writes of every handler, so that lines of different threads never mix.
private let standardErrorLock = NSLock()

private func writeToStandardError(_ text: String) {
    standardErrorLock.lock()
    defer { standardErrorLock.unlock() }
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
        let written = bytes.withUnsafeBytes { Glibc.write(STDERR_FILENO, $0.baseAddress, $0.count) }
        if written < 0 {
            if errno == EINTR {
                continue
            }
            // Nowhere is left to report a failure to write the log.
            return
        }
        bytes = bytes.dropFirst(written)
    }
}

/// The date as "2025-03-15T09:30:00.250Z".
func iso8601(_ date: Date) -> String {
    let interval = date.timeIntervalSince1970
    var seconds = time_t(interval.rounded(.down))
    let milliseconds = Int((interval - Double(seconds)) * 1000)
    var parts = tm()
    gmtime_r(&seconds, &parts)
    func padded(_ value: Int32, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    return "\(padded(parts.tm_year + 1900, 4))-\(padded(parts.tm_mon + 1, 2))-"
        + "\(padded(parts.tm_mday, 2))T\(padded(parts.tm_hour, 2)):\(padded(parts.tm_min, 2)):"
        + "\(padded(parts.tm_sec, 2)).\(padded(Int32(milliseconds), 3))Z"
}

private func jsonValue(_ value: Logger.MetadataValue) -> String {
    switch value {
    case .string(let text):
        return jsonString(text)
    case .stringConvertible(let convertible):
        switch convertible {
        case let number as any BinaryInteger: return String(describing: number)
        case let number as Double where number.isFinite: return String(number)
        case let flag as Bool: return flag ? "true" : "false"
        default: return jsonString(convertible.description)
        }
    case .array(let values):
        return "[" + values.map(jsonValue).joined(separator: ",") + "]"
    case .dictionary(let metadata):
        let members = metadata.sorted { $0.key < $1.key }.map {
            jsonString($0.key) + ":" + jsonValue($0.value)
        }
        return "{" + members.joined(separator: ",") + "}"
    }
}

/// `text` as a JSON string literal (RFC 8259, 7).
func jsonString(_ text: String) -> String {
    var literal = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": literal += "\\\""
        case "\\": literal += "\\\\"
        case "\n": literal += "\\n"
        case "\r": literal += "\\r"
        case "\t": literal += "\\t"
        case _ where scalar.value < 0x20 || scalar.value == 0x7F:
            literal += "\\u" + hexadecimal(scalar.value, width: 4)
        default: literal.unicodeScalars.append(scalar)
        }
    }
    return literal + "\""
}

/// `text` with control characters written as escapes, so that a value cannot break a line.
private func escapedControlCharacters(_ text: String) -> String {
    var escaped = ""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\n": escaped += "\\n"
        case "\r": escaped += "\\r"
        case "\t": escaped += "\\t"
        case _ where scalar.value < 0x20 || scalar.value == 0x7F:
            escaped += "\\u{" + hexadecimal(scalar.value, width: 2) + "}"
        default: escaped.unicodeScalars.append(scalar)
        }
    }
    return escaped
}

/// A metadata value for a readable line: quoted when it is empty or holds a space or a quote.
private func readableValue(_ text: String) -> String {
    let escaped = escapedControlCharacters(text)
    guard escaped.isEmpty || escaped.contains(where: { $0 == " " || $0 == "\"" }) else {
        return escaped
    }
    return "\"" + escaped.replacingOccurrences(of: "\"", with: "\\\"") + "\""
}

private func hexadecimal(_ value: UInt32, width: Int) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}
