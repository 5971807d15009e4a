import Foundation

/// A temporary folder that only the current user can open, for files that may hold personal
/// data while an export is written.
enum PrivateFolder {
    /// Creates a folder in the system's temporary folder (`TMPDIR`, else `/tmp`), runs `body`
    /// with its path, and removes the folder with its files, whether `body` throws or not.
    ///
    /// `mkdtemp` creates the folder with mode 0700 under a random name that no other process
    /// can have taken, so files written inside cannot be read or replaced by another user.
    static func withNew<T>(_ body: (String) throws -> T) throws -> T {
        let template = FileManager.default.temporaryDirectory
            .appendingPathComponent("certif-export-XXXXXX").path
        var buffer = Array(template.utf8CString)
        guard mkdtemp(&buffer) != nil else {
            throw failure("mkdtemp", errno, "cannot create a temporary folder from '\(template)'")
        }
        let path = String(decoding: buffer.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let value: T
        do {
            value = try body(path)
        } catch {
            // The error of the export matters more to the caller than one of the clean-up.
            try? FileManager.default.removeItem(atPath: path)
            throw error
        }
        do {
            try FileManager.default.removeItem(atPath: path)
        } catch {
            throw ExportError(
                code: .temporaryFile,
                message: "cannot remove the temporary folder '\(path)' after the export: "
                    + "\(error.localizedDescription); remove it by hand, as it holds the export"
            )
        }
        return value
    }

    /// Reads a file that the export wrote in its folder.
    static func read(_ path: String) throws -> Data {
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ExportError(
                code: .temporaryFile,
                message: "cannot read the exported file '\(path)': \(error.localizedDescription)"
            )
        }
    }

    private static func failure(
        _ function: String,
        _ number: Int32,
        _ what: String
    )
        -> ExportError
    {
        ExportError(
            code: .temporaryFile,
            message: "\(what): \(String(cString: strerror(number)))",
            function: function,
            returnCode: number
        )
    }
}
