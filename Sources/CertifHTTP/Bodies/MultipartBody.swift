import Foundation

/// The parts of a `multipart/form-data` body (RFC 7578), in order.
///
/// The parser reads a body already in memory, which the server collects within the route's
/// `BodyLimit`, and reads no byte outside it. It stops at the first fault with a
/// `BodyParseError` that gives the byte offset, and at the limits of `Limits`.
public struct MultipartBody: Sendable, Equatable {
    /// One field or file of the form.
    public struct Part: Sendable, Equatable {
        /// The `name` parameter of the part's Content-Disposition.
        public var name: String
        /// The `filename` parameter as the browser sent it, or nil for a plain field.
        ///
        /// Browsers send an empty file name when no file was chosen, and write `"`, CR and LF
        /// in a name as `%22`, `%0D` and `%0A`, which this value keeps. Never use it as a path.
        public var filename: String?
        /// Every header of the part, Content-Disposition included.
        public var headers: HTTPHeaders
        public var body: Data

        public init(name: String, filename: String? = nil, headers: HTTPHeaders, body: Data) {
            self.name = name
            self.filename = filename
            self.headers = headers
            self.body = body
        }

        /// The part's Content-Type, which RFC 7578 makes `text/plain` when it is missing.
        public var contentType: String { headers["Content-Type"] ?? "text/plain" }

        /// The body as UTF-8 text, or nil when it is not valid UTF-8.
        public var text: String? { String(validating: body, as: UTF8.self) }
    }

    /// Bounds on the work that one body may cause.
    public struct Limits: Sendable, Equatable {
        public var maximumPartCount: Int
        /// The maximum size of one part's header block, its final blank line excluded.
        public var maximumHeaderBytes: Int

        public init(maximumPartCount: Int = 100, maximumHeaderBytes: Int = 8 * 1024) {
            self.maximumPartCount = maximumPartCount
            self.maximumHeaderBytes = maximumHeaderBytes
        }
    }

    public var parts: [Part]

    public init(parts: [Part] = []) {
        self.parts = parts
    }

    /// Returns the first part named `name`.
    public func part(named name: String) -> Part? {
        parts.first { $0.name == name }
    }

    /// Returns every part named `name`, in order.
    public func parts(named name: String) -> [Part] {
        parts.filter { $0.name == name }
    }

    /// Parses `body` with the boundary that `contentType` gives.
    public static func parse(
        _ body: Data,
        contentType: String,
        limits: Limits = Limits()
    ) throws(BodyParseError) -> MultipartBody {
        try parse(body, boundary: boundary(fromContentType: contentType), limits: limits)
    }

    /// Parses `body`, whose parts `boundary` separates.
    public static func parse(
        _ body: Data,
        boundary: String,
        limits: Limits = Limits()
    ) throws(BodyParseError) -> MultipartBody {
        var reader = MultipartReader(bytes: Array(body), boundary: Array(boundary.utf8))
        return MultipartBody(parts: try reader.readParts(limits: limits))
    }

    /// Reads the boundary parameter of a `multipart/form-data` Content-Type and checks it
    /// against the rules of RFC 2046: 1 to 70 characters, from letters, digits and
    /// `'()+_,-./:=?` and spaces, but not ending in a space.
    public static func boundary(
        fromContentType contentType: String
    ) throws(BodyParseError)
        -> String
    {
        let mediaType = MediaType(parsing: contentType)
        guard mediaType.type == "multipart/form-data" else {
            throw BodyParseError(
                code: .unsupportedMediaType,
                message: "the Content-Type is not multipart/form-data"
            )
        }
        guard let boundary = mediaType.parameters["boundary"], !boundary.isEmpty else {
            throw BodyParseError(
                code: .missingBoundary,
                message: "the multipart/form-data Content-Type has no boundary parameter"
            )
        }
        guard boundary.utf8.count <= 70, boundary.utf8.allSatisfy(isBoundaryCharacter),
            boundary.utf8.last != UInt8(ascii: " ")
        else {
            throw BodyParseError(
                code: .invalidBoundary,
                message: "the boundary must be 1 to 70 characters from letters, digits, "
                    + "spaces and '()+_,-./:=? and must not end in a space"
            )
        }
        return boundary
    }
}

private func isBoundaryCharacter(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"),
        UInt8(ascii: "A")...UInt8(ascii: "Z"):
        return true
    default:
        return Array("'()+_,-./:=? ".utf8).contains(byte)
    }
}
