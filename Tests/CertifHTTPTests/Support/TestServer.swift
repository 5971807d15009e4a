import CertifHTTP
import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A server on 127.0.0.1 with a port that the system picks, its log captured, and a client.
final class TestServer: Sendable {
    let server: HTTPServer
    let log: LogCapture
    let client: TestClient

    init(
        router: Router,
        configure: (inout HTTPServer.Configuration) -> Void = { _ in }
    ) throws {
        let log = LogCapture()
        var configuration = HTTPServer.Configuration(address: "127.0.0.1:0", logger: log.logger())
        configure(&configuration)
        server = try HTTPServer(configuration: configuration, router: router)
        self.log = log
        client = TestClient(port: server.boundPort)
    }

    var port: UInt16 { server.boundPort }
}

/// A response as the tests read it.
struct TestResponse: Sendable {
    var status: Int
    var headers: [String: String]
    var body: Data

    var text: String { String(decoding: body, as: UTF8.self) }

    /// The value of a header, whatever the case of `name`.
    func header(_ name: String) -> String? {
        headers.first { $0.key.lowercased() == name.lowercased() }?.value
    }
}

/// An HTTP client over Foundation's URLSession (libcurl on Linux) that follows no redirect
/// and keeps no cookie.
struct TestClient: Sendable {
    let port: UInt16
    private let session: URLSession

    init(port: UInt16) {
        self.port = port
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        configuration.urlCache = nil
        configuration.httpMaximumConnectionsPerHost = 64
        configuration.timeoutIntervalForRequest = 30
        session = URLSession(
            configuration: configuration,
            delegate: NoRedirects(),
            delegateQueue: nil
        )
    }

    func send(
        _ method: String = "GET",
        _ target: String,
        headers: [String: String] = [:],
        body: Data? = nil
    ) async throws -> TestResponse {
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
        return TestResponse(status: http.statusCode, headers: fields, body: data)
    }
}

private final class NoRedirects: NSObject, URLSessionTaskDelegate, Sendable {
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
