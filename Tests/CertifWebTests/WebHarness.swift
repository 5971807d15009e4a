import CertifAuth
import CertifDomain
import CertifHTTP
import CertifImport
import CertifStore
import CertifWeb
import Foundation
import Testing

/// A web application on a fresh SQLite file, called in process through its router, with
/// four accounts: a national administrator, officers of Hauts-de-France (32) and
/// Île-de-France (11), and a national reader. Each test makes its own.
final class WebHarness: @unchecked Sendable {
    static let password = "Correct-Horse-Battery-9"
    static let logins = ["admin", "agent-hdf", "agent-idf", "lecteur"]

    let directory: URL
    let databasePath: String
    let application: WebApplication
    let router: Router
    /// Session cookies by login, set by `login(_:)`.
    private(set) var cookies: [String: String] = [:]
    var remoteAddress = "127.0.0.1"

    init(
        dsfrDirectory: String? = nil,
        today: CivilDate? = CivilDate(year: 2024, month: 12, day: 2),
        now: @escaping @Sendable () -> Date = { Date() }
    ) throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("certif-web-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        databasePath = directory.appendingPathComponent("certif.sqlite").path
        let hasher = PasswordHasher(parameters: .minimum)
        let store = try CertifStore(path: databasePath)
        let actor = StoreActor(name: "test")
        let roles: [(String, String, Role)] = [
            ("admin", "Anne Admin", .nationalAdministrator),
            (
                "agent-hdf", "Hélène Nord",
                .regionalOfficer(territory: TerritoryCode(rawValue: "32"))
            ),
            ("agent-idf", "Ivan Paris", .regionalOfficer(territory: TerritoryCode(rawValue: "11"))),
            ("lecteur", "Louis Lecteur", .nationalReader),
        ]
        for (login, name, role) in roles {
            _ = try store.createAccount(
                login: login,
                displayName: name,
                role: role,
                passwordHash: try hasher.hash(Self.password),
                actor: actor
            )
        }
        try store.close()
        application = try WebApplication(
            configuration: WebConfiguration(
                databasePath: databasePath,
                dsfrDirectory: dsfrDirectory,
                passwordHasher: hasher,
                now: now,
                fixedToday: today
            ),
            reference: try ReferenceData.bundled(),
            logger: Logger(label: "test", logLevel: .critical)
        )
        router = application.router()
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    /// Opens a store on the same file, for a test to arrange or check data.
    func store() throws -> CertifStore {
        try CertifStore(path: databasePath)
    }

    /// Sends `request` through the router as the server would, error pages included.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        var request = request
        request.remoteAddress = request.remoteAddress ?? remoteAddress
        switch try? router.match(request.method, path: request.path) {
        case .found(let route, let parameters):
            request.pathParameters = parameters
            do {
                return try await route.handler(request)
            } catch let error as any HTTPResponseError {
                return application.serverConfiguration(address: "127.0.0.1:0")
                    .errorResponse(error.status, error.publicMessage, request.id)
            }
        case .methodNotAllowed:
            return HTTPResponse(status: .methodNotAllowed)
        case .notFound, nil:
            return HTTPResponse(status: .notFound)
        }
    }

    /// GET `target` (a path with an optional query) as `login`, or anonymously.
    func get(_ target: String, as login: String? = nil) async throws -> HTTPResponse {
        let (path, query) = Self.split(target)
        return try await send(
            HTTPRequest(method: .get, path: path, query: query, headers: headers(for: login))
        )
    }

    /// POSTs `fields` URL-encoded to `path` as `login`, adding a valid CSRF token unless
    /// `csrf` is false.
    func post(
        _ path: String,
        _ fields: [(String, String)],
        as login: String?,
        csrf: Bool = true
    ) async throws -> HTTPResponse {
        var fields = fields
        if csrf, let login {
            fields.append(("csrf_token", try csrfToken(for: path, as: login)))
        }
        var headers = headers(for: login)
        headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        return try await send(
            HTTPRequest(method: .post, path: path, headers: headers, body: Self.encode(fields))
        )
    }

