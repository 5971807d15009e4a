import Foundation

/// A reference to an element of the page that a session shows.
///
/// The reference goes stale when the page changes: after a navigation, any command on it
/// throws `stale element reference`.
public struct WebElement: Sendable {
    /// The key of an element reference in the protocol's JSON, fixed by the W3C.
    public static let referenceKey = "element-6066-11e4-a52e-4f735466cecf"

    /// The id that the driver gave the element.
    public let id: String
    public let session: WebDriverSession

    /// The element as a script argument: the script receives the DOM element.
    public var json: JSONValue {
        [Self.referenceKey: .string(id)]
    }

    init(id: String, session: WebDriverSession) {
        self.id = id
        self.session = session
    }

    init(reference: JSONValue, session: WebDriverSession, command: String) throws(WebDriverError) {
        guard let id = reference[Self.referenceKey]?.stringValue else {
            throw WebDriverError(
                code: .invalidResponse,
                message: "the driver returned no element reference: \(reference)",
                command: command
            )
        }
        self.init(id: id, session: session)
    }

    func send(
        _ method: String,
        _ subpath: String,
        body: JSONValue? = nil
    ) async throws(WebDriverError) -> JSONValue {
        try await session.send(
            method,
            "/element/\(id)\(subpath)",
            pattern: "/element/{element}\(subpath)",
            body: body
        )
    }

    /// Scrolls the element into view and clicks its centre. Throws `element not
    /// interactable` when it is hidden or covered.
    public func click() async throws(WebDriverError) {
        _ = try await send("POST", "/click")
    }

    /// Empties an editable control: an input, a textarea.
    public func clear() async throws(WebDriverError) {
        _ = try await send("POST", "/clear")
    }

    /// Types `text` into the element, as keystrokes at the end of its current value.
    public func sendKeys(_ text: String) async throws(WebDriverError) {
        _ = try await send("POST", "/value", body: ["text": .string(text)])
    }

    /// Empties the control and types `text`.
    public func fill(_ text: String) async throws(WebDriverError) {
        try await clear()
        try await sendKeys(text)
    }

    /// Chooses `file` in an `input type=file`, as a person picking it in the file dialog. The
    /// file must exist on the machine that runs the browser.
    public func chooseFile(_ file: URL) async throws(WebDriverError) {
        try await sendKeys(file.standardizedFileURL.path)
    }

    /// Submits the element's form by clicking its first submit button, as a person would, so
    /// that the button's `name` and `value` are posted and its `formaction` applies, then
    /// waits for the page that the server returns. The element is a form or a control
    /// inside one.
    public func submit(timeout: Duration = .seconds(30)) async throws(WebDriverError) {
        let button = try await session.executeScript(
            """
            const form = arguments[0].form ?? arguments[0].closest('form');
            if (!form) { return null; }
            return form.querySelector('button:not([type]), button[type=submit], '
                + 'input[type=submit], input[type=image]');
            """,
            arguments: [json]
        )
        guard !button.isNull else {
            throw WebDriverError(
                code: .noSuchElement,
                message: "the element is not in a form with a submit button",
                command: "submit"
            )
        }
        let submitButton = try WebElement(reference: button, session: session, command: "submit")
        try await submitButton.clickAndWaitForNavigation(timeout: timeout)
    }

