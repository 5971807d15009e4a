import CSQLite
import CertifHTTP
import CertifStore
import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The application behind the real libmicrohttpd server on loopback. These tests run in a
/// process of their own (see the Makefile), because CPU-bound tests elsewhere would hold the
/// cooperative threads that the server's handlers need.
@Suite("The web application on a live server")
struct LiveServerTests {
    @Test("Logging in and opening the dashboard over HTTP")
    func loginOverHTTP() async throws {
        let web = try WebHarness()
        let server = try HTTPServer(
            configuration: web.application.serverConfiguration(address: "127.0.0.1:0"),
            router: web.router
        )
        let client = LiveClient(port: server.boundPort)
        let page = try await client.send("GET", "/connexion")
        #expect(page.status == 200)
        #expect(page.header("Content-Security-Policy")?.contains("default-src 'self'") == true)
        let formCookie = try #require(page.cookie("certif_connexion"))
        let token = try #require(WebHarness.csrfField(in: page.text))
        let login = try await client.send(
            "POST",
            "/connexion",
            headers: [
                "Cookie": "certif_connexion=\(formCookie)",
                "Content-Type": "application/x-www-form-urlencoded",
            ],
            body: WebHarness.encode([
                ("csrf_token", token), ("identifiant", "admin"),
                ("mot_de_passe", WebHarness.password),
            ])
        )
        #expect(login.status == 303)
        let session = try #require(login.cookie("certif_session"))
        let home = try await client.send(
            "GET",
            "/",
            headers: ["Cookie": "certif_session=\(session)"]
        )
        #expect(home.status == 200)
        #expect(home.text.contains("Tableau de bord"))
        #expect(home.header("Cache-Control") == "no-store")
        await server.stop()
    }

    @Test("An unexpected failure shows a page with the reference that the log carries")
    func unexpectedFailure() async throws {
        let web = try WebHarness()
        let capture = LogLines()
        let server = try HTTPServer(
            configuration: web.application.serverConfiguration(
                address: "127.0.0.1:0",
                logger: Logger(label: "test", logLevel: .debug, handler: capture)
            ),
            router: web.router
        )
        try await web.login("admin")
        let cookie = try #require(web.cookiesForTest["admin"])
        // The dashboard counts the waiting candidates through this table, so its query fails.
        try executeSQL("DROP TABLE session_candidates", databasePath: web.databasePath)
        let client = LiveClient(port: server.boundPort)
        let response = try await client.send(
            "GET",
            "/",
            headers: ["Cookie": "certif_session=\(cookie)"]
        )
        #expect(response.status == 500)
        #expect(response.text.contains("Erreur inattendue"))
        #expect(response.text.contains("Rien n’a été enregistré"))
        let reference = try #require(response.header("X-Request-ID"))
        #expect(response.text.contains(reference))
        let logged = capture.lines.filter { $0.contains(reference) }
        #expect(!logged.isEmpty, "the log names the reference")
        #expect(logged.contains { $0.hasPrefix("error") }, "at level error")
        await server.stop()
    }
}

/// An HTTP client over URLSession that follows no redirect and keeps no cookie.
struct LiveClient: Sendable {
    struct Response: Sendable {
        var status: Int
        var headers: [String: String]
        var body: Data

        var text: String { String(decoding: body, as: UTF8.self) }

        func header(_ name: String) -> String? {
            headers.first { $0.key.lowercased() == name.lowercased() }?.value
        }

        /// Returns the value of the cookie `name` among the Set-Cookie headers, which URLSession joins
        /// with commas.
        func cookie(_ name: String) -> String? {
            guard let joined = header("Set-Cookie"),
                let range = joined.range(of: name + "=")
            else {
                return nil
            }
            return String(joined[range.upperBound...].prefix { $0 != ";" && $0 != "," })
        }
    }

    let port: UInt16
    private let session: URLSession

    init(port: UInt16) {
        self.port = port
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        session = URLSession(
            configuration: configuration,
            delegate: RefuseRedirects(),
            delegateQueue: nil
        )
    }

    func send(
        _ method: String,
        _ target: String,
        headers: [String: String] = [:],
        body: Data? = nil
    ) async throws -> Response {
        let url = try #require(URL(string: "http://127.0.0.1:\(port)\(target)"))
        var request = URLRequest(url: url)
        request.httpMethod = method
        for (name, value) in headers {
            request.setValue(value, forHTTPHeaderField: name)
        }
        request.httpBody = body
        let (data, response) = try await session.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            fields[String(describing: name)] = String(describing: value)
        }
        return Response(status: http.statusCode, headers: fields, body: data)
    }
}

private final class RefuseRedirects: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(
        _ session: URLSession,
        task: URLSessionTask,
        willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest,
        completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}

/// A log handler that keeps each record as one line of text.
final class LogLines: LogHandler, @unchecked Sendable {
    // Sendable because `stored` is only touched under `lock`.
    private let lock = NSLock()
    private var stored: [String] = []

    func write(_ record: LogRecord) {
        let metadata = record.metadata.map { "\($0.key)=\($0.value)" }.sorted()
        let line = "\(record.level) \(record.message) " + metadata.joined(separator: " ")
        lock.withLock { stored.append(line) }
    }

    var lines: [String] { lock.withLock { stored } }
}

/// Runs `sql` on the database file behind the store's back, to break it on purpose.
func executeSQL(_ sql: String, databasePath: String) throws {
    var handle: OpaquePointer?
    guard sqlite3_open(databasePath, &handle) == SQLITE_OK else {
        throw CocoaError(.fileReadUnknown)
    }
    defer { sqlite3_close(handle) }
    guard sqlite3_exec(handle, sql, nil, nil, nil) == SQLITE_OK else {
        let message = String(cString: sqlite3_errmsg(handle))
        Issue.record("\(sql) failed: \(message)")
        return
    }
}
