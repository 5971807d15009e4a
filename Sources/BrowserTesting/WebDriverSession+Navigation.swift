import Foundation

extension WebDriverSession {
    /// Loads `url` and returns once the page has loaded, or throws `timeout` after the
    /// page load timeout.
    public func navigate(to url: String) async throws(WebDriverError) {
        _ = try await send("POST", "/url", body: ["url": .string(url)])
    }

    public func navigate(to url: URL) async throws(WebDriverError) {
        try await navigate(to: url.absoluteString)
    }

    /// Returns the URL of the page shown, after any redirect.
    public func currentURL() async throws(WebDriverError) -> URL {
        let value = try await send("GET", "/url")
        guard let text = value.stringValue, let url = URL(string: text) else {
            throw WebDriverError(
                code: .invalidResponse,
                message: "the current URL is not a URL: \(value)",
                command: "GET /session/{id}/url"
            )
        }
        return url
    }

    /// Returns the path of the current URL, "/candidats", which tests compare more easily
    /// than the whole URL with its port.
    public func currentPath() async throws(WebDriverError) -> String {
        try await currentURL().path()
    }

    /// Returns the document's `title`.
    public func title() async throws(WebDriverError) -> String {
        try await send("GET", "/title").stringValue ?? ""
    }

    /// Returns the document serialised as HTML in its current state, scripts' changes
    /// included.
    public func pageSource() async throws(WebDriverError) -> String {
        try await send("GET", "/source").stringValue ?? ""
    }

    public func back() async throws(WebDriverError) {
        _ = try await send("POST", "/back")
    }

    public func refresh() async throws(WebDriverError) {
        _ = try await send("POST", "/refresh")
    }
}
