import CMicroHTTPD
import Foundation

/// The context of libmicrohttpd's callbacks: the routes, the logger, and the requests in
/// flight.
///
/// Handlers are async and run as tasks, never on a libmicrohttpd thread. When a request is
/// complete, the MHD thread suspends its connection (`MHD_suspend_connection`) and starts a
/// task for the handler. The task stores the response and resumes the connection, and the
/// MHD thread queues the response on its next call. So an MHD thread never waits for Swift
/// code, a slow handler holds up no other connection, and handlers may await actors.
/// The cost is that MHD aborts the process if it is stopped with a suspended connection, so
/// `abandonSuspendedRequests` resumes each one with a 503 before the daemon stops.
final class ServerCore: Sendable {
    private struct Shared {
        /// Requests between their request line and their completion callback.
        var activeRequestCount = 0
        /// Set by `stop`: responses carry `Connection: close`.
        var draining = false
        /// Set just before the daemon stops: no connection may be suspended any more.
        var abandoning = false
        var suspended: [ObjectIdentifier: RequestState] = [:]
    }

    let router: Router
    let logger: Logger
    let errorResponse: @Sendable (HTTPStatus, String, String) -> HTTPResponse
    private let shared = Locked(Shared())
    private let libraryMessages = MessageRateLimit(maximumPerMinute: 20)

    init(router: Router, configuration: HTTPServer.Configuration) {
        self.router = router
        self.logger = configuration.logger
        self.errorResponse = configuration.errorResponse
    }

    var activeRequestCount: Int { shared.withLock { $0.activeRequestCount } }

    func beginDraining() {
        shared.withLock { $0.draining = true }
    }

    /// Resumes every suspended connection with a 503 and cancels its handler, and keeps any
    /// later request from being suspended. Returns the number of requests abandoned.
    func abandonSuspendedRequests() -> Int {
        let states = shared.withLock { shared in
            shared.abandoning = true
            return Array(shared.suspended.values)
        }
        var abandoned = 0
        for state in states {
            let response = errorResponse(
                HTTPError.stopping.status,
                HTTPError.stopping.publicMessage,
                state.id
            )
            if state.resume(with: response, cancelTask: true) {
                abandoned += 1
            }
        }
        return abandoned
    }

    // MARK: - libmicrohttpd callbacks, each called on an MHD thread

    /// Creates the state of a request from its raw target, before MHD decodes it.
    func requestStarted(target: String, connection: OpaquePointer) -> RequestState {
        shared.withLock { $0.activeRequestCount += 1 }
        return RequestState(target: target, connection: connection)
    }

    func requestCompleted(_ state: RequestState, termination: MHD_RequestTerminationCode) {
        shared.withLock { $0.activeRequestCount -= 1 }
        let milliseconds = Double((ContinuousClock.now - state.started) / .microseconds(1)) / 1000
        var metadata: Logger.Metadata = [
            "request.id": .string(state.id),
            "http.duration_ms": .stringConvertible((milliseconds * 10).rounded() / 10),
        ]
        if let request = state.request {
            metadata["http.method"] = .string(request.method.rawValue)
        }
        if let route = state.route {
            metadata["http.route"] = .string(route.pattern)
            // A path's parameters are the objects' ids, such as a candidate's, which are
            // personal data: the path is logged only when the route has none. An unmatched
            // path is not logged either, since it may be any id typed by hand.
            if let request = state.request, !route.pattern.contains(":"),
                !route.pattern.contains("*")
            {
                metadata["http.path"] = .string(request.path)
            }
        }
        if let status = state.queuedStatus {
            metadata["http.status"] = .stringConvertible(status.code)
        }
        if termination != .REQUEST_TERMINATED_COMPLETED_OK {
            metadata["http.termination"] = .string(terminationName(termination))
        }
        logger.debug("request completed", metadata: metadata)
    }

    func libraryMessage(_ text: String) {
        libraryMessages.admit { suppressed in
            var metadata: Logger.Metadata = [:]
            if suppressed > 0 {
                metadata["log.suppressed"] = .stringConvertible(suppressed)
            }
            logger.warning("libmicrohttpd: \(text)", metadata: metadata)
        }
    }

