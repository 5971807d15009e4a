import Foundation

/// The IP address and TCP port that the server listens on, written "127.0.0.1:8080" or
/// "[::1]:8080". Port 0 asks the system for a free port.
public struct ListenAddress: Sendable, Hashable, CustomStringConvertible {
    public enum Family: Sendable, Hashable {
        case ipv4
        case ipv6
    }

    /// The address without brackets: "127.0.0.1" or "::1".
    public let host: String
    public let port: UInt16
    public let family: Family

    /// Parses "127.0.0.1:8080" or "[::1]:8080". Host names are rejected, so that the address
    /// bound never depends on name resolution.
    public init(parsing text: String) throws(HTTPServerError) {
        func invalid(_ reason: String) -> HTTPServerError {
            HTTPServerError(
                code: .invalidAddress,
                message: "invalid listen address \"\(text)\": \(reason); write an IP address "
                    + "and a port, such as 127.0.0.1:8080 or [::1]:8080"
            )
        }
        let host: Substring
        let portText: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]"),
                text[text.index(after: close)...].hasPrefix(":")
            else {
                throw invalid("an IPv6 address in brackets must be followed by a colon and a port")
            }
            host = text[text.index(after: text.startIndex)..<close]
            portText = text[text.index(close, offsetBy: 2)...]
        } else {
            guard let colon = text.lastIndex(of: ":") else {
                throw invalid("the port is missing")
            }
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
            guard !host.contains(":") else {
                throw invalid("an IPv6 address must be written in brackets")
            }
        }
        guard !portText.isEmpty, portText.allSatisfy(\.isASCII), portText.allSatisfy(\.isNumber),
            let port = UInt16(portText)
        else {
            throw invalid("the port must be a number from 0 to 65535")
        }
        let family: Family = text.hasPrefix("[") ? .ipv6 : .ipv4
        guard Self.binaryAddress(String(host), family: family) != nil else {
            throw invalid(
                family == .ipv6
                    ? "\"\(host)\" is not an IPv6 address" : "\"\(host)\" is not an IPv4 address"
            )
        }
        self.host = String(host)
        self.port = port
        self.family = family
    }

    public var description: String {
        family == .ipv6 ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    /// Whether the address is in 127.0.0.0/8 or is ::1.
    public var isLoopback: Bool {
        guard let bytes = Self.binaryAddress(host, family: family) else {
            return false
        }
        switch family {
        case .ipv4: return bytes[0] == 127
        case .ipv6: return bytes == [UInt8](repeating: 0, count: 15) + [1]
        }
    }

    /// The same address with another port, such as the one the system picked for port 0.
    func with(port: UInt16) -> ListenAddress {
        ListenAddress(host: host, port: port, family: family)
    }

    private init(host: String, port: UInt16, family: Family) {
        self.host = host
        self.port = port
        self.family = family
    }

    /// The address in network byte order, 4 or 16 bytes, or nil when `inet_pton` rejects it.
    static func binaryAddress(_ host: String, family: Family) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: family == .ipv6 ? 16 : 4)
        let result = bytes.withUnsafeMutableBytes {
            inet_pton(family == .ipv6 ? AF_INET6 : AF_INET, host, $0.baseAddress)
        }
        return result == 1 ? bytes : nil
    }
}
