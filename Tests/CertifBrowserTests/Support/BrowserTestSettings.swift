import BrowserTesting
import CertifHTML
import Foundation

/// Where the browser tests find their tools and write their screenshots, from environment
/// variables or from the defaults of a Debian machine and of this repository.
enum BrowserTestSettings {
    /// The repository's root folder, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // CertifBrowserTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// `CERTIF_CHROMEDRIVER`, or Debian's chromedriver.
    static var driverExecutable: String {
        environment("CERTIF_CHROMEDRIVER") ?? ChromeDriver.debianExecutable
    }

    /// `CERTIF_CHROMIUM`, or the Chromium executable of Debian's package.
    static var browserExecutable: String {
        environment("CERTIF_CHROMIUM") ?? ChromeOptions.debianBinary
    }

    /// `CERTIF_AXE_SCRIPT`, or the file that `make axe` installs.
    static var axeScript: URL {
        resolved(environment("CERTIF_AXE_SCRIPT") ?? "out/vendor/axe/axe.min.js")
    }

    /// The DSFR folder that `make dsfr` installs, or the one named by `CERTIF_DSFR`, or nil
    /// when it lacks a file that `.dsfr` pages link.
    static var dsfrFolder: URL? {
        let folder = resolved(environment("CERTIF_DSFR") ?? "out/static/dsfr")
        let complete = PageStyle.dsfrLinkedFiles.allSatisfy {
            FileManager.default.isReadableFile(atPath: folder.appending(path: $0).path)
        }
        return complete ? folder : nil
    }

    /// The folder named by `CERTIF_SCREENSHOTS`, relative to the repository's root unless
    /// absolute, or nil when the variable is unset or empty: screenshots for the
    /// documentation are then not written.
    static var documentationScreenshots: URL? {
        environment("CERTIF_SCREENSHOTS").map(resolved)
    }

    private static func environment(_ name: String) -> String? {
        guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else {
            return nil
        }
        return value
    }

    private static func resolved(_ path: String) -> URL {
        path.hasPrefix("/")
            ? URL(fileURLWithPath: path) : packageRoot.appending(path: path)
    }
}
