import Foundation

/// A response with its whole body in memory.
public struct HTTPResponse: Sendable {
    public var status: HTTPStatus
    /// The header fields. The server adds Date, Content-Length and X-Request-ID, and rejects
    /// (with a 500) a name that is not an HTTP token or a value with CR, LF or NUL.
    public var headers: HTTPHeaders
    public var body: Data

    public init(status: HTTPStatus = .ok, headers: HTTPHeaders = [:], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A `text/plain` response in UTF-8.
    public static func text(_ text: String, status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(
            status: status,
            headers: ["Content-Type": "text/plain; charset=utf-8"],
            body: Data(text.utf8)
        )
    }

    /// A `text/html` response in UTF-8. `html` is sent as it is, unescaped.
    public static func html(_ html: String, status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(
            status: status,
            headers: ["Content-Type": "text/html; charset=utf-8"],
            body: Data(html.utf8)
        )
    }

    /// An `application/json` response with `value` encoded by `encoder`.
    public static func json(
        _ value: some Encodable,
        status: HTTPStatus = .ok,
        encoder: JSONEncoder = JSONEncoder()
    ) throws -> HTTPResponse {
        HTTPResponse(
            status: status,
            headers: ["Content-Type": "application/json"],
            body: try encoder.encode(value)
        )
    }

    /// A 303 See Other to `location`, so that the browser follows with a GET: the answer to
    /// a form posted with success.
    public static func redirect(to location: String) -> HTTPResponse {
        HTTPResponse(status: .seeOther, headers: ["Location": location])
    }

    /// A file that the browser saves as `filename` rather than shows.
    ///
    /// Content-Disposition carries the name twice (RFC 6266): `filename*` in UTF-8 for current
    /// browsers, and `filename` in ASCII, accents dropped and other characters replaced by
    /// `_`, for older clients.
    public static func download(
        _ data: Data,
        filename: String,
        contentType: String
    ) -> HTTPResponse {
        let disposition =
            "attachment; filename=\"\(asciiFilename(filename))\"; "
            + "filename*=UTF-8''\(percentEncodedFilename(filename))"
        return HTTPResponse(
            headers: ["Content-Type": contentType, "Content-Disposition": disposition],
            body: data
        )
    }
}

/// `filename` without diacritics, with each character that is not printable ASCII, and `"`
/// and `\`, replaced by `_`.
private func asciiFilename(_ filename: String) -> String {
    let folded = filename.folding(options: .diacriticInsensitive, locale: nil)
    let scalars = folded.unicodeScalars.map { scalar -> Character in
        let printable = (0x20...0x7E).contains(scalar.value)
        return printable && scalar != "\"" && scalar != "\\" ? Character(scalar) : "_"
    }
    return String(scalars)
}

/// `filename` in UTF-8 with each byte outside RFC 8187's attr-char set percent-encoded.
private func percentEncodedFilename(_ filename: String) -> String {
    let unreserved = Set("!#$&+-.^_`|~".utf8)
    var encoded = ""
    for byte in filename.utf8 {
        let isAlphanumeric =
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
        if isAlphanumeric || unreserved.contains(byte) {
            encoded.append(Character(Unicode.Scalar(byte)))
        } else {
            encoded += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
        }
    }
    return encoded
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
