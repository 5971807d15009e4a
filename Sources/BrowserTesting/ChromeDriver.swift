import Foundation

/// A chromedriver process that listens on 127.0.0.1 and ::1, from `start` until `stop`.
///
/// chromedriver picks its own free port (`--port=0`) and prints it. It is started without
/// `--allowed-ips`, which keeps it bound to loopback and serving local clients only. With
/// an empty `--allowed-ips=`, chromedriver 156 instead listens on every interface and accepts
/// any client. Its output goes to `logFile`. Call `stop` at the end: it closes the browsers
/// that the driver started and deletes `workFolder`.
public final class ChromeDriver: Sendable {
    /// Debian's chromedriver, from the package `chromium-driver`.
    public static let debianExecutable = "/usr/bin/chromedriver"

    /// The driver's address, "http://127.0.0.1:PORT".
    public var url: URL { client.baseURL }
    /// A temporary folder for the driver's log and the browsers' profiles.
    public let workFolder: URL
    let client: WebDriverClient
    private let process: RunningProcess

    /// The file that receives chromedriver's standard output and error.
    public var logFile: URL { workFolder.appending(path: "chromedriver.log") }

    private init(port: UInt16, workFolder: URL, process: RunningProcess) {
        self.workFolder = workFolder
        self.process = process
        client = WebDriverClient(port: port)
    }

    deinit {
        // A driver that was not stopped gets SIGTERM here, without waiting. The browsers that it
        // started keep running and `workFolder` stays, which is why callers must call `stop`.
        process.terminate()
    }

    /// Starts `executable` and returns once it reports ready on `/status`. The driver and the
    /// browsers that it starts get this process's environment with `environment` added.
    ///
    /// Throws `executableNotFound`, naming the Debian package to install, when `executable`
    /// is missing, and `driverStartFailed`, with the end of the driver's log, when it exits
    /// or is not ready within `timeout`.
    public static func start(
        executable: String = ChromeDriver.debianExecutable,
        environment: [String: String] = [:],
        timeout: Duration = .seconds(20)
    ) async throws(WebDriverError) -> ChromeDriver {
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw WebDriverError(
                code: .executableNotFound,
                message: "chromedriver was not found at \(executable). Install the Debian "
                    + "package chromium-driver (`make deps` installs it)."
            )
        }
        let workFolder = try makeTemporaryFolder(prefix: "certif-chromedriver-")
        let logFile = workFolder.appending(path: "chromedriver.log")
        let process: RunningProcess
        do {
            process = try RunningProcess.launch(
                executable: executable,
                arguments: ["--port=0"],
                environment: environment,
                outputFile: logFile
            )
        } catch {
            try? FileManager.default.removeItem(at: workFolder)
            throw WebDriverError(
                code: .driverStartFailed,
                message: "chromedriver at \(executable) could not be started",
                underlyingError: error
            )
        }

        let deadline = ContinuousClock.now + timeout
        do throws(WebDriverError) {
            let port = try await waitForPort(process: process, logFile: logFile, until: deadline)
            let driver = ChromeDriver(port: port, workFolder: workFolder, process: process)
            try await driver.waitUntilReady(until: deadline)
            return driver
        } catch {
            process.terminate()
            try? FileManager.default.removeItem(at: workFolder)
            throw error
        }
    }

    /// Reads the port from the line "ChromeDriver was started successfully on port N.", which
    /// chromedriver prints once it listens.
    private static func waitForPort(
        process: RunningProcess,
        logFile: URL,
        until deadline: ContinuousClock.Instant
    ) async throws(WebDriverError) -> UInt16 {
        while true {
            let log = (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
            if let match = log.firstMatch(of: /started successfully on port (\d+)/),
                let port = UInt16(match.1)
            {
                return port
            }
            if !process.isRunning {
                throw WebDriverError(
                    code: .driverStartFailed,
                    message: "chromedriver ended (\(process.exitDescription)) before listening. "
                        + "Its output: " + String(log.suffix(2000))
                )
            }
            if ContinuousClock.now >= deadline {
                throw WebDriverError(
                    code: .driverStartFailed,
                    message: "chromedriver printed no port in time. Its output: "
                        + String(log.suffix(2000))
                )
            }
            try? await Task.sleep(for: .milliseconds(20))
        }
    }

    /// Returns the driver's response to `GET /status`: `ready`, `message` and the build's
    /// version.
    public func status() async throws(WebDriverError) -> JSONValue {
        try await client.send("GET", "/status", command: "GET /status")
    }

    private func waitUntilReady(
        until deadline: ContinuousClock.Instant
    ) async throws(WebDriverError) {
        var lastError: WebDriverError?
        while ContinuousClock.now < deadline {
            do {
                if try await status()["ready"]?.boolValue == true {
                    return
                }
            } catch {
                lastError = error
            }
            try? await Task.sleep(for: .milliseconds(50))
        }
        throw WebDriverError(
            code: .driverStartFailed,
            message: "chromedriver at \(url.absoluteString) did not report ready in time",
            underlyingError: lastError
        )
    }

    /// Stops the driver and the browsers that it started, then deletes `workFolder`.
    ///
    /// It asks chromedriver to shut down (`GET /shutdown`, which closes its sessions), sends
    /// SIGTERM if it still runs after 5 seconds, and SIGKILL 2 seconds later. Calling it again
    /// does nothing.
    public func stop() async {
        guard process.isRunning else {
            try? FileManager.default.removeItem(at: workFolder)
            return
        }
        _ = try? await client.send("GET", "/shutdown", command: "GET /shutdown")
        if await !process.waitForExit(timeout: .seconds(5)) {
            process.terminate()
            if await !process.waitForExit(timeout: .seconds(2)) {
                process.forceKill()
                _ = await process.waitForExit(timeout: .seconds(2))
            }
        }
        try? FileManager.default.removeItem(at: workFolder)
    }

    /// Creates a new empty folder in `workFolder`, for one browser's profile.
    func makeProfileFolder() throws(WebDriverError) -> URL {
        let folder = workFolder.appending(path: "profile-" + UUID().uuidString)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        } catch {
            throw WebDriverError(
                code: .fileFailed,
                message: "the browser profile folder \(folder.path) could not be created",
                underlyingError: error
            )
        }
        return folder
    }
}

/// Creates a new folder with a unique name in the system's temporary folder.
func makeTemporaryFolder(prefix: String) throws(WebDriverError) -> URL {
    let folder = FileManager.default.temporaryDirectory.appending(
        path: prefix + UUID().uuidString
    )
    do {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
        throw WebDriverError(
            code: .fileFailed,
            message: "the temporary folder \(folder.path) could not be created",
            underlyingError: error
        )
    }
    return folder
}
