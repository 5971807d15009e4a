import Foundation

/// Sends WebDriver commands as JSON over HTTP to a driver on 127.0.0.1 and returns their
/// `value`.
struct WebDriverClient: Sendable {
    /// The driver's address, for error messages.
    let baseURL: URL
    private let http: LoopbackHTTPClient

    init(port: UInt16) {
        // The literal is a valid URL, so the fallback is never taken.
        baseURL = URL(string: "http://127.0.0.1:\(port)") ?? URL(fileURLWithPath: "/")
        // Longer than every WebDriver timeout, so that the driver reports a timeout itself
        // rather than the connection being dropped. A new session may take a while too.
        http = LoopbackHTTPClient(port: port, timeoutSeconds: 120)
    }

    /// Sends one command and returns the `value` member of the response.
    ///
    /// - Parameters:
    ///   - path: The path under the driver's URL, "/session/abc/url". Characters that a path
    ///     cannot hold, such as a space in a cookie name, are percent-encoded.
    ///   - command: The command for error messages, with the ids as placeholders:
    ///     "POST /session/{id}/url".
    ///   - body: The parameters of a POST. A POST without parameters sends `{}`, which the
    ///     protocol requires.
    func send(
        _ method: String,
        _ path: String,
        command: String,
        body: JSONValue? = nil
    ) async throws(WebDriverError) -> JSONValue {
        var requestBody: Data?
        if method == "POST" {
            do {
                requestBody = try JSONEncoder().encode(body ?? [:])
            } catch {
                throw WebDriverError(
                    code: .invalidArgument,
                    message: "the parameters could not be encoded as JSON",
                    command: command,
                    underlyingError: error
                )
            }
        }
        let target = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path

        let response: LoopbackHTTPClient.Response
        do {
            response = try await http.send(
                method,
                target,
                body: requestBody,
                contentType: "application/json; charset=utf-8"
            )
        } catch {
            throw WebDriverError(
                code: .requestFailed,
                message: "the request to the driver at \(baseURL.absoluteString) failed",
                command: command,
                underlyingError: error
            )
        }
        let envelope: JSONValue
        do {
            envelope = try JSONDecoder().decode(JSONValue.self, from: response.body)
        } catch {
            throw WebDriverError(
                code: .invalidResponse,
                message: "the driver's response is not JSON: "
                    + String(decoding: response.body.prefix(200), as: UTF8.self),
                command: command,
                httpStatus: response.status,
                underlyingError: error
            )
        }
        guard let value = envelope["value"] else {
            throw WebDriverError(
                code: .invalidResponse,
                message: "the driver's response has no \"value\" member",
                command: command,
                httpStatus: response.status
            )
        }
        if let errorCode = value["error"]?.stringValue {
            throw WebDriverError(
                code: WebDriverError.Code(rawValue: errorCode),
                message: value["message"]?.stringValue ?? "",
                command: command,
                httpStatus: response.status,
                driverStackTrace: value["stacktrace"]?.stringValue
            )
        }
        guard (200..<300).contains(response.status) else {
            throw WebDriverError(
                code: .invalidResponse,
                message: "the driver returned HTTP \(response.status) without a WebDriver error",
                command: command,
                httpStatus: response.status
            )
        }
        return value
    }
}