    /// The access handler: called once with the headers, once for each piece of the body,
    /// once when the request is complete, and once more after the handler task resumed the
    /// connection.
    func handleAccess(
        _ state: RequestState,
        method: String,
        uploadData: UnsafePointer<CChar>?,
        uploadDataSize: UnsafeMutablePointer<Int>
    ) -> MHD_Result {
        switch state.phase {
        case .headers:
            return beginRequest(state, method: method)
        case .receivingBody:
            let size = uploadDataSize.pointee
            guard size == 0 else {
                uploadDataSize.pointee = 0
                let limit = state.route?.bodyLimit ?? .form
                guard state.body.count + size <= limit.maximumBytes else {
                    state.phase = .discardingBody
                    state.discardedBodyBytes = state.body.count + size
                    state.body = Data()
                    return .YES
                }
                if let uploadData {
                    state.body.append(
                        UnsafeRawPointer(uploadData).assumingMemoryBound(to: UInt8.self),
                        count: size
                    )
                }
                return .YES
            }
            return dispatch(state)
        case .discardingBody:
            let size = uploadDataSize.pointee
            let limit = state.route?.bodyLimit ?? .form
            guard size == 0 else {
                uploadDataSize.pointee = 0
                state.discardedBodyBytes += size
                // A body sent in chunks has no Content-Length to reject at once, and MHD
                // cannot queue a response while it reads a body. So the rest is dropped, and
                // past twice the limit the connection is closed without a response.
                return state.discardedBodyBytes > 2 * limit.maximumBytes ? .NO : .YES
            }
            return queueError(HTTPError.contentTooLarge(limit: limit), state)
        case .dispatched:
            guard let response = state.takeResponse() else {
                // MHD calls again only after a resume, which stores a response first.
                logger.error(
                    "the access handler was called for a suspended request with no response",
                    metadata: ["request.id": .string(state.id)]
                )
                return .NO
            }
            return queue(response, state)
        case .answered:
            return .YES
        }
    }

    /// Reads the method, path, query and headers, finds the route, and responds at once when
    /// there is none or when the declared body is too large.
    private func beginRequest(_ state: RequestState, method: String) -> MHD_Result {
        let (path, queryText) = splitTarget(state.target)
        let headers = requestHeaders(state.connection)
        var request = HTTPRequest(
            id: state.id,
            method: HTTPMethod(rawValue: method),
            path: path,
            headers: headers,
            remoteAddress: clientAddress(state.connection)
        )
        state.request = request
        guard let query = try? FormBody.parse(query: queryText) else {
            return queueError(HTTPError.invalidTarget, state)
        }
        request.query = query
        let match: Router.Match
        do {
            match = try router.match(request.method, path: path)
        } catch {
            return queueError(error, state)
        }
        switch match {
        case .notFound:
            return queueError(HTTPError.notFound, state)
        case .methodNotAllowed(let allowed):
            return queueError(HTTPError.methodNotAllowed(allowed: allowed), state)
        case .found(let route, let parameters):
            request.pathParameters = parameters
            state.request = request
            state.route = route
            if let declared = headers["Content-Length"].flatMap({ Int($0) }),
                declared > route.bodyLimit.maximumBytes
            {
                return queueError(HTTPError.contentTooLarge(limit: route.bodyLimit), state)
            }
            state.phase = .receivingBody
            return .YES
        }
    }

    /// Suspends the connection and starts the handler's task.
    private func dispatch(_ state: RequestState) -> MHD_Result {
        guard var request = state.request, let route = state.route else {
            return queueError(HTTPError.notFound, state)
        }
        request.body = state.body
        state.body = Data()
        state.phase = .dispatched
        MHD_suspend_connection(state.connection)
        state.markSuspended()
        let admitted = shared.withLock { shared in
            guard !shared.abandoning else {
                return false
            }
            shared.suspended[ObjectIdentifier(state)] = state
            return true
        }
        guard admitted else {
            let error = HTTPError.stopping
            state.resume(
                with: errorResponse(error.status, error.publicMessage, state.id),
                cancelTask: false
            )
            return .YES
        }
        let task = Task { [self] in
            let response = await respond(to: request, route: route)
            state.resume(with: response, cancelTask: false)
            _ = shared.withLock { $0.suspended.removeValue(forKey: ObjectIdentifier(state)) }
        }
        state.attach(task)
        return .YES
    }

    /// Runs the handler and turns what it throws into a response: an `HTTPResponseError`
    /// into its status and message, anything else into a bare 500, logged with the request id.
    private func respond(to request: HTTPRequest, route: Router.Route) async -> HTTPResponse {
        do {
            return try await route.handler(request)
        } catch let error as any HTTPResponseError {
            var response = errorResponse(error.status, error.publicMessage, request.id)
            for field in error.headers {
                response.headers.replaceOrAdd(name: field.name, value: field.value)
            }
            return response
        } catch {
            let metadata: Logger.Metadata = [
                "request.id": .string(request.id),
                "http.route": .string(route.pattern),
                "error.type": .string(String(reflecting: type(of: error))),
                "error.description": .string(String(describing: error)),
            ]
            if error is CancellationError, Task.isCancelled {
                logger.notice("request handler cancelled by the server's stop", metadata: metadata)
            } else {
                logger.error("request handler failed", metadata: metadata)
            }
            return errorResponse(
                .internalServerError,
                "Une erreur inattendue est survenue. Si elle se répète, donnez la référence "
                    + "ci-dessous à l’assistance.",
                request.id
            )
        }
    }

    private func queueError(_ error: HTTPError, _ state: RequestState) -> MHD_Result {
        var response = errorResponse(error.status, error.publicMessage, state.id)
        for field in error.headers {
            response.headers.replaceOrAdd(name: field.name, value: field.value)
        }
        return queue(response, state)
    }

