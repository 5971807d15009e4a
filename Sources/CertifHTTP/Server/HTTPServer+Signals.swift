import Dispatch
import Foundation

extension HTTPServer {
    /// Serves until SIGINT or SIGTERM, then stops as `stop(gracePeriod:)` does and returns.
    /// It also returns when another task calls `stop`.
    ///
    /// While it runs, a handler for the two signals writes each signal's number to a pipe,
    /// which a dispatch source reads. The signals' previous handlers are restored before it
    /// returns. The handlers are process-wide, so only one server of a process may run this
    /// at a time.
    ///
    /// A dispatch signal source alone is not reliable on Linux. It reads the signal through a
    /// signalfd, and the signal must be ignored so that it does not end the process. A thread
    /// that has the signal unblocked, such as the main thread waiting in `dispatchMain`, can
    /// take it first and drop it.
    public func runUntilSignalled(gracePeriod: Duration = .seconds(10)) async {
        let pipe = signalPipe
        guard pipe.readEnd >= 0 else {
            core.logger.error(
                "creating the signal pipe failed, so the server only stops when stop() is called",
                metadata: ["error.description": .string(pipe.failure)]
            )
            await waitUntilStopped()
            return
        }
        let queue = DispatchQueue(label: "certif.http.signals")
        let source = DispatchSource.makeReadSource(fileDescriptor: pipe.readEnd, queue: queue)
        source.setEventHandler { [self] in
            var number: UInt8 = 0
            while read(pipe.readEnd, &number, 1) == 1 {
                let name = Int32(number) == SIGINT ? "SIGINT" : "SIGTERM"
                core.logger.info("signal received", metadata: ["process.signal": .string(name)])
                Task { await self.stop(gracePeriod: gracePeriod) }
            }
        }
        source.resume()
        let previous = [SIGINT, SIGTERM].map { ($0, forwardSignalToPipe($0)) }
        lifecycle.withLock { $0.signalHandlersInstalled = true }

        await waitUntilStopped()

        for (number, action) in previous {
            var action = action
            sigaction(number, &action, nil)
        }
        source.cancel()
        lifecycle.withLock { $0.signalHandlersInstalled = false }
    }

    /// Whether `runUntilSignalled` has installed its signal handlers, for tests that send a
    /// signal.
    var signalHandlersInstalled: Bool {
        lifecycle.withLock { $0.signalHandlersInstalled }
    }
}

/// The pipe from the signal handler to `runUntilSignalled`, both ends non-blocking. It is
/// created before any handler is installed and never closed, so the handler only reads a
/// global constant that is already initialized.
private let signalPipe: (readEnd: Int32, writeEnd: Int32, failure: String) = {
    var ends: [Int32] = [-1, -1]
    guard pipe(&ends) == 0 else {
        return (-1, -1, "pipe failed: " + String(cString: strerror(errno)))
    }
    for end in ends {
        _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
        _ = fcntl(end, F_SETFD, FD_CLOEXEC)
    }
    return (ends[0], ends[1], "")
}()

/// Installs a handler that writes the signal's number to the signal pipe, and returns the
/// previous action. The handler calls only `write`, which is async-signal-safe, and keeps
/// `errno` as it found it.
private func forwardSignalToPipe(_ number: Int32) -> sigaction {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { number in
        let savedError = errno
        var byte = UInt8(truncatingIfNeeded: number)
        _ = write(signalPipe.writeEnd, &byte, 1)
        errno = savedError
    }
    sigemptyset(&action.sa_mask)
    action.sa_flags = SA_RESTART
    var previous = sigaction()
    sigaction(number, &action, &previous)
    return previous
}
