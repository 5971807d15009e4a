import CertifHTTP
import Foundation

/// A log handler that keeps every record, for tests that read the log.
final class LogCapture: LogHandler, @unchecked Sendable {
    // Sendable because `stored` is only read or written under `lock`.
    private let lock = NSLock()
    private var stored: [LogRecord] = []

    func write(_ record: LogRecord) {
        lock.withLock { stored.append(record) }
    }

    var records: [LogRecord] {
        lock.withLock { stored }
    }

    func records(withMessage message: String) -> [LogRecord] {
        records.filter { $0.message == message }
    }

    /// A logger at debug level that writes here.
    func logger() -> Logger {
        Logger(label: "certif.http.test", logLevel: .debug, handler: self)
    }
}
