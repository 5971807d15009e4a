import CertifStore
import Dispatch
import Foundation

/// The database connections of the web application, each used by one request at a time.
///
/// SQLite calls block, so they run on a dispatch queue rather than on Swift's cooperative
/// pool, whose few threads must stay free for the other requests. A connection is opened the
/// first time it is needed and kept for later requests; at most `capacity` are open, and a
/// request waits for a free one beyond that.
final class StorePool: @unchecked Sendable {
    // Sendable because `idle` is only touched under `lock`, and each store is lent to one
    // block at a time.
    private let path: String
    private let now: @Sendable () -> Date
    private let lock = NSLock()
    private var idle: [CertifStore] = []
    private let slots: DispatchSemaphore
    private let queue = DispatchQueue(label: "certif.web.store", attributes: .concurrent)

    init(path: String, capacity: Int, now: @escaping @Sendable () -> Date) {
        self.path = path
        self.now = now
        self.slots = DispatchSemaphore(value: max(1, capacity))
    }

    /// Runs `body` with a connection on the store queue and returns its result.
    func run<Value: Sendable>(
        _ body: @escaping @Sendable (CertifStore) throws -> Value
    ) async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Swift.Result { try self.withStore(body) })
            }
        }
    }

    /// Runs `body` on the store queue without a connection, for other blocking work such as
    /// hashing a password.
    func runBlocking<Value: Sendable>(
        _ body: @escaping @Sendable () throws -> Value
    ) async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Swift.Result { try body() })
            }
        }
    }

    private func withStore<Result>(_ body: (CertifStore) throws -> Result) throws -> Result {
        slots.wait()
        defer { slots.signal() }
        let store = try checkOut()
        defer { checkIn(store) }
        return try body(store)
    }

    private func checkOut() throws -> CertifStore {
        lock.lock()
        let reused = idle.popLast()
        lock.unlock()
        if let reused {
            return reused
        }
        let clock = now
        return try CertifStore(path: path, now: { clock() })
    }

    private func checkIn(_ store: CertifStore) {
        lock.lock()
        idle.append(store)
        lock.unlock()
    }
}
