import Foundation

/// The state of one pass over a multipart body: the bytes and the delimiters to look for.
struct MultipartReader {
    private let bytes: [UInt8]
    /// "--" and the boundary: the first line of the body, or of the preamble's end.
    private let dashBoundary: [UInt8]
    /// CRLF, "--" and the boundary: what ends each part's body.
    private let delimiter: [UInt8]

    private static let crlf: [UInt8] = [13, 10]
    private static let headerEnd: [UInt8] = [13, 10, 13, 10]
    private static let dashes: [UInt8] = [UInt8(ascii: "-"), UInt8(ascii: "-")]

    init(bytes: [UInt8], boundary: [UInt8]) {
        self.bytes = bytes
        dashBoundary = Self.dashes + boundary
        delimiter = Self.crlf + dashBoundary
    }

    mutating func readParts(
        limits: MultipartBody.Limits
    ) throws(BodyParseError)
        -> [MultipartBody.Part]
    {
        // The preamble before the first delimiter is ignored, as RFC 2046 requires.
        var delimiterStart: Int
        if hasPrefix(dashBoundary, at: 0) {
            delimiterStart = 0
        } else if let found = firstIndex(of: delimiter, from: 0) {
            delimiterStart = found + 2
        } else {
            throw BodyParseError(
                code: .missingDelimiter,
                message: "the body contains no delimiter line with the boundary of the "
                    + "Content-Type",
                offset: 0
            )
        }
        var parts: [MultipartBody.Part] = []
        while true {
            var cursor = delimiterStart + dashBoundary.count
            if hasPrefix(Self.dashes, at: cursor) {
                // The closing delimiter. The epilogue after it is ignored.
                return parts
            }
            while cursor < bytes.count, isWhitespace(bytes[cursor]) {
                cursor += 1
            }
            guard hasPrefix(Self.crlf, at: cursor) else {
                if Self.crlf.starts(with: bytes[min(cursor, bytes.count)...]) {
                    throw BodyParseError(
                        code: .unterminatedPart,
                        message: "the body ends after the delimiter at byte offset "
                            + "\(delimiterStart), without the closing delimiter",
                        offset: delimiterStart
                    )
                }
                throw BodyParseError(
                    code: .invalidDelimiter,
                    message: "the delimiter at byte offset \(delimiterStart) is followed by "
                        + "neither CRLF nor \"--\"",
                    offset: delimiterStart
                )
            }
            let partStart = cursor + 2
            let partNumber = parts.count + 1
            guard parts.count < limits.maximumPartCount else {
                throw BodyParseError(
                    code: .tooManyParts,
                    message: "the body has more than \(limits.maximumPartCount) parts; part "
                        + "\(partNumber) starts at byte offset \(partStart)",
                    offset: partStart
                )
            }
            let (headers, bodyStart) = try readHeaders(
                at: partStart,
                partNumber: partNumber,
                limits: limits
            )
            guard let bodyEnd = firstIndex(of: delimiter, from: bodyStart) else {
                throw BodyParseError(
                    code: .unterminatedPart,
                    message: "part \(partNumber) at byte offset \(partStart) has no delimiter "
                        + "after its body",
                    offset: partStart
                )
            }
            let disposition = try formDataDisposition(
                headers,
                partNumber: partNumber,
                partStart: partStart
            )
            parts.append(
                MultipartBody.Part(
                    name: disposition.name,
                    filename: disposition.filename,
                    headers: headers,
                    body: Data(bytes[bodyStart..<bodyEnd])
                )
            )
            delimiterStart = bodyEnd + 2
        }
    }

