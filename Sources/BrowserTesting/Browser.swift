/// A chromedriver process and the one browser session that it drives, started and stopped
/// together.
public final class Browser: Sendable {
    public let driver: ChromeDriver
    public let session: WebDriverSession

    private init(driver: ChromeDriver, session: WebDriverSession) {
        self.driver = driver
        self.session = session
    }

    /// Starts chromedriver with `options.environment`, then Chromium through it. A failure to
    /// start the browser stops the driver again before the error is thrown.
    public static func launch(
        driverExecutable: String = ChromeDriver.debianExecutable,
        options: ChromeOptions = ChromeOptions()
    ) async throws(WebDriverError) -> Browser {
        let driver = try await ChromeDriver.start(
            executable: driverExecutable,
            environment: options.environment
        )
        do {
            let session = try await WebDriverSession.create(driver: driver, options: options)
            return Browser(driver: driver, session: session)
        } catch {
            await driver.stop()
            throw error
        }
    }

    /// Closes the browser and stops the driver. A session that fails to close is ended with
    /// the driver.
    public func close() async {
        _ = try? await session.delete()
        await driver.stop()
    }
}