    /// Clicks the element, a link or a submit button, and returns once a new page has
    /// loaded.
    ///
    /// chromedriver returns from a click as soon as the click event is dispatched, and the
    /// navigation that the click starts may not have begun by then, so a plain `click`
    /// followed by a read can see the old page. This method marks the current document
    /// first, then polls every 50 ms until a document without the mark has loaded. Throws
    /// `timeout` when none has after `timeout`: the browser's own form validation may have
    /// stopped the submission, for instance.
    public func clickAndWaitForNavigation(
        timeout: Duration = .seconds(30)
    ) async throws(WebDriverError) {
        let mark = UUID().uuidString
        _ = try await session.executeScript(
            "window.certifNavigationMark = arguments[0];",
            arguments: [.string(mark)]
        )
        try await click()
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            // A script run while the page is being replaced can fail; the next poll retries.
            let state = try? await session.executeScript(
                "return window.certifNavigationMark === arguments[0] ? 'old' : document.readyState;",
                arguments: [.string(mark)]
            )
            if state == "complete" {
                return
            }
            try? await Task.sleep(for: .milliseconds(50))
        }
        throw WebDriverError(
            code: .timeout,
            message: "no new page loaded within \(timeout) of the click. If the element submits "
                + "a form, the browser's own validation may have stopped it: check the "
                + "required fields.",
            command: "click and wait for navigation"
        )
    }

    /// Returns the text as rendered, with hidden parts left out and white space collapsed.
    public func text() async throws(WebDriverError) -> String {
        try await send("GET", "/text").stringValue ?? ""
    }

    /// Returns the value of the HTML attribute `name`, or nil when the element has none. A boolean
    /// attribute that is present reads "true".
    public func attribute(_ name: String) async throws(WebDriverError) -> String? {
        try await send("GET", "/attribute/\(name)").stringValue
    }

    /// Returns the DOM property `name`, such as `value` or `checked`, which follows what a person
    /// typed or chose where the attribute keeps the initial value.
    public func property(_ name: String) async throws(WebDriverError) -> JSONValue {
        try await send("GET", "/property/\(name)")
    }

    /// Returns the tag name in lower case.
    public func tagName() async throws(WebDriverError) -> String {
        (try await send("GET", "/name").stringValue ?? "").lowercased()
    }

    public func isEnabled() async throws(WebDriverError) -> Bool {
        try await send("GET", "/enabled").boolValue ?? false
    }

    /// Returns whether a checkbox, radio button or option is checked or selected.
    public func isSelected() async throws(WebDriverError) -> Bool {
        try await send("GET", "/selected").boolValue ?? false
    }

    /// Returns whether the element is shown, from chromedriver's `/displayed` command, which
    /// is outside the W3C protocol.
    public func isDisplayed() async throws(WebDriverError) -> Bool {
        try await send("GET", "/displayed").boolValue ?? false
    }

    /// Finds the first descendant that matches `selector`, waiting up to the implicit wait.
    public func findElement(css selector: String) async throws(WebDriverError) -> WebElement {
        let value = try await send("POST", "/element", body: cssLocator(selector))
        return try WebElement(
            reference: value,
            session: session,
            command: "POST /session/{id}/element/{element}/element"
        )
    }

    /// Finds every descendant that matches `selector`, in document order.
    public func findElements(css selector: String) async throws(WebDriverError) -> [WebElement] {
        let value = try await send("POST", "/elements", body: cssLocator(selector))
        return try elements(
            from: value,
            session: session,
            command: "POST /session/{id}/element/{element}/elements"
        )
    }

    /// Takes a PNG image of the element's box.
    public func screenshot() async throws(WebDriverError) -> Data {
        try decodePNG(try await send("GET", "/screenshot"), command: "element screenshot")
    }
}

extension WebDriverSession {
    /// Finds the first element that matches `selector`, waiting up to the implicit wait for one to
    /// appear. Throws `no such element` when none does.
    public func findElement(css selector: String) async throws(WebDriverError) -> WebElement {
        let value = try await send("POST", "/element", body: cssLocator(selector))
        return try WebElement(
            reference: value,
            session: self,
            command: "POST /session/{id}/element"
        )
    }

    /// Finds every element that matches `selector`, in document order. When none does, it waits
    /// up to the implicit wait before returning an empty list.
    public func findElements(css selector: String) async throws(WebDriverError) -> [WebElement] {
        let value = try await send("POST", "/elements", body: cssLocator(selector))
        return try elements(from: value, session: self, command: "POST /session/{id}/elements")
    }

    /// Returns the element that has the keyboard focus, or `body` when none has it.
    public func activeElement() async throws(WebDriverError) -> WebElement {
        let value = try await send("GET", "/element/active")
        return try WebElement(
            reference: value,
            session: self,
            command: "GET /session/{id}/element/active"
        )
    }
}

private func cssLocator(_ selector: String) -> JSONValue {
    ["using": "css selector", "value": .string(selector)]
}

private func elements(
    from value: JSONValue,
    session: WebDriverSession,
    command: String
) throws(WebDriverError) -> [WebElement] {
    guard let references = value.arrayValue else {
        throw WebDriverError(
            code: .invalidResponse,
            message: "the driver returned no list of elements: \(value)",
            command: command
        )
    }
    var found: [WebElement] = []
    for reference in references {
        found.append(try WebElement(reference: reference, session: session, command: command))
    }
    return found
}
