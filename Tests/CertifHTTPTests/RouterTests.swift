import Testing

@testable import CertifHTTP

@Suite("Router")
struct RouterTests {
    /// Returns a router whose handlers send their pattern as text.
    private func makeRouter() -> Router {
        var router = Router()
        for (method, pattern) in [
            (HTTPMethod.get, "/"),
            (.get, "/candidats"),
            (.post, "/candidats"),
            (.get, "/candidats/nouveau"),
            (.get, "/candidats/:id"),
            (.delete, "/candidats/:id"),
            (.get, "/candidats/:id/dossier"),
            (.get, "/static/*path"),
        ] {
            router.add(method, pattern) { _ in .text(pattern) }
        }
        return router
    }

    private func found(_ method: HTTPMethod, _ path: String) throws -> (String, [String: String])? {
        guard case .found(let route, let parameters) = try makeRouter().match(method, path: path)
        else {
            return nil
        }
        return (route.pattern, parameters)
    }

    @Test("literal routes beat parameters")
    func literalBeatsParameter() throws {
        #expect(try found(.get, "/candidats/nouveau")?.0 == "/candidats/nouveau")
        #expect(try found(.get, "/candidats/C-001")?.0 == "/candidats/:id")
    }

    @Test("parameters are percent-decoded")
    func parametersPercentDecoded() throws {
        let match = try found(.get, "/candidats/C%20001%2Fbis/dossier")

        #expect(match?.0 == "/candidats/:id/dossier")
        #expect(match?.1 == ["id": "C 001/bis"])
    }

    @Test("remainder takes the rest")
    func remainderTakesRest() throws {
        #expect(
            try found(.get, "/static/dsfr/css/dsfr.min.css")?.1 == ["path": "dsfr/css/dsfr.min.css"]
        )
        #expect(try found(.get, "/static")?.0 == nil)
    }

    @Test("root and trailing slash")
    func rootAndTrailingSlash() throws {
        #expect(try found(.get, "/")?.0 == "/")
        #expect(try found(.get, "/candidats/")?.0 == nil)
    }

    @Test("unknown path is not found")
    func unknownPathNotFound() throws {
        guard case .notFound = try makeRouter().match(.get, path: "/sessions") else {
            Issue.record("expected notFound")
            return
        }
    }

    @Test("wrong method lists allowed ones")
    func wrongMethodListsAllowed() throws {
        let router = makeRouter()

        guard case .methodNotAllowed(let allowed) = try router.match(.put, path: "/candidats/42")
        else {
            Issue.record("expected methodNotAllowed")
            return
        }
        #expect(allowed == [.delete, .get, .head])
        guard case .methodNotAllowed(let forList) = try router.match(.delete, path: "/candidats")
        else {
            Issue.record("expected methodNotAllowed")
            return
        }
        #expect(forList == [.get, .head, .post])
    }

    @Test("HEAD uses the GET route")
    func headUsesGetRoute() throws {
        #expect(try found(.head, "/candidats/42")?.0 == "/candidats/:id")
    }

    @Test("method filters before precedence")
    func methodFiltersBeforePrecedence() throws {
        #expect(try found(.delete, "/candidats/nouveau")?.0 == "/candidats/:id")
    }

    @Test(
        "invalid paths are rejected",
        arguments: ["/candidats/%zz", "/candidats/%C3", "candidats", "*"]
    )
    func invalidPathsRejected(path: String) {
        let error = #expect(throws: HTTPError.self) { try makeRouter().match(.get, path: path) }

        #expect(error?.status == .badRequest)
    }

    @Test("handler receives its request")
    func handlerReceivesRequest() async throws {
        var router = Router()
        router.get("/echo/:word") { request in .text(request.pathParameters["word"] ?? "") }
        guard case .found(let route, let parameters) = try router.match(.get, path: "/echo/bonjour")
        else {
            Issue.record("expected a route")
            return
        }

        let response = try await route.handler(
            HTTPRequest(method: .get, path: "/echo/bonjour", pathParameters: parameters)
        )

        #expect(String(decoding: response.body, as: UTF8.self) == "bonjour")
    }
}
