/// A failed WebDriver command, or a browser or driver that could not start.
///
/// For an error that the driver returned, `code` is the W3C WebDriver error code ("no such
/// element") and `message` is the driver's own message. `description` leaves out the driver's
/// stack trace, which `driverStackTrace` keeps.
public struct WebDriverError: Error, Sendable, CustomStringConvertible {
    /// The kind of failure: a W3C error code, or one of the codes of this module for failures
    /// outside the protocol, which contain a `-` and no space.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String

        public init(rawValue: String) {
            self.rawValue = rawValue
        }

        public var description: String { rawValue }

        // The W3C codes that tests are likely to match on (WebDriver, section "Errors").
        public static let noSuchElement = Code(rawValue: "no such element")
        public static let noSuchCookie = Code(rawValue: "no such cookie")
        public static let staleElementReference = Code(rawValue: "stale element reference")
        public static let elementNotInteractable = Code(rawValue: "element not interactable")
        public static let invalidArgument = Code(rawValue: "invalid argument")
        public static let invalidSelector = Code(rawValue: "invalid selector")
        public static let invalidSessionID = Code(rawValue: "invalid session id")
        public static let javascriptError = Code(rawValue: "javascript error")
        public static let scriptTimeout = Code(rawValue: "script timeout")
        public static let sessionNotCreated = Code(rawValue: "session not created")
        public static let timeout = Code(rawValue: "timeout")
        public static let unknownError = Code(rawValue: "unknown error")

        /// The chromedriver or Chromium executable is not installed.
        public static let executableNotFound = Code(rawValue: "executable-not-found")
        /// chromedriver exited or did not report ready in time.
        public static let driverStartFailed = Code(rawValue: "driver-start-failed")
        /// The HTTP request to the driver failed without a response: connection refused,
        /// timed out.
        public static let requestFailed = Code(rawValue: "request-failed")
        /// The driver's response is not a WebDriver JSON response.
        public static let invalidResponse = Code(rawValue: "invalid-response")
        /// A file could not be written or read: a screenshot, the user data folder.
        public static let fileFailed = Code(rawValue: "file-failed")
    }

    public var code: Code
    /// Plain English, or the driver's message for a W3C error.
    public var message: String
    /// The command that failed, "POST /session/{id}/element", with the session and element
    /// ids left as placeholders.
    public var command: String?
    /// The HTTP status of the driver's response.
    public var httpStatus: Int?
    /// The stack trace that the driver returned with a W3C error, often empty.
    public var driverStackTrace: String?
    /// The error of Foundation or of the system behind a local failure.
    public var underlyingError: (any Error)?

    public init(
        code: Code,
        message: String,
        command: String? = nil,
        httpStatus: Int? = nil,
        driverStackTrace: String? = nil,
        underlyingError: (any Error)? = nil
    ) {
        self.code = code
        self.message = message
        self.command = command
        self.httpStatus = httpStatus
        self.driverStackTrace = driverStackTrace
        self.underlyingError = underlyingError
    }

    public var description: String {
        var text = "WebDriverError(\(code)): \(message)"
        if let command {
            text += " [\(command)"
            if let httpStatus {
                text += ", HTTP \(httpStatus)"
            }
            text += "]"
        }
        if let underlyingError {
            text += " (\(underlyingError))"
        }
        return text
    }
}
