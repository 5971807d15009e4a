extension HTTPServer {
    /// What the server listens on and how it treats requests.
    public struct Configuration: Sendable {
        /// "127.0.0.1:8080" or "[::1]:8080". Port 0 lets the system pick a free port.
        public var address: String
        /// Rejects an address outside 127.0.0.0/8 and ::1, for a server that must sit behind a
        /// reverse proxy on the same machine.
        public var loopbackOnly: Bool
        /// The threads of libmicrohttpd's pool, which read requests and write responses.
        /// Handlers run on Swift's cooperative pool, not on these threads.
        public var threadPoolSize: Int
        /// How long a connection may stay idle, reading or writing nothing, before
        /// libmicrohttpd closes it. Rounded up to whole seconds, the unit of libmicrohttpd.
        public var connectionTimeout: Duration
        /// Whether the application can serve requests, answered by `/readyz`: 200 when it
        /// returns true, 503 otherwise.
        public var readiness: @Sendable () async -> Bool
        public var logger: Logger
        /// Builds the response for a failed request from its status, its French message and
        /// the request id: 404, 405, 413, a handler's `HTTPResponseError` and the bare 500.
        /// The default is plain text.
        public var errorResponse: @Sendable (HTTPStatus, String, String) -> HTTPResponse

        public init(
            address: String = "127.0.0.1:8080",
            loopbackOnly: Bool = false,
            threadPoolSize: Int = 4,
            connectionTimeout: Duration = .seconds(30),
            readiness: @escaping @Sendable () async -> Bool = { true },
            logger: Logger = Logger(label: "certif.http"),
            errorResponse: @escaping @Sendable (HTTPStatus, String, String) -> HTTPResponse =
                HTTPServer.plainTextErrorResponse
        ) {
            self.address = address
            self.loopbackOnly = loopbackOnly
            self.threadPoolSize = threadPoolSize
            self.connectionTimeout = connectionTimeout
            self.readiness = readiness
            self.logger = logger
            self.errorResponse = errorResponse
        }
    }

    /// The default error response: the French message and the request id as plain text.
    @Sendable
    public static func plainTextErrorResponse(
        status: HTTPStatus,
        message: String,
        requestID: String
    ) -> HTTPResponse {
        .text("\(message)\nRéférence : \(requestID)\n", status: status)
    }
}
