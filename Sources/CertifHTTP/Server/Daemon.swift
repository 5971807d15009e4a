import CMicroHTTPD
import Foundation

/// The owner of one libmicrohttpd daemon, stopped by `stop()` or, failing that, in `deinit`.
///
/// The daemon's callbacks receive an unretained pointer to `core`, which this class keeps
/// alive until the daemon is stopped.
final class Daemon: @unchecked Sendable {
    // Sendable because `handle` and `quiescedSocket` are only read or written under `lock`.
    private let lock = NSLock()
    private var handle: OpaquePointer?
    /// The listening socket that `MHD_quiesce_daemon` returned, closed after the daemon stops.
    private var quiescedSocket: Int32?
    let core: ServerCore

    /// Starts a daemon on `listenSocket`, which it takes: the socket is closed when the start
    /// fails and when the daemon stops.
    init(
        listenSocket: Int32,
        core: ServerCore,
        threadPoolSize: Int,
        connectionTimeoutSeconds: UInt32
    ) throws(HTTPServerError) {
        self.core = core
        let flags =
            MHD_USE_INTERNAL_POLLING_THREAD.rawValue | MHD_USE_AUTO.rawValue
            | MHD_ALLOW_SUSPEND_RESUME.rawValue | MHD_USE_ERROR_LOG.rawValue
        let started = certif_mhd_start_daemon(
            flags,
            listenSocket,
            UInt32(threadPoolSize),
            connectionTimeoutSeconds,
            { context, _, _, method, _, uploadData, uploadDataSize, requestContext in
                guard let context, let method, let uploadDataSize,
                    let state = requestContext?.pointee
                else {
                    return .NO
                }
                let core = Unmanaged<ServerCore>.fromOpaque(context).takeUnretainedValue()
                return core.handleAccess(
                    Unmanaged<RequestState>.fromOpaque(state).takeUnretainedValue(),
                    method: String(cString: method),
                    uploadData: uploadData,
                    uploadDataSize: uploadDataSize
                )
            },
            { context, _, requestContext, termination in
                guard let context, let state = requestContext?.pointee else {
                    return
                }
                let core = Unmanaged<ServerCore>.fromOpaque(context).takeUnretainedValue()
                // Balances the retain of the URI callback below.
                let request = Unmanaged<RequestState>.fromOpaque(state).takeRetainedValue()
                requestContext?.pointee = nil
                core.requestCompleted(request, termination: termination)
            },
            { context, target, connection in
                guard let context, let target, let connection else {
                    return nil
                }
                let core = Unmanaged<ServerCore>.fromOpaque(context).takeUnretainedValue()
                let state = core.requestStarted(
                    target: String(cString: target),
                    connection: connection
                )
                return Unmanaged.passRetained(state).toOpaque()
            },
            { context, format, arguments in
                guard let context, let format, let arguments else {
                    return
                }
                var buffer = [CChar](repeating: 0, count: 512)
                _ = vsnprintf(&buffer, buffer.count, format, arguments)
                let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
                let message = String(decoding: bytes, as: UTF8.self)
                    .trimmingCharacters(in: .whitespacesAndNewlines)
                Unmanaged<ServerCore>.fromOpaque(context).takeUnretainedValue()
                    .libraryMessage(message)
            },
            Unmanaged.passUnretained(core).toOpaque()
        )
        guard let started else {
            // MHD leaves a socket that it failed to start on open.
            close(listenSocket)
            throw HTTPServerError(
                code: .startFailed,
                message: "libmicrohttpd could not start a daemon with \(threadPoolSize) threads; "
                    + "its log message above gives the reason",
                function: "MHD_start_daemon"
            )
        }
        handle = started
    }

    deinit {
        stop()
    }

    /// Stops accepting connections, leaving open connections to finish.
    func quiesce() {
        lock.withLock {
            guard let handle, quiescedSocket == nil else {
                return
            }
            let socket = MHD_quiesce_daemon(handle)
            guard socket >= 0 else {
                return
            }
            quiescedSocket = socket
            // MHD no longer accepts on the socket, but the kernel would still complete new
            // connections and leave them waiting. Shutting the socket down makes them fail at
            // once, so that a reverse proxy tries elsewhere. The socket stays open until the
            // daemon has stopped, as the MHD_quiesce_daemon manual requires.
            shutdown(socket, Int32(SHUT_RDWR))
        }
    }

    /// Resumes every suspended request with a 503, stops the daemon, which closes every
    /// connection, and returns the number of requests abandoned. Later calls do nothing.
    @discardableResult
    func stop() -> Int {
        lock.withLock {
            guard let handle else {
                return 0
            }
            let abandoned = core.abandonSuspendedRequests()
            MHD_stop_daemon(handle)
            self.handle = nil
            if let quiescedSocket {
                close(quiescedSocket)
                self.quiescedSocket = nil
            }
            return abandoned
        }
    }
}
