import BrowserTesting
import Foundation
import Testing

/// A trait that starts one headless Chromium before the tests of a suite and closes it after
/// them, because a browser takes seconds to start.
///
/// Tests of the suite read it with `SharedBrowser.session()`. The browser has one window, so
/// the suite must also be `.serialized`. When chromedriver or Chromium is missing or fails to
/// start, the suite fails with the error, which names the Debian package to install. It is not
/// skipped.
///
/// ```swift
/// @Suite(.serialized, .sharedBrowser) struct LoginPageTests { … }
/// ```
struct SharedBrowser: SuiteTrait, TestScoping {
    @TaskLocal static var current: Browser?

    var isRecursive: Bool { false }

    func provideScope(
        for test: Test,
        testCase: Test.Case?,
        performing function: @Sendable () async throws -> Void
    ) async throws {
        var options = ChromeOptions()
        options.binary = BrowserTestSettings.browserExecutable
        let browser = try await Browser.launch(
            driverExecutable: BrowserTestSettings.driverExecutable,
            options: options
        )
        do {
            try await Self.$current.withValue(browser) {
                try await function()
            }
        } catch {
            await browser.close()
            throw error
        }
        await browser.close()
    }

    /// Returns the session of the suite's browser. Throws when the suite lacks `.sharedBrowser`.
    static func session() throws -> WebDriverSession {
        try #require(current, "the suite needs the .sharedBrowser trait").session
    }
}

extension Trait where Self == SharedBrowser {
    /// One browser for the whole suite; see `SharedBrowser`.
    static var sharedBrowser: Self { SharedBrowser() }
}
