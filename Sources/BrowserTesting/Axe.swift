import Foundation

/// axe-core, the accessibility rules engine of Deque Systems, run in a WebDriver session.
///
/// `scripts/install-axe.sh` installs its `axe.min.js`. `run(in:)` loads it into the page
/// through `executeScript`, which the page's Content Security Policy does not block, because
/// the driver calls the script through the DevTools protocol rather than through a `script`
/// element. It then runs every rule of axe's default set on the whole document.
///
/// ```swift
/// let axe = try Axe(scriptFile: URL(fileURLWithPath: "out/vendor/axe/axe.min.js"))
/// let report = try await axe.run(in: session)
/// #expect(report.violations(atLeast: .serious).isEmpty, "\(report)")
/// ```
public struct Axe: Sendable {
    /// The text of `axe.min.js`.
    public let source: String
    /// The version in the file's first comment, "4.12.1".
    public let version: String

    /// The options given to `axe.run` by default: every rule of the default set, with node
    /// details for the violations only, which keeps the result small.
    public static let defaultOptions: JSONValue = ["resultTypes": ["violations"]]

    /// Reads `scriptFile`. Throws `fileFailed` with the command that installs it when the file
    /// is missing.
    public init(scriptFile: URL) throws(WebDriverError) {
        let source: String
        do {
            source = try String(contentsOf: scriptFile, encoding: .utf8)
        } catch {
            throw WebDriverError(
                code: .fileFailed,
                message: "axe-core was not found at \(scriptFile.path). Run "
                    + "scripts/install-axe.sh, which `make test` runs.",
                underlyingError: error
            )
        }
        self.source = source
        let header = source.prefix(200)
        version = header.firstMatch(of: /axe v(\d+\.\d+\.\d+)/).map { String($0.1) } ?? "unknown"
    }

    /// Runs axe-core on the page that `session` shows and returns its violations.
    ///
    /// - Parameter options: The options of `axe.run`, such as
    ///   `["runOnly": ["wcag2a", "wcag2aa"]]`. Without `resultTypes`, the result also lists
    ///   the nodes of every rule that passed.
    public func run(
        in session: WebDriverSession,
        options: JSONValue = Axe.defaultOptions
    ) async throws(WebDriverError) -> AxeReport {
        try await inject(into: session)
        let output = try await session.executeAsyncScript(Self.runScript, arguments: [options])
        guard let text = output.stringValue else {
            throw WebDriverError(
                code: .invalidResponse,
                message: "axe.run returned no JSON text: \(output)",
                command: "axe.run"
            )
        }
        let result = try JSONValue.string(text).decodedJSONText(
            as: AxeRunResult.self,
            command: "axe.run"
        )
        if let error = result.error {
            throw WebDriverError(
                code: .javascriptError,
                message: "axe.run failed: \(error)",
                command: "axe.run"
            )
        }
        return AxeReport(
            engineVersion: result.version ?? version,
            url: result.url ?? "",
            violations: result.violations ?? []
        )
    }

    /// Loads axe-core into the page, unless this version is loaded already. A navigation
    /// clears it, so each new page loads it again.
    private func inject(into session: WebDriverSession) async throws(WebDriverError) {
        let script =
            "if (window.axe && window.axe.version === arguments[0]) { return true; }\n"
            + source
            + "\n;return typeof window.axe === 'object' && window.axe.version === arguments[0];"
        let loaded = try await session.executeScript(script, arguments: [.string(version)])
        guard loaded.boolValue == true else {
            throw WebDriverError(
                code: .javascriptError,
                message: "axe-core \(version) did not load into the page: window.axe is "
                    + "missing or of another version",
                command: "axe inject"
            )
        }
    }

    /// Calls `axe.run` and returns JSON text with only the fields that `AxeReport` reads, or
    /// `{"error": …}` when axe fails.
    static let runScript = """
        const done = arguments[arguments.length - 1];
        const targetText = (target) => target.map(
            (part) => Array.isArray(part) ? part.join(' >>> ') : String(part));
        window.axe.run(document, arguments[0]).then((results) => {
            done(JSON.stringify({
                version: results.testEngine.version,
                url: results.url,
                violations: results.violations.map((violation) => ({
                    id: violation.id,
                    impact: violation.impact,
                    help: violation.help,
                    helpUrl: violation.helpUrl,
                    tags: violation.tags,
                    nodes: violation.nodes.map((node) => ({
                        target: targetText(node.target),
                        html: node.html,
                        failureSummary: node.failureSummary,
                    })),
                })),
            }));
        }, (error) => done(JSON.stringify({ error: String((error && error.message) || error) })));
        """
}

/// The JSON text that `Axe.runScript` returns.
private struct AxeRunResult: Decodable {
    var version: String?
    var url: String?
    var violations: [AxeViolation]?
    var error: String?
}

extension JSONValue {
    /// Decodes a string value that contains JSON text.
    fileprivate func decodedJSONText<Value: Decodable>(
        as type: Value.Type,
        command: String
    ) throws(WebDriverError) -> Value {
        do {
            return try JSONDecoder().decode(type, from: Data((stringValue ?? "").utf8))
        } catch {
            throw WebDriverError(
                code: .invalidResponse,
                message: "the result of axe.run is not a \(type)",
                command: command,
                underlyingError: error
            )
        }
    }
}
