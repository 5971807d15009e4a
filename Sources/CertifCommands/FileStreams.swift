import Foundation

/// Writes to the process's standard streams without Foundation's buffering, so output and
/// errors keep their order on a terminal.
enum FileStreams {
    static func writeOutput(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func writeError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
