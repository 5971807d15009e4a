import Foundation
import Testing

/// A TCP connection to 127.0.0.1 written byte by byte, for what URLSession cannot send: a
/// request cut in the middle, a chunked body or an invalid target.
///
/// Its blocking socket calls run on a dispatch queue, never on the cooperative pool: a test
/// blocked there could starve the server's handler tasks, which need the same pool.
final class RawConnection: @unchecked Sendable {
    // Sendable because the socket is only used by one test at a time, in sequence.
    private let socket: Int32

    /// Connects to `port` on 127.0.0.1, or on ::1 when `ipv6` is set. Reads give up after
    /// `readTimeout` seconds.
    init(port: UInt16, ipv6: Bool = false, readTimeout: Int = 10) throws {
        socket = Glibc.socket(ipv6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(socket >= 0, "socket failed: \(String(cString: strerror(errno)))")
        var timeout = timeval(tv_sec: readTimeout, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let result: Int32
        if ipv6 {
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = port.bigEndian
            address.sin6_addr = in6addr_loopback
            result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in6>.size))
                }
            }
        } else {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = port.bigEndian
            address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
            result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
        }
        guard result == 0 else {
            // No close here: deinit runs for a class whose init throws once every property is
            // set, and a second close could close a descriptor that another thread reopened.
            throw RawConnectionError(message: String(cString: strerror(errno)))
        }
    }

    deinit {
        if socket >= 0 {
            close(socket)
        }
    }

    func send(_ text: String) async throws {
        try await send(Data(text.utf8))
    }

    func send(_ data: Data) async throws {
        try await offPool { try self.sendBlocking(data) }
    }

    /// Reads until the server closes the connection or the read timeout passes.
    func readToEnd() async -> Data {
        await offPool { self.readToEndBlocking() }
    }

    /// Whether the server closed the connection: a read returns end of file rather than
    /// timing out.
    func isClosedByServer() async -> Bool {
        await offPool {
            var byte: UInt8 = 0
            let count = recv(self.socket, &byte, 1, 0)
            return count == 0 || (count < 0 && errno == ECONNRESET)
        }
    }

    private func sendBlocking(_ data: Data) throws {
        var remaining = data[...]
        while !remaining.isEmpty {
            let written = remaining.withUnsafeBytes {
                Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            guard written > 0 else {
                throw RawConnectionError(
                    message: "send failed: \(String(cString: strerror(errno)))"
                )
            }
            remaining = remaining.dropFirst(written)
        }
    }

    private func readToEndBlocking() -> Data {
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(socket, &buffer, buffer.count, 0)
            guard count > 0 else {
                return received
            }
            received.append(contentsOf: buffer[..<count])
        }
    }
}

/// Runs `work` on a global dispatch queue and returns its result.
private func offPool<Value: Sendable>(
    _ work: @escaping @Sendable () throws -> Value
) async throws -> Value {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async {
            continuation.resume(with: Result { try work() })
        }
    }
}

private func offPool<Value: Sendable>(_ work: @escaping @Sendable () -> Value) async -> Value {
    await withCheckedContinuation { continuation in
        DispatchQueue.global().async {
            continuation.resume(returning: work())
        }
    }
}

struct RawConnectionError: Error {
    var message: String
}

extension Data {
    /// The status code of the HTTP response at the start of these bytes.
    var httpStatus: Int? {
        let text = String(decoding: prefix(64), as: UTF8.self)
        let parts = text.split(separator: " ", maxSplits: 2)
        return parts.count >= 2 ? Int(parts[1]) : nil
    }
}
