import Foundation
import Testing

@testable import CertifDocuments

struct PrivateFolderTests {
    struct Failure: Error {}

    @Test func folderIsPrivateWhileInUse() throws {
        try PrivateFolder.withNew { path in
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            let permissions = try #require(attributes[.posixPermissions] as? Int)
            #expect(permissions == 0o700)
            #expect(URL(fileURLWithPath: path).lastPathComponent.hasPrefix("certif-export-"))
        }
    }

    @Test func folderIsRemovedWithItsFiles() throws {
        let path = try PrivateFolder.withNew { path in
            try Data("x".utf8).write(to: URL(fileURLWithPath: path + "/export.xlsx"))
            return path
        }

        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func folderIsRemovedWhenBodyThrows() throws {
        var used: String?

        #expect(throws: Failure.self) {
            try PrivateFolder.withNew { path in
                used = path
                try Data("x".utf8).write(to: URL(fileURLWithPath: path + "/export.xlsx"))
                throw Failure()
            }
        }

        let path = try #require(used)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func missingFileIsTemporaryFileError() throws {
        let error = try #require(throws: ExportError.self) {
            try PrivateFolder.withNew { path in try PrivateFolder.read(path + "/absent.xlsx") }
        }

        #expect(error.code == .temporaryFile)
    }
}
