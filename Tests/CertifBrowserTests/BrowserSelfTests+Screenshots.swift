import BrowserTesting
import Foundation
import Testing

extension BrowserSelfTests {
    @Test func screenshotIsPNGOfWindowSize() async throws {
        let folder = FileManager.default.temporaryDirectory.appending(
            path: "certif-screenshots-" + UUID().uuidString
        )
        defer { try? FileManager.default.removeItem(at: folder) }
        try await session.navigate(to: site.url("/"))

        let png = try await session.screenshot()
        let file = folder.appending(path: "pages/formulaire.png")
        try await session.saveScreenshot(to: file)

        let image = try #require(PNGImage(png), "the screenshot does not start like a PNG file")
        #expect(image == PNGImage(width: 1280, height: 900))
        let savedData = try Data(contentsOf: file)
        #expect(PNGImage(savedData) == image)
    }

    @Test func fullPageScreenshotCoversLongPage() async throws {
        try await session.navigate(to: site.url("/longue-page"))
        let pageHeight = try await session.executeScript(
            "return document.documentElement.scrollHeight;"
        )

        let png = try await session.fullPageScreenshot()

        let image = try #require(PNGImage(png))
        let height = try #require(pageHeight.doubleValue)
        #expect(height > 900)
        #expect(image.width == 1280)
        #expect(Double(image.height) == height)
    }

    @Test func elementScreenshotIsItsBox() async throws {
        try await session.navigate(to: site.url("/"))
        let button = try await session.findElement(css: "#formulaire-salutation button")
        let box = try await session.executeScript(
            "const box = arguments[0].getBoundingClientRect(); return [box.width, box.height];",
            arguments: [button.json]
        )

        let png = try await button.screenshot()
        let image = try #require(PNGImage(png))

        let size = (box.arrayValue ?? []).compactMap { $0.doubleValue }
        #expect(size.count == 2)
        #expect(abs(Double(image.width) - size[0]) <= 1)
        #expect(abs(Double(image.height) - size[1]) <= 1)
    }

    @Test func documentationScreenshotOnlyWhenFolderGiven() async throws {
        let folder = FileManager.default.temporaryDirectory.appending(
            path: "certif-docs-" + UUID().uuidString
        )
        defer { try? FileManager.default.removeItem(at: folder) }
        try await session.navigate(to: site.url("/"))

        let skipped = try await saveDocumentationScreenshot(of: session, name: "x", folder: nil)
        let saved = try await saveDocumentationScreenshot(
            of: session,
            name: "formulaire",
            folder: folder
        )

        #expect(skipped == nil)
        #expect(saved == folder.appending(path: "formulaire.png"))
        let data = try Data(contentsOf: try #require(saved))
        #expect(PNGImage(data) != nil)
    }
}
