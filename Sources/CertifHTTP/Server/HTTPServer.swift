import Foundation

/// An HTTP/1.1 server over libmicrohttpd, listening from `init` until `stop`.
///
/// libmicrohttpd's thread pool reads requests and writes responses. Each request body is
/// collected in memory within its route's `BodyLimit`, then its handler runs as a Swift task
/// (`ServerCore` explains why). The server answers `/healthz` with 200 "ok" and `/readyz`
/// with 200 or 503 as `Configuration.readiness` says, so the router must not hold these two
/// paths. It logs one line per request at debug level, its start and stop at info, and every
/// handler error with the request id, but never a body, a query string or a cookie.
public final class HTTPServer: Sendable {
    /// The address listened on, with the port that the system picked when port 0 was asked.
    public let address: ListenAddress
    private let daemon: Daemon
    let lifecycle = Locked(Lifecycle())

    struct Lifecycle {
        enum Phase {
            case running
            case stopping
            case stopped
        }

        var phase = Phase.running
        var stopWaiters: [CheckedContinuation<Void, Never>] = []
        var signalHandlersInstalled = false
    }

    /// The TCP port listened on.
    public var boundPort: UInt16 { address.port }

    var core: ServerCore { daemon.core }

    /// Binds the address of `configuration` and starts serving `router`'s routes.
    public init(configuration: Configuration, router: Router) throws(HTTPServerError) {
        let requested = try ListenAddress(parsing: configuration.address)
        if configuration.loopbackOnly, !requested.isLoopback {
            throw HTTPServerError(
                code: .nonLoopbackAddress,
                message: "the listen address \(requested) is not a loopback address; listen on "
                    + "127.0.0.1 or [::1] behind the reverse proxy"
            )
        }
        guard (1...1024).contains(configuration.threadPoolSize) else {
            throw HTTPServerError(
                code: .invalidConfiguration,
                message: "a thread pool of \(configuration.threadPoolSize) threads is out of "
                    + "range; give 1 to 1024 threads"
            )
        }
        guard configuration.connectionTimeout > .zero else {
            throw HTTPServerError(
                code: .invalidConfiguration,
                message: "the connection timeout must be positive, not "
                    + "\(configuration.connectionTimeout)"
            )
        }
        let timeout = configuration.connectionTimeout.components
        let timeoutSeconds = timeout.seconds + (timeout.attoseconds > 0 ? 1 : 0)

        var routes = router
        routes.get("/healthz") { _ in .text("ok") }
        let readiness = configuration.readiness
        routes.get("/readyz") { _ in
            await readiness() ? .text("ok") : .text("not ready", status: .serviceUnavailable)
        }
        let core = ServerCore(router: routes, configuration: configuration)
        let (socket, port) = try openListeningSocket(at: requested)
        daemon = try Daemon(
            listenSocket: socket,
            core: core,
            threadPoolSize: configuration.threadPoolSize,
            connectionTimeoutSeconds: UInt32(clamping: timeoutSeconds)
        )
        address = requested.with(port: port)
        configuration.logger.info(
            "HTTP server started",
            metadata: [
                "http.address": .string(address.description),
                "http.thread_pool_size": .stringConvertible(configuration.threadPoolSize),
            ]
        )
    }

    deinit {
        // Stops at once, answering 503 to requests whose handler still runs.
        daemon.stop()
    }

    /// Stops the server: stops accepting connections, lets requests in flight finish for up
    /// to `gracePeriod`, then answers 503 to those still running, cancels their handlers and
    /// closes every connection. A second call waits for the first one to finish.
    public func stop(gracePeriod: Duration = .seconds(10)) async {
        let isFirstCall = lifecycle.withLock { lifecycle in
            guard lifecycle.phase == .running else {
                return false
            }
            lifecycle.phase = .stopping
            return true
        }
        guard isFirstCall else {
            await waitUntilStopped()
            return
        }
        let logger = core.logger
        logger.info(
            "HTTP server stopping",
            metadata: ["http.requests_in_flight": .stringConvertible(core.activeRequestCount)]
        )
        daemon.quiesce()
        core.beginDraining()
        let deadline = ContinuousClock.now + gracePeriod
        while core.activeRequestCount > 0, ContinuousClock.now < deadline, !Task.isCancelled {
            // NOTE: polled every 10 ms rather than woken by the last completion: simpler, and
            // the delay is small beside a stop.
            try? await Task.sleep(for: .milliseconds(10))
        }
        let abandoned = daemon.stop()
        logger.info(
            "HTTP server stopped",
            metadata: [
                "http.address": .string(address.description),
                "http.requests_abandoned": .stringConvertible(abandoned),
            ]
        )
        let waiters = lifecycle.withLock { lifecycle in
            lifecycle.phase = .stopped
            defer { lifecycle.stopWaiters = [] }
            return lifecycle.stopWaiters
        }
        for waiter in waiters {
            waiter.resume()
        }
    }

    /// Returns once `stop` has finished.
    func waitUntilStopped() async {
        await withCheckedContinuation { continuation in
            let stopped = lifecycle.withLock { lifecycle in
                guard lifecycle.phase != .stopped else {
                    return true
                }
                lifecycle.stopWaiters.append(continuation)
                return false
            }
            if stopped {
                continuation.resume()
            }
        }
    }
}
