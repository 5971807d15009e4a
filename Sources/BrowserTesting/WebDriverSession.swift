import Foundation

/// One browser driven over the W3C WebDriver protocol, from `create` until `delete`.
///
/// Each method sends one command and waits for its response. The browser has one window, so
/// tests that share a session must run one after the other. Errors are `WebDriverError`s
/// that carry the protocol's error code and the driver's message.
///
/// ```swift
/// let driver = try await ChromeDriver.start()
/// let session = try await WebDriverSession.create(driver: driver)
/// try await session.navigate(to: "http://127.0.0.1:8080/")
/// try await session.findElement(css: "#nom").fill("Camille")
/// try await session.findElement(css: "form").submit()
/// let heading = try await session.findElement(css: "h1").text()
/// try await session.delete()
/// await driver.stop()
/// ```
public final class WebDriverSession: Sendable {
    /// The session id that the driver gave.
    public let id: String
    /// The capabilities that the driver returned, among them `browserVersion`.
    public let capabilities: JSONValue
    let client: WebDriverClient

    private init(id: String, capabilities: JSONValue, client: WebDriverClient) {
        self.id = id
        self.capabilities = capabilities
        self.client = client
    }

    /// Starts a browser through `driver`, with its profile in a new folder of the driver's
    /// `workFolder`, and sizes its viewport to `options.windowWidth` by `windowHeight`.
    ///
    /// Throws `executableNotFound`, naming the Debian package, when `options.binary` is
    /// missing, and the driver's `session not created` when the browser fails to start.
    public static func create(
        driver: ChromeDriver,
        options: ChromeOptions = ChromeOptions()
    ) async throws(WebDriverError) -> WebDriverSession {
        guard FileManager.default.isExecutableFile(atPath: options.binary) else {
            throw WebDriverError(
                code: .executableNotFound,
                message: "Chromium was not found at \(options.binary). Install the Debian "
                    + "package chromium (`make deps` installs it)."
            )
        }
        let profile = try driver.makeProfileFolder()
        let value = try await driver.client.send(
            "POST",
            "/session",
            command: "POST /session",
            body: options.capabilities(userDataFolder: profile.path)
        )
        guard let id = value["sessionId"]?.stringValue else {
            throw WebDriverError(
                code: .invalidResponse,
                message: "the response to the new session has no sessionId",
                command: "POST /session"
            )
        }
        let session = WebDriverSession(
            id: id,
            capabilities: value["capabilities"] ?? .null,
            client: driver.client
        )
        do {
            try await session.resizeViewport(
                width: options.windowWidth,
                height: options.windowHeight
            )
        } catch {
            _ = try? await session.delete()
            throw error
        }
        return session
    }

    /// Closes the browser. The session cannot be used afterwards.
    public func delete() async throws(WebDriverError) {
        _ = try await send("DELETE", "")
    }

    /// The browser's version, "156.0.8078.114".
    public var browserVersion: String? {
        capabilities["browserVersion"]?.stringValue
    }

    /// Sets the session's timeouts, replacing those given at creation.
    public func setTimeouts(_ timeouts: WebDriverTimeouts) async throws(WebDriverError) {
        _ = try await send("POST", "/timeouts", body: timeouts.json)
    }

    /// Sends a command of this session.
    ///
    /// - Parameters:
    ///   - subpath: The path after `/session/{id}`, "/url".
    ///   - pattern: `subpath` with element ids as `{element}`, for error messages. The
    ///     default is `subpath`.
    func send(
        _ method: String,
        _ subpath: String,
        pattern: String? = nil,
        body: JSONValue? = nil
    ) async throws(WebDriverError) -> JSONValue {
        try await client.send(
            method,
            "/session/\(id)\(subpath)",
            command: "\(method) /session/{id}\(pattern ?? subpath)",
            body: body
        )
    }
}
