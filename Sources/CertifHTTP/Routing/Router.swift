/// A request handler. It runs as a task of Swift's cooperative pool, never on a
/// libmicrohttpd thread, so it may await actors and other async code. That pool has one
/// thread per core, so a handler must not block it for long: work that blocks for seconds,
/// such as a child process, belongs on a thread of its own.
public typealias HTTPHandler = @Sendable (HTTPRequest) async throws -> HTTPResponse

/// The table from method and path pattern to handler.
///
/// A pattern is a path whose segments are literal (`candidats`), a parameter (`:id`, one
/// segment, not empty) or, last only, a remainder (`*path`, the rest of the path, not empty).
/// Parameters are percent-decoded, so `%2F` in a parameter is a `/` within that parameter.
/// When several routes match, the first segment where they differ decides: a literal beats
/// a parameter, which beats a remainder. A HEAD request uses the GET route unless a HEAD
/// route exists. Paths are compared exactly, so `/candidats/` does not match `/candidats`.
public struct Router: Sendable {
    /// One entry of the table.
    public struct Route: Sendable {
        public let method: HTTPMethod
        public let pattern: String
        /// The body size beyond which the server answers 413 without calling the handler.
        public let bodyLimit: BodyLimit
        public let handler: HTTPHandler
        let segments: [RouteSegment]
    }

    /// The outcome of a lookup.
    public enum Match: Sendable {
        case found(Route, parameters: [String: String])
        /// Routes match the path with other methods, which the 405 response lists in `Allow`.
        case methodNotAllowed(allowed: [HTTPMethod])
        case notFound
    }

    public private(set) var routes: [Route] = []

    public init() {}

    /// Adds a route. A malformed pattern, or one that repeats the shape of a route with the
    /// same method, is a programming error and stops the program.
    public mutating func add(
        _ method: HTTPMethod,
        _ pattern: String,
        bodyLimit: BodyLimit = .form,
        handler: @escaping HTTPHandler
    ) {
        let segments = RouteSegment.parse(pattern: pattern)
        if let existing = routes.first(where: {
            $0.method == method && $0.segments.map(\.shape) == segments.map(\.shape)
        }) {
            preconditionFailure(
                "the route \(method) \(pattern) has the same shape as \(method) "
                    + "\(existing.pattern), which was added first"
            )
        }
        routes.append(
            Route(
                method: method,
                pattern: pattern,
                bodyLimit: bodyLimit,
                handler: handler,
                segments: segments
            )
        )
    }

    public mutating func get(_ pattern: String, handler: @escaping HTTPHandler) {
        add(.get, pattern, handler: handler)
    }

    public mutating func post(
        _ pattern: String,
        bodyLimit: BodyLimit = .form,
        handler: @escaping HTTPHandler
    ) {
        add(.post, pattern, bodyLimit: bodyLimit, handler: handler)
    }

    /// Finds the route for `method` and `path`, a path as sent with its percent escapes.
    /// Throws a 400 `HTTPError` for a path that does not start with `/`, has an invalid
    /// percent escape or is not UTF-8 once decoded.
    public func match(_ method: HTTPMethod, path: String) throws(HTTPError) -> Match {
        guard path.hasPrefix("/") else {
            throw HTTPError.invalidTarget
        }
        var segments: [String] = []
        for raw in path.utf8.dropFirst().split(
            separator: UInt8(ascii: "/"),
            omittingEmptySubsequences: false
        ) {
            guard let decoded = try? percentDecoded(ArraySlice(raw), plusAsSpace: false),
                let text = String(validating: decoded, as: UTF8.self)
            else {
                throw HTTPError.invalidTarget
            }
            segments.append(text)
        }

        var best: (route: Route, parameters: [String: String], rank: [Int])?
        var allowed: Set<HTTPMethod> = []
        let hasHeadRoute = method == .head && routes.contains { $0.method == .head }
        for route in routes {
            guard let (parameters, rank) = route.match(segments) else {
                continue
            }
            allowed.insert(route.method)
            let usable =
                route.method == method || (method == .head && !hasHeadRoute && route.method == .get)
            // Ranks compare segment by segment, so the higher rank is the more literal route.
            if usable, best.map({ $0.rank.lexicographicallyPrecedes(rank) }) ?? true {
                best = (route, parameters, rank)
            }
        }
        if let best {
            return .found(best.route, parameters: best.parameters)
        }
        if allowed.isEmpty {
            return .notFound
        }
        if allowed.contains(.get) {
            allowed.insert(.head)
        }
        return .methodNotAllowed(allowed: allowed.sorted { $0.rawValue < $1.rawValue })
    }
}
