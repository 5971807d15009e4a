import Foundation

/// A server that cannot start: an invalid listen address, a failed socket call or a daemon
/// that libmicrohttpd refuses to start.
///
/// `description` is safe to log. It contains the code, the message, the failing C function
/// and its errno.
public struct HTTPServerError: Error, Sendable, CustomStringConvertible {
    /// The kind of failure, stable across releases so that callers can match on it.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String

        public init(rawValue: String) {
            self.rawValue = rawValue
        }

        public var description: String { rawValue }

        /// The listen address is not an IP address and port.
        public static let invalidAddress = Code(rawValue: "invalid-address")
        /// The listen address is not a loopback address and `loopbackOnly` is set.
        public static let nonLoopbackAddress = Code(rawValue: "non-loopback-address")
        /// The configuration has a value out of range, such as a thread pool of 0 threads.
        public static let invalidConfiguration = Code(rawValue: "invalid-configuration")
        /// A call on the listening socket failed: socket, bind, listen or getsockname.
        public static let socketFailed = Code(rawValue: "socket-failed")
        /// `MHD_start_daemon` returned NULL, and libmicrohttpd logged the reason.
        public static let startFailed = Code(rawValue: "start-failed")
    }

    public var code: Code
    /// Plain English that names the value at fault and, where one exists, the fix.
    public var message: String
    /// The C function that failed, "bind".
    public var function: String?
    /// The `errno` that the function left.
    public var systemError: Int32?

    public init(code: Code, message: String, function: String? = nil, systemError: Int32? = nil) {
        self.code = code
        self.message = message
        self.function = function
        self.systemError = systemError
    }

    public var description: String {
        var text = "HTTPServerError(\(code)): \(message)"
        if let function {
            text += " (\(function)"
            if let systemError {
                text += ": " + String(cString: strerror(systemError))
            }
            text += ")"
        }
        return text
    }
}
