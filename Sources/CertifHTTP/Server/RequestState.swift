import CMicroHTTPD
import Foundation

/// The server's record of one request, from its request line to the end of its response.
///
/// libmicrohttpd keeps a retained pointer to it as the request's context and gives it back on
/// every callback. The completion callback releases it.
final class RequestState: @unchecked Sendable {
    // Sendable because the fields marked "MHD thread" are read and written only by the
    // libmicrohttpd thread that owns the connection (in thread-pool mode a connection never
    // changes threads), and `resumption` only under `lock`.

    /// Where the request stands in the access handler's sequence of calls.
    enum Phase {
        /// The request line is read. The headers come with the first access handler call.
        case headers
        case receivingBody
        /// The body passed the route's limit: the rest is read and dropped, then 413 is sent.
        case discardingBody
        /// The connection is suspended while a task runs the handler.
        case dispatched
        /// A response is queued.
        case answered
    }

    /// What the handler task and `stop` may do with the suspended connection.
    private enum Resumption {
        case notSuspended
        case suspended(Task<Void, Never>?)
        /// The connection was resumed with this response, which the MHD thread has not yet
        /// queued.
        case resumed(HTTPResponse)
        case responseTaken
    }

    let id = HTTPRequest.makeID()
    /// The request target as sent, path and query with their percent escapes.
    let target: String
    let started = ContinuousClock.now
    let connection: OpaquePointer

    // MHD thread.
    var phase = Phase.headers
    var request: HTTPRequest?
    var route: Router.Route?
    var body = Data()
    var discardedBodyBytes = 0
    var queuedStatus: HTTPStatus?

    private let lock = NSLock()
    private var resumption = Resumption.notSuspended

    init(target: String, connection: OpaquePointer) {
        self.target = target
        self.connection = connection
    }

    /// Records that the MHD thread suspended the connection. Called before the state becomes
    /// visible to `stop`, so that `stop` can resume it.
    func markSuspended() {
        lock.withLock { resumption = .suspended(nil) }
    }

    /// Keeps the handler's task so that `stop` can cancel it, or cancels it at once when the
    /// connection was already resumed.
    func attach(_ task: Task<Void, Never>) {
        let resumed = lock.withLock {
            guard case .suspended = resumption else {
                return true
            }
            resumption = .suspended(task)
            return false
        }
        if resumed {
            task.cancel()
        }
    }

    /// Resumes the suspended connection with `response`, cancelling the handler's task when
    /// `cancelTask` is set. Returns false, and leaves the connection alone, when the
    /// connection was already resumed: the handler task and `stop` race for it, and the
    /// first one wins.
    ///
    /// The lock is held across `MHD_resume_connection`, so that once `stop` sees the
    /// connection resumed it may stop the daemon: MHD must have no suspended connection then.
    @discardableResult
    func resume(with response: HTTPResponse, cancelTask: Bool) -> Bool {
        lock.withLock {
            guard case .suspended(let task) = resumption else {
                return false
            }
            resumption = .resumed(response)
            if cancelTask {
                task?.cancel()
            }
            MHD_resume_connection(connection)
            return true
        }
    }

    /// The response that `resume` left, for the MHD thread to queue.
    func takeResponse() -> HTTPResponse? {
        lock.withLock {
            guard case .resumed(let response) = resumption else {
                return nil
            }
            resumption = .responseTaken
            return response
        }
    }
}
