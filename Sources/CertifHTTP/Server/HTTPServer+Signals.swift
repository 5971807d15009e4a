import Dispatch
import Foundation

extension HTTPServer {
    /// Serves until SIGINT or SIGTERM, then stops as `stop(gracePeriod:)` does and returns.
    /// It also returns when another task calls `stop`.
    ///
    /// While it runs, the two signals are ignored by the process and delivered to dispatch
    /// sources instead. Their previous dispositions are restored before it returns.
    public func runUntilSignalled(gracePeriod: Duration = .seconds(10)) async {
        let queue = DispatchQueue(label: "certif.http.signals")
        var restorations: [() -> Void] = []
        var sources: [any DispatchSourceSignal] = []
        for (number, name) in [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")] {
            let previous = signal(number, SIG_IGN)
            restorations.append { _ = signal(number, previous) }
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [self] in
                core.logger.info("signal received", metadata: ["process.signal": .string(name)])
                Task { await self.stop(gracePeriod: gracePeriod) }
            }
            source.resume()
            sources.append(source)
        }
        lifecycle.withLock { $0.signalHandlersInstalled = true }

        await waitUntilStopped()

        for source in sources {
            source.cancel()
        }
        for restore in restorations {
            restore()
        }
        lifecycle.withLock { $0.signalHandlersInstalled = false }
    }

    /// Whether `runUntilSignalled` has installed its signal handlers, for tests that send a
    /// signal.
    var signalHandlersInstalled: Bool {
        lifecycle.withLock { $0.signalHandlersInstalled }
    }
}
