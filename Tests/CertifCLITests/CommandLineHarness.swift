import CertifCommands
import Foundation

/// Runs `certif` commands in process, in a temporary folder with its own database.
final class CommandLineHarness {
    let folder: URL
    var database: String { folder.appendingPathComponent("certif.sqlite").path }

    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    init() throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("certif-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    struct Outcome {
        var status: Int32
        var output: String
        var errors: String
    }

    /// Runs one command with the harness's database unless the words name another.
    func run(_ words: [String]) -> Outcome {
        let console = Console(echo: false)
        let status = CertifCommandLine.run(
            words,
            environment: ["CERTIF_DATABASE": database, "USER": "agent.test"],
            console: console
        )
        return Outcome(status: status, output: console.output, errors: console.errors)
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    func write(_ name: String, _ text: String) throws -> String {
        let target = path(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: target))
        return target
    }

    static func example(_ name: String) -> String {
        repositoryRoot.appendingPathComponent("examples").appendingPathComponent(name).path
    }
}