    /// Logs `login` in through the login form and keeps his session cookie.
    @discardableResult
    func login(
        _ login: String,
        password: String = WebHarness.password
    ) async throws
        -> HTTPResponse
    {
        let page = try await get("/connexion")
        let formCookie = try #require(Self.cookie(named: "certif_connexion", in: page))
        let token = try #require(Self.csrfField(in: page.bodyText))
        var headers: HTTPHeaders = ["Cookie": "certif_connexion=\(formCookie)"]
        headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        let body = Self.encode([
            ("csrf_token", token), ("identifiant", login), ("mot_de_passe", password),
        ])
        let response = try await send(
            HTTPRequest(method: .post, path: "/connexion", headers: headers, body: body)
        )
        if let session = Self.cookie(named: "certif_session", in: response), !session.isEmpty {
            cookies[login] = session
        }
        return response
    }

    var cookiesForTest: [String: String] { cookies }

    static func percent(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    func setCookie(_ value: String, for login: String) {
        cookies[login] = value
    }

    /// Returns a CSRF token that the session of `login` accepts for a form posted to `path`.
    func csrfToken(for path: String, as login: String) throws -> String {
        let cookie = try #require(cookies[login], "log \(login) in first")
        let hash = try #require(SessionToken(cookieValue: cookie)).hash()
        let session = try #require(try store().webSession(tokenHash: hash)).session
        return try session.csrfSecret.token(for: path)
    }

    private func headers(for login: String?) -> HTTPHeaders {
        guard let login, let cookie = cookies[login] else { return [:] }
        return ["Cookie": "certif_session=\(cookie)"]
    }

    static func split(_ target: String) -> (String, FormBody) {
        guard let mark = target.firstIndex(of: "?") else { return (target, FormBody()) }
        let query = (try? FormBody.parse(Data(target[target.index(after: mark)...].utf8)))
        return (String(target[..<mark]), query ?? FormBody())
    }

    static func encode(_ fields: [(String, String)]) -> Data {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let text = fields.map { name, value in
            (name.addingPercentEncoding(withAllowedCharacters: allowed) ?? "") + "="
                + (value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
        }.joined(separator: "&")
        return Data(text.utf8)
    }

    static func cookie(named name: String, in response: HTTPResponse) -> String? {
        for value in response.headers.values(for: "Set-Cookie") where value.hasPrefix(name + "=") {
            let pair = value.prefix { $0 != ";" }
            return String(pair.dropFirst(name.count + 1))
        }
        return nil
    }

    static func csrfField(in html: String) -> String? {
        guard let range = html.range(of: "name=\"csrf_token\" value=\"") else { return nil }
        let rest = html[range.upperBound...]
        return String(rest.prefix { $0 != "\"" })
    }
}

extension HTTPResponse {
    var bodyText: String { String(decoding: body, as: UTF8.self) }
}

extension WebHarness {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Imports examples/candidats-vae-2024.csv, 138 synthetic VAE candidates of the four
    /// nationally pooled diplomas, as the command line does, and returns them.
    @discardableResult
    func importExampleCandidates(actor: String = "test") throws -> [Candidate] {
        let url = Self.repositoryRoot.appendingPathComponent("examples/candidats-vae-2024.csv")
        let result = CandidateFileReader.read(
            try Data(contentsOf: url),
            reference: try ReferenceData.bundled(),
            today: CivilDate(year: 2024, month: 12, day: 2) ?? CivilDate(daysSinceEpoch: 0)
        )
        try #require(result.issues.isEmpty, "the example file has errors: \(result.issues)")
        let candidates = result.candidates.map(\.candidate)
        let store = try store()
        _ = try store.importCandidates(candidates, actor: StoreActor(name: actor))
        try store.close()
        return candidates
    }

    /// Creates an API token for `login` and returns its text.
    func apiToken(for login: String, name: String = "test") throws -> String {
        let store = try store()
        let account = try #require(try store.account(login: login)).account
        let token = try APIToken.generate()
        _ = try store.createAPIToken(
            hash: try token.hash(),
            name: name,
            accountID: account.id,
            actor: StoreActor(name: "test")
        )
        return token.text
    }

    /// Sends an API request with `token` as bearer, and `json` as body when given.
    func api(
        _ method: HTTPMethod,
        _ target: String,
        token: String?,
        json: String? = nil
    ) async throws -> HTTPResponse {
        let (path, query) = Self.split(target)
        var headers: HTTPHeaders = [:]
        if let token {
            headers.add(name: "Authorization", value: "Bearer " + token)
        }
        if json != nil {
            headers.add(name: "Content-Type", value: "application/json")
        }
        return try await send(
            HTTPRequest(
                method: method,
                path: path,
                query: query,
                headers: headers,
                body: Data((json ?? "").utf8)
            )
        )
    }
}
