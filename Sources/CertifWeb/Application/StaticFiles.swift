import CertifHTML
import CertifHTTP
import Foundation

/// The stylesheets, fonts and icons that pages link: the installed DSFR folder under
/// `/static/dsfr/` and the built-in fallback stylesheet.
///
/// Files are read once and kept in memory: the DSFR folder is a few megabytes and does not
/// change while the server runs.
final class StaticFiles: Sendable {
    private let root: URL?
    private let cache = FileCache()

    init(dsfrDirectory: String?) {
        guard let dsfrDirectory else {
            root = nil
            return
        }
        let url = URL(fileURLWithPath: dsfrDirectory, isDirectory: true).standardizedFileURL
        let complete = PageStyle.dsfrLinkedFiles.allSatisfy {
            FileManager.default.isReadableFile(atPath: url.appendingPathComponent($0).path)
        }
        root = complete ? url : nil
    }

    var hasDSFR: Bool { root != nil }

    func addRoutes(to routes: inout WebRouter) {
        routes.open(.get, FallbackStylesheet.path, cacheable: true) { _ in
            var response = HTTPResponse(
                headers: ["Content-Type": "text/css; charset=utf-8"],
                body: Data(FallbackStylesheet.css.utf8)
            )
            response.headers.add(name: "Cache-Control", value: "public, max-age=3600")
            return response
        }
        routes.open(.get, PageStyle.dsfrURLPrefix + "*path", cacheable: true) { [self] request in
            try file(at: request.pathParameters["path"] ?? "")
        }
    }

    private func file(at relativePath: String) throws -> HTTPResponse {
        let segments = relativePath.split(separator: "/", omittingEmptySubsequences: false)
        guard let root, !segments.isEmpty,
            segments.allSatisfy({ !$0.isEmpty && !$0.hasPrefix(".") && !$0.contains("\\") })
        else {
            throw HTTPError.notFound
        }
        let url = segments.reduce(root) { $0.appendingPathComponent(String($1)) }
        // A symbolic link inside the folder must not lead out of it.
        let resolvedRoot = root.resolvingSymlinksInPath().path + "/"
        guard url.resolvingSymlinksInPath().path.hasPrefix(resolvedRoot),
            let data = cache.data(at: url)
        else {
            throw HTTPError.notFound
        }
        var response = HTTPResponse(
            headers: ["Content-Type": Self.contentType(of: url.pathExtension)],
            body: data
        )
        response.headers.add(name: "Cache-Control", value: "public, max-age=86400")
        return response
    }

    static func contentType(of fileExtension: String) -> String {
        switch fileExtension.lowercased() {
        case "css": return "text/css; charset=utf-8"
        case "js", "mjs": return "text/javascript; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "ico": return "image/x-icon"
        case "woff2": return "font/woff2"
        case "woff": return "font/woff"
        case "json", "webmanifest": return "application/json"
        default: return "application/octet-stream"
        }
    }
}

/// File contents by URL, read at the first request. A missing file is not remembered, so a
/// file installed later is found.
private final class FileCache: @unchecked Sendable {
    // Sendable because `files` is only touched under `lock`.
    private let lock = NSLock()
    private var files: [URL: Data] = [:]

    func data(at url: URL) -> Data? {
        lock.lock()
        let cached = files[url]
        lock.unlock()
        if let cached {
            return cached
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory),
            !isDirectory.boolValue, let data = try? Data(contentsOf: url)
        else {
            return nil
        }
        lock.lock()
        files[url] = data
        lock.unlock()
        return data
    }
}
