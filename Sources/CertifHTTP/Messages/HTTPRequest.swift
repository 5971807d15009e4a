import Foundation

/// A request as a handler receives it, its body collected in full.
public struct HTTPRequest: Sendable {
    /// A random id that the server gives each request, for the log and error pages. The
    /// response carries it as `X-Request-ID`.
    public var id: String
    public var method: HTTPMethod
    /// The path as the client sent it, without the query and with its percent escapes:
    /// "/candidats/C%20001". The server logs the path of a route without parameters only, but
    /// secrets still belong in a body, never in a path.
    public var path: String
    /// The route's parameters, percent-decoded: ["id": "C 001"] for `/candidats/:id`.
    public var pathParameters: [String: String]
    /// The query string decoded as `application/x-www-form-urlencoded`, the encoding of HTML
    /// forms sent with GET.
    public var query: FormBody
    public var headers: HTTPHeaders
    /// The client's IP address, "127.0.0.1" or "::1". Behind a reverse proxy it is the proxy's.
    public var remoteAddress: String?
    public var body: Data

    public init(
        id: String = HTTPRequest.makeID(),
        method: HTTPMethod,
        path: String,
        pathParameters: [String: String] = [:],
        query: FormBody = FormBody(),
        headers: HTTPHeaders = [:],
        remoteAddress: String? = nil,
        body: Data = Data()
    ) {
        self.id = id
        self.method = method
        self.path = path
        self.pathParameters = pathParameters
        self.query = query
        self.headers = headers
        self.remoteAddress = remoteAddress
        self.body = body
    }

    /// The cookies of every `Cookie` header, by name. The first of two equal names wins, as
    /// browsers send the cookie with the longest path first (RFC 6265, 5.4).
    public var cookies: [String: String] {
        parseCookies(headers.values(for: "Cookie"))
    }

    /// The media type of the body, in lower case and without parameters: "multipart/form-data"
    /// for `multipart/form-data; boundary=x`, nil without a Content-Type.
    public var mediaType: String? {
        headers["Content-Type"].map { MediaType(parsing: $0).type }
    }

    /// Parses the body as a URL-encoded form, throwing `unsupportedMediaType` when the
    /// Content-Type is another one.
    public func formBody(
        maximumFieldCount: Int = FormBody.defaultMaximumFieldCount
    ) throws(BodyParseError) -> FormBody {
        let contentType = headers["Content-Type"].map { MediaType(parsing: $0).type }
        guard contentType == "application/x-www-form-urlencoded" else {
            throw BodyParseError(
                code: .unsupportedMediaType,
                message: "the Content-Type is not application/x-www-form-urlencoded"
            )
        }
        return try FormBody.parse(body, maximumFieldCount: maximumFieldCount)
    }

    /// Parses the body as `multipart/form-data` with the boundary of its Content-Type.
    public func multipartBody(
        limits: MultipartBody.Limits = MultipartBody.Limits()
    ) throws(BodyParseError) -> MultipartBody {
        try MultipartBody.parse(body, contentType: headers["Content-Type"] ?? "", limits: limits)
    }

    /// Returns 16 random hexadecimal digits.
    public static func makeID() -> String {
        let value = UInt64.random(in: .min ... .max)
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

/// Reads `name=value` pairs separated by `;`, dropping the quotes around a value. Cookie
/// values are opaque, so nothing is percent-decoded. Pairs without a name are skipped.
func parseCookies(_ headerValues: [String]) -> [String: String] {
    var cookies: [String: String] = [:]
    for header in headerValues {
        for pair in header.split(separator: ";") {
            guard let equals = pair.firstIndex(of: "=") else {
                continue
            }
            let name = pair[..<equals].trimmingCharacters(in: .whitespaces)
            var value = pair[pair.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                value = String(value.dropFirst().dropLast())
            }
            if !name.isEmpty, cookies[name] == nil {
                cookies[name] = value
            }
        }
    }
    return cookies
}
