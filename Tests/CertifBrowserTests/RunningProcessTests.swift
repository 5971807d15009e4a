import Foundation
import Testing

@testable import BrowserTesting

@Suite struct RunningProcessTests {
    static func outputFile() -> URL {
        FileManager.default.temporaryDirectory.appending(
            path: "certif-process-" + UUID().uuidString + ".log"
        )
    }

    /// The threads of a test process block SIGTERM, and a child must not inherit that mask.
    @Test func childEndsOnSIGTERM() async throws {
        let output = Self.outputFile()
        defer { try? FileManager.default.removeItem(at: output) }
        let process = try RunningProcess.launch(
            executable: "/bin/sleep",
            arguments: ["30"],
            outputFile: output
        )

        let runningBefore = process.isRunning
        process.terminate()
        let exited = await process.waitForExit(timeout: .seconds(5))

        #expect(runningBefore)
        #expect(exited)
        #expect(process.exitDescription == "signal 15")
    }

    @Test func outputAndExitCodeRecorded() async throws {
        let output = Self.outputFile()
        defer { try? FileManager.default.removeItem(at: output) }

        let process = try RunningProcess.launch(
            executable: "/bin/sh",
            arguments: ["-c", "echo sortie; echo erreur >&2; exit 3"],
            outputFile: output
        )
        let exited = await process.waitForExit(timeout: .seconds(5))

        #expect(exited)
        #expect(process.exitDescription == "exit code 3")
        #expect(try String(contentsOf: output, encoding: .utf8) == "sortie\nerreur\n")
    }

    @Test func environmentVariablesAdded() async throws {
        let output = Self.outputFile()
        defer { try? FileManager.default.removeItem(at: output) }

        let process = try RunningProcess.launch(
            executable: "/bin/sh",
            arguments: ["-c", "echo \"$LANGUAGE|$PATH\""],
            environment: ["LANGUAGE": "fr_FR:fr"],
            outputFile: output
        )
        let exited = await process.waitForExit(timeout: .seconds(5))

        #expect(exited)
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        #expect(try String(contentsOf: output, encoding: .utf8) == "fr_FR:fr|\(path)\n")
    }

    @Test func missingExecutableRaises() throws {
        let output = Self.outputFile()
        defer { try? FileManager.default.removeItem(at: output) }

        let error = try #require(throws: ProcessLaunchError.self) {
            _ = try RunningProcess.launch(
                executable: "/nonexistent/programme",
                arguments: [],
                outputFile: output
            )
        }

        #expect(error.message.contains("/nonexistent/programme"))
    }
}
