extension WebDriverSession {
    /// The position and outer size of the browser window, in CSS pixels.
    public struct WindowRect: Sendable, Equatable, Codable {
        public var x: Int
        public var y: Int
        public var width: Int
        public var height: Int

        public init(x: Int = 0, y: Int = 0, width: Int, height: Int) {
            self.x = x
            self.y = y
            self.width = width
            self.height = height
        }
    }

    public func windowRect() async throws(WebDriverError) -> WindowRect {
        let value = try await send("GET", "/window/rect")
        return try value.decoded(as: WindowRect.self, command: "GET /session/{id}/window/rect")
    }

    /// Moves and resizes the window, and returns the rectangle that the browser applied.
    @discardableResult
    public func setWindowRect(_ rect: WindowRect) async throws(WebDriverError) -> WindowRect {
        let body = try JSONValue(encoding: rect, command: "POST /session/{id}/window/rect")
        let value = try await send("POST", "/window/rect", body: body)
        return try value.decoded(as: WindowRect.self, command: "POST /session/{id}/window/rect")
    }

    /// Returns the viewport's size in CSS pixels: `window.innerWidth` and `innerHeight`.
    public func viewportSize() async throws(WebDriverError) -> (width: Int, height: Int) {
        let value = try await executeScript("return [window.innerWidth, window.innerHeight];")
        let sizes = (value.arrayValue ?? []).compactMap(\.doubleValue)
        guard sizes.count == 2 else {
            throw WebDriverError(
                code: .invalidResponse,
                message: "the viewport size is not two numbers: \(value)",
                command: "viewport size"
            )
        }
        return (Int(sizes[0]), Int(sizes[1]))
    }

    /// Resizes the window so that the viewport is `width` by `height` CSS pixels. The
    /// browser's bars take part of the window, even in headless mode: 143 pixels of height
    /// in headless Chromium 156 on Debian 12.
    public func resizeViewport(width: Int, height: Int) async throws(WebDriverError) {
        let viewport = try await viewportSize()
        guard viewport != (width, height) else {
            return
        }
        let window = try await windowRect()
        try await setWindowRect(
            WindowRect(
                x: window.x,
                y: window.y,
                width: window.width + width - viewport.width,
                height: window.height + height - viewport.height
            )
        )
        let resized = try await viewportSize()
        guard resized == (width, height) else {
            throw WebDriverError(
                code: .unknownError,
                message: "the viewport is \(resized.width)x\(resized.height) after resizing the "
                    + "window, not \(width)x\(height)",
                command: "resize viewport"
            )
        }
    }
}
