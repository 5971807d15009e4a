/// An HTTP status code. libmicrohttpd writes the reason phrase that goes with the code.
public struct HTTPStatus: Hashable, Sendable, CustomStringConvertible {
    /// The three-digit code, 200 for OK.
    public let code: Int

    public init(code: Int) {
        precondition((100...599).contains(code), "HTTP status \(code) is outside 100...599")
        self.code = code
    }

    public var description: String { String(code) }

    /// Whether the code is 5xx, a failure of the server rather than of the request.
    public var isServerError: Bool { code >= 500 }

    public static let ok = HTTPStatus(code: 200)
    public static let created = HTTPStatus(code: 201)
    public static let noContent = HTTPStatus(code: 204)
    public static let seeOther = HTTPStatus(code: 303)
    public static let notModified = HTTPStatus(code: 304)
    public static let badRequest = HTTPStatus(code: 400)
    public static let unauthorized = HTTPStatus(code: 401)
    public static let forbidden = HTTPStatus(code: 403)
    public static let notFound = HTTPStatus(code: 404)
    public static let methodNotAllowed = HTTPStatus(code: 405)
    public static let conflict = HTTPStatus(code: 409)
    public static let contentTooLarge = HTTPStatus(code: 413)
    public static let unsupportedMediaType = HTTPStatus(code: 415)
    public static let unprocessableContent = HTTPStatus(code: 422)
    public static let tooManyRequests = HTTPStatus(code: 429)
    public static let internalServerError = HTTPStatus(code: 500)
    public static let serviceUnavailable = HTTPStatus(code: 503)
}