    /// Hands `response` to MHD, which sends it once the access handler returns.
    private func queue(_ response: HTTPResponse, _ state: RequestState) -> MHD_Result {
        var response = response
        // MHD writes these two itself and rejects them from the application.
        response.headers.remove(name: "Content-Length")
        response.headers.remove(name: "Transfer-Encoding")
        response.headers.replaceOrAdd(name: "X-Request-ID", value: state.id)
        if shared.withLock({ $0.draining }) {
            response.headers.replaceOrAdd(name: "Connection", value: "close")
        }
        if let invalid = response.headers.first(where: { !isValidHeaderField($0) }) {
            logger.error(
                "a response header is not a valid HTTP field, so a 500 is sent instead",
                metadata: [
                    "request.id": .string(state.id),
                    "http.header": .string(invalid.name.filter(\.isASCII)),
                ]
            )
            response = errorResponse(
                .internalServerError,
                "Une erreur inattendue est survenue.",
                state.id
            )
            response.headers.replaceOrAdd(name: "X-Request-ID", value: state.id)
        }
        let mhdResponse = response.body.withUnsafeBytes { bytes in
            MHD_create_response_from_buffer(
                bytes.count,
                UnsafeMutableRawPointer(mutating: bytes.baseAddress),
                .RESPMEM_MUST_COPY
            )
        }
        guard let mhdResponse else {
            logger.error(
                "MHD_create_response_from_buffer failed, so the connection is closed",
                metadata: ["request.id": .string(state.id)]
            )
            return .NO
        }
        defer { MHD_destroy_response(mhdResponse) }
        for field in response.headers {
            guard MHD_add_response_header(mhdResponse, field.name, field.value) == .YES else {
                logger.error(
                    "MHD_add_response_header rejected a header, so the connection is closed",
                    metadata: ["request.id": .string(state.id), "http.header": .string(field.name)]
                )
                return .NO
            }
        }
        state.phase = .answered
        state.queuedStatus = response.status
        return MHD_queue_response(state.connection, UInt32(response.status.code), mhdResponse)
    }
}

/// Splits a request target into its path and its query, turning the absolute form
/// ("http://host/path?query", which RFC 9112, 3.2.2, requires servers to accept) into a path.
private func splitTarget(_ target: String) -> (path: String, query: Substring) {
    var rest = Substring(target)
    for scheme in ["http://", "https://"] where rest.lowercased().hasPrefix(scheme) {
        let afterScheme = rest.dropFirst(scheme.count)
        rest = afterScheme.firstIndex { $0 == "/" || $0 == "?" }.map { afterScheme[$0...] } ?? "/"
        if rest.hasPrefix("?") {
            rest = "/" + rest
        }
    }
    guard let question = rest.firstIndex(of: "?") else {
        return (String(rest), "")
    }
    return (String(rest[..<question]), rest[rest.index(after: question)...])
}

/// Returns whether the name is an HTTP token and the value has no CR, LF or NUL, which could
/// split the response.
private func isValidHeaderField(_ field: HTTPHeaders.Field) -> Bool {
    !field.name.isEmpty && field.name.utf8.allSatisfy(isTokenCharacter)
        && !field.value.utf8.contains { $0 == 13 || $0 == 10 || $0 == 0 }
}

private func requestHeaders(_ connection: OpaquePointer) -> HTTPHeaders {
    var headers = HTTPHeaders()
    withUnsafeMutablePointer(to: &headers) { pointer in
        _ = MHD_get_connection_values_n(
            connection,
            .HEADER_KIND,
            { context, _, name, nameLength, value, valueLength in
                guard let context, let name else {
                    return .YES
                }
                let headers = context.assumingMemoryBound(to: HTTPHeaders.self)
                let nameBytes = UnsafeRawBufferPointer(start: name, count: nameLength)
                let valueBytes = UnsafeRawBufferPointer(
                    start: value,
                    count: value == nil ? 0 : valueLength
                )
                headers.pointee.add(
                    name: String(decoding: nameBytes, as: UTF8.self),
                    value: String(decoding: valueBytes, as: UTF8.self)
                )
                return .YES
            },
            pointer
        )
    }
    return headers
}

private func clientAddress(_ connection: OpaquePointer) -> String? {
    guard let address = certif_mhd_client_address(connection) else {
        return nil
    }
    var storage = sockaddr_storage()
    let size: Int
    switch Int32(address.pointee.sa_family) {
    case AF_INET: size = MemoryLayout<sockaddr_in>.size
    case AF_INET6: size = MemoryLayout<sockaddr_in6>.size
    default: return nil
    }
    withUnsafeMutableBytes(of: &storage) {
        $0.copyMemory(from: UnsafeRawBufferPointer(start: address, count: size))
    }
    return socketAddressText(&storage)?.host
}

private func terminationName(_ code: MHD_RequestTerminationCode) -> String {
    switch code {
    case .REQUEST_TERMINATED_COMPLETED_OK: return "completed"
    case .REQUEST_TERMINATED_WITH_ERROR: return "error"
    case .REQUEST_TERMINATED_TIMEOUT_REACHED: return "timeout"
    case .REQUEST_TERMINATED_DAEMON_SHUTDOWN: return "server-stopped"
    case .REQUEST_TERMINATED_READ_ERROR: return "read-error"
    case .REQUEST_TERMINATED_CLIENT_ABORT: return "client-closed"
    default: return "code-\(code.rawValue)"
    }
}
