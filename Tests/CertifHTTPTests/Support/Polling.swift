import Foundation

/// Checks `condition` every 10 ms until it holds or `timeout` passes, and returns whether it
/// held.
func waitUntil(
    timeout: Duration = .seconds(10),
    _ condition: @Sendable () -> Bool
) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if condition() {
            return true
        }
        try? await Task.sleep(for: .milliseconds(10))
    }
    return condition()
}

/// A value shared by a test and its handlers, guarded by a lock.
final class Shared<Value: Sendable>: @unchecked Sendable {
    // Sendable because `value` is only read or written under `lock`.
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    func get() -> Value {
        lock.withLock { value }
    }

    func update<Result>(_ change: (inout Value) -> Result) -> Result {
        lock.withLock { change(&value) }
    }
}

/// Whether a TCP connection to 127.0.0.1:`port` is refused.
func connectionRefused(port: UInt16) -> Bool {
    do {
        _ = try RawConnection(port: port)
        return false
    } catch {
        return true
    }
}
