import Foundation

/// An HTTP/1.1 client that sends one request per connection to a server on 127.0.0.1.
///
/// WebDriver needs nothing more, and URLSession cannot talk to chromedriver on Linux: its
/// header parser (swift-corelibs-foundation, as shipped with Swift 6.3) rejects a field
/// without a space after the colon, and chromedriver 156 writes `Content-Length:252`. HTTP
/// allows that form (RFC 9112, section 5: `field-name ":" OWS field-value OWS`). The
/// blocking socket calls run on a dispatch queue, never on Swift's cooperative pool, because
/// a command such as a page load can wait for seconds.
struct LoopbackHTTPClient: Sendable {
    /// A response with its whole body.
    struct Response: Sendable {
        var status: Int
        /// The header fields in order, names as sent.
        var headers: [(name: String, value: String)]
        var body: Data

        func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }
    }

    let port: UInt16
    /// How long connecting, sending or waiting for the next bytes of the response may take.
    let timeoutSeconds: Int

    init(port: UInt16, timeoutSeconds: Int = 120) {
        self.port = port
        self.timeoutSeconds = timeoutSeconds
    }

    /// Sends `method` `target` with `body`, and returns the response once it is complete.
    /// Throws a message naming the failed step: connect, send, recv or the parse.
    func send(
        _ method: String,
        _ target: String,
        body: Data? = nil,
        contentType: String? = nil
    ) async throws(LoopbackHTTPError) -> Response {
        var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n"
        head += "Accept: application/json\r\nConnection: close\r\n"
        if let body {
            head += "Content-Type: \(contentType ?? "application/octet-stream")\r\n"
            head += "Content-Length: \(body.count)\r\n"
        }
        var request = Data((head + "\r\n").utf8)
        if let body {
            request.append(body)
        }
        let message = request
        let port = port
        let timeout = timeoutSeconds
        let result = await withCheckedContinuation {
            (continuation: CheckedContinuation<Result<Response, LoopbackHTTPError>, Never>) in
            DispatchQueue.global().async {
                let result: Result<Response, LoopbackHTTPError>
                do throws(LoopbackHTTPError) {
                    result = .success(try exchange(message, port: port, timeoutSeconds: timeout))
                } catch {
                    result = .failure(error)
                }
                continuation.resume(returning: result)
            }
        }
        return try result.get()
    }
}

/// A failed exchange with the server.
struct LoopbackHTTPError: Error, Sendable, CustomStringConvertible {
    var message: String

    var description: String { message }

    /// Makes the error for a failed C call `function`, with the text of `errno`.
    static func systemCall(_ function: String) -> LoopbackHTTPError {
        let code = errno
        let reason =
            code == EAGAIN || code == EWOULDBLOCK ? "timed out" : String(cString: strerror(code))
        return LoopbackHTTPError(message: "\(function) failed: \(reason)")
    }
}

/// Connects, sends `request` and reads the response, blocking the calling thread.
private func exchange(
    _ request: Data,
    port: UInt16,
    timeoutSeconds: Int
) throws(LoopbackHTTPError) -> LoopbackHTTPClient.Response {
    let socket = openSocket()
    guard socket >= 0 else {
        throw .systemCall("socket")
    }
    defer { close(socket) }
    var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
    let timeoutSize = socklen_t(MemoryLayout<timeval>.size)
    setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, timeoutSize)
    setsockopt(socket, SOL_SOCKET, SO_SNDTIMEO, &timeout, timeoutSize)

    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
    let connected = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
        }
    }
    guard connected == 0 else {
        throw .systemCall("connect to 127.0.0.1:\(port)")
    }

    var remaining = request[...]
    while !remaining.isEmpty {
        let written = remaining.withUnsafeBytes {
            sendBytes(socket, $0.baseAddress, $0.count)
        }
        guard written > 0 else {
            throw .systemCall("send")
        }
        remaining = remaining.dropFirst(written)
    }

    var received = Data()
    var buffer = [UInt8](repeating: 0, count: 64 * 1024)
    while true {
        if let response = try parseResponse(received, isComplete: false) {
            return response
        }
        let count = recv(socket, &buffer, buffer.count, 0)
        if count < 0 {
            throw .systemCall("recv")
        }
        if count == 0 {
            guard let response = try parseResponse(received, isComplete: true) else {
                throw LoopbackHTTPError(message: "the server closed the connection mid-response")
            }
            return response
        }
        received.append(contentsOf: buffer[..<count])
    }
}

/// Parses the response in `data`, or returns nil when more bytes are needed. When
/// `isComplete` is set, the server has closed the connection, so a response without
/// `Content-Length` ends here.
func parseResponse(
    _ data: Data,
    isComplete: Bool
) throws(LoopbackHTTPError) -> LoopbackHTTPClient.Response? {
    guard let headEnd = data.firstRange(of: Data("\r\n\r\n".utf8)) else {
        return nil
    }

    let head = String(decoding: data[data.startIndex..<headEnd.lowerBound], as: UTF8.self)
    var lines = head.components(separatedBy: "\r\n")
    let statusLine = lines.removeFirst()
    let statusParts = statusLine.split(separator: " ", maxSplits: 2)
    guard statusParts.count >= 2, statusParts[0].hasPrefix("HTTP/1."),
        let status = Int(statusParts[1])
    else {
        throw LoopbackHTTPError(message: "invalid status line: \(statusLine.prefix(100))")
    }

    var headers: [(name: String, value: String)] = []
    for line in lines {
        guard let colon = line.firstIndex(of: ":") else {
            throw LoopbackHTTPError(message: "invalid header line: \(line.prefix(100))")
        }
        let value = line[line.index(after: colon)...].trimmingCharacters(in: spaceAndTab)
        headers.append((String(line[..<colon]), value))
    }

    var response = LoopbackHTTPClient.Response(status: status, headers: headers, body: Data())
    if response.header("Transfer-Encoding") != nil {
        // NOTE: a chunked body is not decoded, because chromedriver sends Content-Length.
        throw LoopbackHTTPError(message: "a chunked response body is not supported")
    }

    let body = data[headEnd.upperBound...]
    if let lengthText = response.header("Content-Length") {
        guard let length = Int(lengthText), length >= 0 else {
            throw LoopbackHTTPError(message: "invalid Content-Length: \(lengthText)")
        }
        guard body.count >= length else {
            if isComplete {
                throw LoopbackHTTPError(message: "the body is shorter than its Content-Length")
            }
            return nil
        }
        response.body = Data(body.prefix(length))
        return response
    }
    guard isComplete else {
        return nil
    }
    response.body = Data(body)
    return response
}

private let spaceAndTab = CharacterSet(charactersIn: " \t")

private func openSocket() -> Int32 {
    Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
}

/// `send` without SIGPIPE when the server has closed the connection.
private func sendBytes(_ socket: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
    Glibc.send(socket, bytes, count, Int32(MSG_NOSIGNAL))
}
