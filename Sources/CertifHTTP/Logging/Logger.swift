import Foundation

/// A logger shaped like swift-log's: a label, a level, and metadata with dotted keys such as
/// `http.method` or `request.id`.
///
/// It is a value, handed to the code that logs rather than built inside it. Metadata given to
/// one call adds to the logger's own and wins on equal keys. Messages below `logLevel` are
/// dropped before their text is built.
public struct Logger: Sendable {
    /// The levels of swift-log, from the most verbose.
    public enum Level: Int, Sendable, Comparable, CaseIterable, CustomStringConvertible {
        case trace, debug, info, notice, warning, error, critical

        public static func < (left: Level, right: Level) -> Bool {
            left.rawValue < right.rawValue
        }

        public var description: String {
            switch self {
            case .trace: return "trace"
            case .debug: return "debug"
            case .info: return "info"
            case .notice: return "notice"
            case .warning: return "warning"
            case .error: return "error"
            case .critical: return "critical"
            }
        }
    }

    public typealias Metadata = [String: MetadataValue]

    /// A metadata value. Numbers and booleans given as `stringConvertible` are written as JSON
    /// numbers and booleans.
    public enum MetadataValue: Sendable, CustomStringConvertible, ExpressibleByStringLiteral,
        ExpressibleByStringInterpolation
    {
        case string(String)
        case stringConvertible(any CustomStringConvertible & Sendable)
        case array([MetadataValue])
        case dictionary(Metadata)

        public init(stringLiteral value: String) {
            self = .string(value)
        }

        public var description: String {
            switch self {
            case .string(let text): return text
            case .stringConvertible(let value): return value.description
            case .array(let values):
                return "[" + values.map(\.description).joined(separator: ", ") + "]"
            case .dictionary(let metadata):
                let pairs = metadata.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
                return "[" + pairs.joined(separator: ", ") + "]"
            }
        }
    }

    public let label: String
    public var logLevel: Level
    public var metadata: Metadata
    public let handler: any LogHandler

    public init(
        label: String,
        logLevel: Level = .info,
        metadata: Metadata = [:],
        handler: any LogHandler = StandardErrorLogHandler()
    ) {
        self.label = label
        self.logLevel = logLevel
        self.metadata = metadata
        self.handler = handler
    }

    public subscript(metadataKey key: String) -> MetadataValue? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(
        level: Level,
        _ message: @autoclosure () -> String,
        metadata extra: @autoclosure () -> Metadata? = nil
    ) {
        guard level >= logLevel else {
            return
        }
        var merged = metadata
        if let extra = extra() {
            merged.merge(extra) { _, new in new }
        }
        handler.write(
            LogRecord(
                date: Date(),
                level: level,
                label: label,
                message: message(),
                metadata: merged
            )
        )
    }

    public func trace(
        _ message: @autoclosure () -> String,
        metadata: @autoclosure () -> Metadata? = nil
    ) {
        log(level: .trace, message(), metadata: metadata())
    }

    public func debug(
        _ message: @autoclosure () -> String,
        metadata: @autoclosure () -> Metadata? = nil
    ) {
        log(level: .debug, message(), metadata: metadata())
    }

    public func info(
        _ message: @autoclosure () -> String,
        metadata: @autoclosure () -> Metadata? = nil
    ) {
        log(level: .info, message(), metadata: metadata())
    }

    public func notice(
        _ message: @autoclosure () -> String,
        metadata: @autoclosure () -> Metadata? = nil
    ) {
        log(level: .notice, message(), metadata: metadata())
    }

    public func warning(
        _ message: @autoclosure () -> String,
        metadata: @autoclosure () -> Metadata? = nil
    ) {
        log(level: .warning, message(), metadata: metadata())
    }

    public func error(
        _ message: @autoclosure () -> String,
        metadata: @autoclosure () -> Metadata? = nil
    ) {
        log(level: .error, message(), metadata: metadata())
    }

    public func critical(
        _ message: @autoclosure () -> String,
        metadata: @autoclosure () -> Metadata? = nil
    ) {
        log(level: .critical, message(), metadata: metadata())
    }
}

/// One message with its context, as a `LogHandler` receives it.
public struct LogRecord: Sendable {
    public var date: Date
    public var level: Logger.Level
    public var label: String
    public var message: String
    public var metadata: Logger.Metadata

    public init(
        date: Date,
        level: Logger.Level,
        label: String,
        message: String,
        metadata: Logger.Metadata
    ) {
        self.date = date
        self.level = level
        self.label = label
        self.message = message
        self.metadata = metadata
    }
}

/// The destination of log records. `write` is called from any thread.
public protocol LogHandler: Sendable {
    func write(_ record: LogRecord)
}
