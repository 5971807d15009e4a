import Foundation

extension WebDriverSession {
    /// Takes a PNG image of the viewport, `ChromeOptions.windowWidth` by `windowHeight` pixels.
    public func screenshot() async throws(WebDriverError) -> Data {
        try decodePNG(try await send("GET", "/screenshot"), command: "GET /session/{id}/screenshot")
    }

    /// Takes a PNG image of the whole page, as tall as its content, with the DevTools
    /// protocol's `Page.captureScreenshot` through chromedriver's `goog/cdp/execute`, which
    /// only Chromium's driver has.
    public func fullPageScreenshot() async throws(WebDriverError) -> Data {
        let metrics = try await send(
            "POST",
            "/goog/cdp/execute",
            body: ["cmd": "Page.getLayoutMetrics", "params": [:]]
        )
        guard let width = metrics["cssContentSize"]?["width"]?.doubleValue,
            let height = metrics["cssContentSize"]?["height"]?.doubleValue
        else {
            throw WebDriverError(
                code: .invalidResponse,
                message: "Page.getLayoutMetrics returned no cssContentSize: \(metrics)",
                command: "POST /session/{id}/goog/cdp/execute"
            )
        }
        let value = try await send(
            "POST",
            "/goog/cdp/execute",
            body: [
                "cmd": "Page.captureScreenshot",
                "params": [
                    "format": "png",
                    "captureBeyondViewport": true,
                    "clip": [
                        "x": 0, "y": 0, "width": .number(width.rounded(.up)),
                        "height": .number(height.rounded(.up)), "scale": 1,
                    ],
                ],
            ]
        )
        return try decodePNG(value["data"] ?? .null, command: "Page.captureScreenshot")
    }

    /// Takes a screenshot of the viewport, or of the whole page when `fullPage` is true, and
    /// writes it to `file`, creating its folder when missing.
    public func saveScreenshot(to file: URL, fullPage: Bool = false) async throws(WebDriverError) {
        let png = fullPage ? try await fullPageScreenshot() : try await screenshot()
        do {
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(),
                withIntermediateDirectories: true
            )
            try png.write(to: file, options: .atomic)
        } catch {
            throw WebDriverError(
                code: .fileFailed,
                message: "the screenshot could not be written to \(file.path)",
                underlyingError: error
            )
        }
    }
}

/// Decodes the base64 text of a screenshot.
func decodePNG(_ value: JSONValue, command: String) throws(WebDriverError) -> Data {
    guard let text = value.stringValue, let data = Data(base64Encoded: text) else {
        throw WebDriverError(
            code: .invalidResponse,
            message: "the screenshot is not base64 text",
            command: command
        )
    }
    return data
}
