import CertifHTML
import Foundation
import Testing

@Suite("Static files")
struct StaticFileTests {
    @Test("DSFR files are served, a link out of the folder is not")
    func symbolicLinkOutside() async throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("certif-dsfr-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for file in PageStyle.dsfrLinkedFiles {
            let url = folder.appendingPathComponent(file)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(),
                withIntermediateDirectories: true
            )
            try Data("/* \(file) */".utf8).write(to: url)
        }
        let secret = FileManager.default.temporaryDirectory
            .appendingPathComponent("certif-secret-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: secret) }
        try Data("secret".utf8).write(to: secret)
        try FileManager.default.createSymbolicLink(
            at: folder.appendingPathComponent("lien.css"),
            withDestinationURL: secret
        )
        let web = try WebHarness(dsfrDirectory: folder.path)

        let stylesheet = try await web.get("/static/dsfr/dsfr.min.css")
        let escape = try await web.get("/static/dsfr/lien.css")

        #expect(stylesheet.status == .ok)
        #expect(stylesheet.headers["Content-Type"] == "text/css; charset=utf-8")
        #expect(escape.status == .notFound)
        #expect(!escape.bodyText.contains("secret"))
    }
}