    /// Reads the header block of a part and returns the headers and the offset of the body.
    private func readHeaders(
        at start: Int,
        partNumber: Int,
        limits: MultipartBody.Limits
    ) throws(BodyParseError) -> (HTTPHeaders, Int) {
        if hasPrefix(Self.crlf, at: start) {
            return (HTTPHeaders(), start + 2)
        }
        let searchEnd = min(bytes.count, start + limits.maximumHeaderBytes + Self.headerEnd.count)
        guard let end = firstIndex(of: Self.headerEnd, from: start, before: searchEnd) else {
            if searchEnd == bytes.count {
                throw BodyParseError(
                    code: .unterminatedPart,
                    message: "the body ends inside the headers of part \(partNumber) at byte "
                        + "offset \(start)",
                    offset: start
                )
            }
            throw BodyParseError(
                code: .partHeadersTooLarge,
                message: "the headers of part \(partNumber) at byte offset \(start) are longer "
                    + "than \(limits.maximumHeaderBytes) bytes",
                offset: start
            )
        }
        var headers = HTTPHeaders()
        var lineStart = start
        while lineStart < end {
            let lineEnd = firstIndex(of: Self.crlf, from: lineStart, before: end) ?? end
            headers.add(try headerField(bytes[lineStart..<lineEnd], partNumber: partNumber))
            lineStart = lineEnd + 2
        }
        return (headers, end + Self.headerEnd.count)
    }

    private func headerField(
        _ line: ArraySlice<UInt8>,
        partNumber: Int
    ) throws(BodyParseError) -> HTTPHeaders.Field {
        func invalid(_ reason: String) -> BodyParseError {
            BodyParseError(
                code: .invalidPartHeader,
                message: "the header line at byte offset \(line.startIndex) in part "
                    + "\(partNumber) \(reason)",
                offset: line.startIndex
            )
        }
        if let first = line.first, isWhitespace(first) {
            throw invalid("starts with a space or tab, an obsolete line folding")
        }
        if line.contains(13) || line.contains(10) {
            throw invalid("contains a CR or LF that is not part of a CRLF")
        }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else {
            throw invalid("has no colon")
        }
        let name = line[..<colon]
        guard !name.isEmpty, name.allSatisfy(isTokenCharacter) else {
            throw invalid("has a name that is empty or not an HTTP token")
        }
        guard let value = String(validating: trimmed(line[(colon + 1)...]), as: UTF8.self) else {
            throw invalid("has a value that is not valid UTF-8")
        }
        return HTTPHeaders.Field(name: String(decoding: name, as: UTF8.self), value: value)
    }

    private func formDataDisposition(
        _ headers: HTTPHeaders,
        partNumber: Int,
        partStart: Int
    ) throws(BodyParseError) -> (name: String, filename: String?) {
        guard let header = headers["Content-Disposition"],
            case let disposition = MediaType(parsing: header, backslashEscapes: false),
            disposition.type == "form-data"
        else {
            throw BodyParseError(
                code: .missingContentDisposition,
                message: "part \(partNumber) at byte offset \(partStart) has no "
                    + "Content-Disposition: form-data header",
                offset: partStart
            )
        }
        guard let name = disposition.parameters["name"] else {
            throw BodyParseError(
                code: .missingPartName,
                message: "the Content-Disposition of part \(partNumber) at byte offset "
                    + "\(partStart) has no name parameter",
                offset: partStart
            )
        }
        return (name, disposition.parameters["filename"])
    }

    private func hasPrefix(_ pattern: [UInt8], at offset: Int) -> Bool {
        offset >= 0 && bytes.count - offset >= pattern.count
            && bytes[offset..<offset + pattern.count].elementsEqual(pattern)
    }

    /// Returns the offset of the first `pattern` that starts at or after `start` and ends at or
    /// before `end` (the end of the body when nil).
    private func firstIndex(of pattern: [UInt8], from start: Int, before end: Int? = nil) -> Int? {
        let end = end ?? bytes.count
        guard let first = pattern.first, end - start >= pattern.count else {
            return nil
        }
        let lastStart = end - pattern.count
        var index = start
        // Every pattern starts with CR and contains at most two, because a boundary has none,
        // so a failed candidate re-reads at most three bytes and the search stays linear.
        while index <= lastStart {
            guard let candidate = bytes[index...lastStart].firstIndex(of: first) else {
                return nil
            }
            if hasPrefix(pattern, at: candidate) {
                return candidate
            }
            index = candidate + 1
        }
        return nil
    }
}

/// Returns whether `byte` may appear in an HTTP token such as a header name (RFC 9110, 5.6.2).
func isTokenCharacter(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"),
        UInt8(ascii: "A")...UInt8(ascii: "Z"):
        return true
    default:
        return Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
    }
}
