import BrowserTesting
import Foundation
import Testing

/// chromedriver started and stopped alone, without a browser, and the errors for missing
/// executables.
@Suite struct ChromeDriverTests {
    @Test func startsOnLoopbackAndStops() async throws {
        let driver = try await ChromeDriver.start(executable: BrowserTestSettings.driverExecutable)

        let status = try await driver.status()
        await driver.stop()

        #expect(driver.url.host() == "127.0.0.1")
        #expect(status["ready"] == true)
        #expect(!FileManager.default.fileExists(atPath: driver.workFolder.path))
        let error = await #expect(throws: WebDriverError.self) {
            _ = try await driver.status()
        }
        #expect(error?.code == .requestFailed)
    }

    @Test func missingDriverNamesDebianPackage() async throws {
        let error = try await #require(throws: WebDriverError.self) {
            _ = try await ChromeDriver.start(executable: "/nonexistent/chromedriver")
        }

        #expect(error.code == .executableNotFound)
        #expect(error.message.contains("/nonexistent/chromedriver"))
        #expect(error.message.contains("chromium-driver"))
    }

    @Test func missingBrowserNamesDebianPackage() async throws {
        let driver = try await ChromeDriver.start(executable: BrowserTestSettings.driverExecutable)
        var options = ChromeOptions()
        options.binary = "/nonexistent/chromium"

        let error = await #expect(throws: WebDriverError.self) {
            _ = try await WebDriverSession.create(driver: driver, options: options)
        }
        await driver.stop()

        #expect(error?.code == .executableNotFound)
        #expect(error?.message.contains("/nonexistent/chromium") == true)
        #expect(error?.message.contains("package chromium ") == true)
    }

    @Test func stopTwiceIsHarmless() async throws {
        let driver = try await ChromeDriver.start(executable: BrowserTestSettings.driverExecutable)

        await driver.stop()
        await driver.stop()

        #expect(!FileManager.default.fileExists(atPath: driver.workFolder.path))
    }
}
