import Foundation

/// Opens a TCP socket bound to `address` and listening, non-blocking as libmicrohttpd's
/// thread pool needs, and returns it with the port that it is bound to.
///
/// The server binds the socket itself rather than letting libmicrohttpd do it, so that a
/// failure names the system call and its errno.
func openListeningSocket(
    at address: ListenAddress
) throws(HTTPServerError) -> (socket: Int32, port: UInt16) {
    let domain = address.family == .ipv6 ? AF_INET6 : AF_INET
    let type =
        Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue)
        | Int32(SOCK_CLOEXEC.rawValue)
    let socket = try systemCall("socket") { Glibc.socket(domain, type, 0) }
    do {
        var enabled: Int32 = 1
        let size = socklen_t(MemoryLayout<Int32>.size)
        // Lets a restarted server bind the port while old connections are in TIME_WAIT.
        _ = try systemCall("setsockopt") {
            setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &enabled, size)
        }
        if address.family == .ipv6 {
            _ = try systemCall("setsockopt") {
                setsockopt(socket, Int32(IPPROTO_IPV6), IPV6_V6ONLY, &enabled, size)
            }
        }
        try bind(socket, to: address)
        _ = try systemCall("listen") { listen(socket, SOMAXCONN) }
        return (socket, try boundPort(of: socket))
    } catch {
        close(socket)
        throw error
    }
}

private func bind(_ socket: Int32, to address: ListenAddress) throws(HTTPServerError) {
    // The address was checked by ListenAddress, so inet_pton accepts it.
    let bytes = ListenAddress.binaryAddress(address.host, family: address.family) ?? []
    switch address.family {
    case .ipv4:
        var socketAddress = sockaddr_in()
        socketAddress.sin_family = sa_family_t(AF_INET)
        socketAddress.sin_port = address.port.bigEndian
        withUnsafeMutableBytes(of: &socketAddress.sin_addr) { $0.copyBytes(from: bytes) }
        _ = try systemCall("bind", address: address) {
            withUnsafePointer(to: &socketAddress) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    Glibc.bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
        }
    case .ipv6:
        var socketAddress = sockaddr_in6()
        socketAddress.sin6_family = sa_family_t(AF_INET6)
        socketAddress.sin6_port = address.port.bigEndian
        withUnsafeMutableBytes(of: &socketAddress.sin6_addr) { $0.copyBytes(from: bytes) }
        _ = try systemCall("bind", address: address) {
            withUnsafePointer(to: &socketAddress) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    Glibc.bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in6>.size))
                }
            }
        }
    }
}

private func boundPort(of socket: Int32) throws(HTTPServerError) -> UInt16 {
    var storage = sockaddr_storage()
    var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
    _ = try systemCall("getsockname") {
        withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                getsockname(socket, $0, &length)
            }
        }
    }
    return socketAddressText(&storage)?.port ?? 0
}

/// Returns the IP address and port of a socket address, or nil for a family other than IPv4 and IPv6.
func socketAddressText(_ address: UnsafePointer<sockaddr_storage>) -> (host: String, port: UInt16)?
{
    var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
    switch Int32(address.pointee.ss_family) {
    case AF_INET:
        return address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) {
            var bytes = $0.pointee.sin_addr
            inet_ntop(AF_INET, &bytes, &text, socklen_t(text.count))
            return (addressString(text), UInt16(bigEndian: $0.pointee.sin_port))
        }
    case AF_INET6:
        return address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) {
            var bytes = $0.pointee.sin6_addr
            inet_ntop(AF_INET6, &bytes, &text, socklen_t(text.count))
            return (addressString(text), UInt16(bigEndian: $0.pointee.sin6_port))
        }
    default:
        return nil
    }
}

/// Returns the text that `inet_ntop` wrote into `buffer`, up to its terminating NUL.
private func addressString(_ buffer: [CChar]) -> String {
    let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
    return String(decoding: bytes, as: UTF8.self)
}

/// Runs a system call, retrying it while it fails with EINTR, and throws `socketFailed`
/// naming the call when it fails otherwise.
private func systemCall(
    _ name: String,
    address: ListenAddress? = nil,
    _ call: () -> Int32
) throws(HTTPServerError) -> Int32 {
    while true {
        let result = call()
        if result >= 0 {
            return result
        }
        let code = errno
        if code == EINTR {
            continue
        }
        var message = "\(name) failed: \(String(cString: strerror(code)))"
        if let address {
            message = "binding \(address) failed: \(String(cString: strerror(code)))"
            if code == EADDRINUSE {
                message += "; another program listens on this port, so stop it or pick another"
            } else if code == EADDRNOTAVAIL {
                message += "; the address is not one of this machine's"
            }
        }
        throw HTTPServerError(
            code: .socketFailed,
            message: message,
            function: name,
            systemError: code
        )
    }
}
