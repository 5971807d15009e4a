/// Lets through at most a set number of messages a minute and counts the rest, so that a
/// flood of malformed requests cannot flood the log.
final class MessageRateLimit: Sendable {
    private struct Window {
        var start = ContinuousClock.now
        var admitted = 0
        var suppressed = 0
    }

    private let maximumPerMinute: Int
    private let window = Locked(Window())

    init(maximumPerMinute: Int) {
        self.maximumPerMinute = maximumPerMinute
    }

    /// Calls `write` unless this minute's quota is used, passing the number of messages that
    /// the previous minute suppressed (0 when none were).
    func admit(_ write: (Int) -> Void) {
        let decision: (admitted: Bool, suppressed: Int) = window.withLock { window in
            var carried = 0
            if ContinuousClock.now - window.start >= .seconds(60) {
                carried = window.suppressed
                window = Window()
            }
            guard window.admitted < maximumPerMinute else {
                window.suppressed += 1
                return (false, 0)
            }
            window.admitted += 1
            return (true, carried)
        }
        if decision.admitted {
            write(decision.suppressed)
        }
    }
}
