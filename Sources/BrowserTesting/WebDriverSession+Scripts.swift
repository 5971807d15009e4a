extension WebDriverSession {
    /// Runs `script` as the body of a function in the page and returns what it returns.
    ///
    /// The script reads its arguments as `arguments[0]` …, and an element's `json` arrives
    /// as the DOM element. A returned element comes back as an object with
    /// `WebElement.referenceKey`. The driver calls the function through the DevTools
    /// protocol, so the page's Content Security Policy does not block it. Throws
    /// `javascript error` with the exception's message when the script throws.
    public func executeScript(
        _ script: String,
        arguments: [JSONValue] = []
    ) async throws(WebDriverError) -> JSONValue {
        try await send(
            "POST",
            "/execute/sync",
            body: ["script": .string(script), "args": .array(arguments)]
        )
    }

    /// Runs `script` like `executeScript`, with one more argument: a function that the
    /// script calls with its result, after any `await`. Throws `script timeout` when the
    /// function is not called within the script timeout.
    ///
    /// ```swift
    /// let status = try await session.executeAsyncScript(
    ///     "const done = arguments[arguments.length - 1]; fetch('/healthz').then(r => done(r.status));"
    /// )
    /// ```
    public func executeAsyncScript(
        _ script: String,
        arguments: [JSONValue] = []
    ) async throws(WebDriverError) -> JSONValue {
        try await send(
            "POST",
            "/execute/async",
            body: ["script": .string(script), "args": .array(arguments)]
        )
    }
}
