import Foundation

/// Facts that the file system shows about a database path, for error messages that explain
/// why SQLite could not open it. SQLite itself reports only "unable to open database file".
enum DatabaseFile {
    /// Returns whether a file, not a folder, exists at `path`, following symbolic links.
    static func isFile(at path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            && !isDirectory.boolValue
    }

    static func isDirectory(at path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            && isDirectory.boolValue
    }

    /// Returns a sentence for the user that names what keeps `path` from being opened in
    /// `mode`, or nil when the file system shows nothing wrong.
    static func problem(at path: String, mode: Database.OpenMode) -> String? {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        if isDirectory(at: path) {
            let example = URL(fileURLWithPath: path).appendingPathComponent("certif.sqlite").path
            return "\(path) is a folder, not a database file; give the path of a file, "
                + "such as \(example)"
        }
        if isFile(at: path) {
            return problemWithExistingFile(at: path, folder: folder, mode: mode)
        }
        guard mode == .readWriteCreate else {
            return "the database \(path) does not exist; check the path"
        }
        if !isDirectory(at: folder) {
            let state = isFile(at: folder) ? "is a file, not a folder" : "does not exist"
            return "the folder \(folder) \(state), so the database \(path) cannot be created "
                + "in it; create the folder or give another path"
        }
        if !canCreateFiles(in: folder) {
            return "permission denied: this user cannot create files in the folder \(folder), "
                + "so the database \(path) cannot be created; ask for write permission on the "
                + "folder or give another path"
        }
        return nil
    }

    private static func problemWithExistingFile(
        at path: String,
        folder: String,
        mode: Database.OpenMode
    ) -> String? {
        if access(path, R_OK) != 0 {
            return "permission denied: this user cannot read the database \(path); ask its "
                + "owner for read permission"
        }
        if mode != .readOnly, access(path, W_OK) != 0 {
            return "permission denied: this user cannot write to the database \(path); ask its "
                + "owner for write permission, or use a command that only reads"
        }
        if !canCreateFiles(in: folder) {
            // A database in write-ahead-log mode needs its -wal and -shm files beside it, even
            // to be read, unless another connection has already created them.
            return "permission denied: this user cannot create files in the folder \(folder), "
                + "and SQLite needs to create \(path)-wal and \(path)-shm there; ask for write "
                + "permission on the folder, or copy the database to a folder you can write to"
        }
        return nil
    }

    private static func canCreateFiles(in folder: String) -> Bool {
        access(folder, W_OK | X_OK) == 0
    }
}
