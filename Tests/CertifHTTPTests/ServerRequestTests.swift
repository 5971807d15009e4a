import Foundation
import Testing

@testable import CertifHTTP

/// What the `/echo` route sends back about the request it received.
private struct Echo: Codable {
    var id: String
    var method: String
    var path: String
    var query: [[String]]
    var cookies: [String: String]
    var custom: [String]
    var remoteAddress: String?
}

private struct Conflict: Error {}

@Suite("Server requests on loopback")
struct ServerRequestTests {
    private func makeServer() throws -> TestServer {
        var router = Router()
        router.get("/candidats/:id") { request in
            .text("candidat \(request.pathParameters["id"] ?? "?")")
        }
        router.post("/candidats") { _ in .redirect(to: "/candidats/42") }
        router.get("/echo") { request in
            try .json(
                Echo(
                    id: request.id,
                    method: request.method.rawValue,
                    path: request.path,
                    query: request.query.fields.map { [$0.name, $0.value] },
                    cookies: request.cookies,
                    custom: request.headers.values(for: "x-certif-test"),
                    remoteAddress: request.remoteAddress
                )
            )
        }
        router.post("/formulaire") { request in
            let form = try request.formBody()
            return .text(
                "\(form["nom"] ?? "") / \(form.values(for: "diplome").joined(separator: ","))"
            )
        }
        router.get("/conflit") { _ in
            throw HTTPError(status: .conflict, publicMessage: "Ce candidat a déjà une session.")
        }
        router.get("/panne") { _ in throw Conflict() }
        router.get("/entete-invalide") { _ in
            HTTPResponse(headers: ["X-Bad": "a\r\nSet-Cookie: x=1"], body: Data("no".utf8))
        }
        return try TestServer(router: router)
    }

    @Test("routes and parameters over HTTP")
    func routesAndParameters() async throws {
        let server = try makeServer()

        let response = try await server.client.send("GET", "/candidats/C%20001")

        #expect(response.status == 200)
        #expect(response.text == "candidat C 001")
        #expect(response.header("Content-Type") == "text/plain; charset=utf-8")
        await server.server.stop()
    }

    @Test("unknown path answers 404")
    func unknownPathAnswers404() async throws {
        let server = try makeServer()

        let response = try await server.client.send("GET", "/sessions")

        #expect(response.status == 404)
        let id = try #require(response.header("X-Request-ID"))
        #expect(response.text == "La page demandée n’existe pas.\nRéférence : \(id)\n")
        await server.server.stop()
    }

    @Test("wrong method answers 405")
    func wrongMethodAnswers405() async throws {
        let server = try makeServer()

        let response = try await server.client.send("DELETE", "/candidats/1")

        #expect(response.status == 405)
        #expect(response.header("Allow") == "GET, HEAD")
        await server.server.stop()
    }

    @Test("HEAD answers without body")
    func headAnswersWithoutBody() async throws {
        let server = try makeServer()

        let response = try await server.client.send("HEAD", "/candidats/1")

        #expect(response.status == 200)
        #expect(response.body.isEmpty)
        await server.server.stop()
    }

    @Test("query items are decoded")
    func queryItemsDecoded() async throws {
        let server = try makeServer()

        let response = try await server.client.send(
            "GET",
            "/echo?q=Jean+Dupont&tag=a&tag=b&ville=Saint-Andr%C3%A9&vide"
        )
        let echo = try JSONDecoder().decode(Echo.self, from: response.body)

        #expect(echo.path == "/echo")
        #expect(
            echo.query == [
                ["q", "Jean Dupont"], ["tag", "a"], ["tag", "b"], ["ville", "Saint-André"],
                ["vide", ""],
            ]
        )
        await server.server.stop()
    }

    @Test("invalid query answers 400")
    func invalidQueryAnswers400() async throws {
        let server = try makeServer()
        let connection = try RawConnection(port: server.port)

        try await connection.send(
            "GET /echo?a=%zz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
        )

        #expect(await connection.readToEnd().httpStatus == 400)
        await server.server.stop()
    }

    @Test("invalid path escape answers 400")
    func invalidPathEscapeAnswers400() async throws {
        let server = try makeServer()
        let connection = try RawConnection(port: server.port)

        try await connection.send(
            "GET /candidats/%C3 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
        )

        #expect(await connection.readToEnd().httpStatus == 400)
        await server.server.stop()
    }

    @Test("absolute-form target is routed")
    func absoluteFormTargetRouted() async throws {
        let server = try makeServer()
        let connection = try RawConnection(port: server.port)

        try await connection.send(
            "GET http://127.0.0.1/candidats/7?x=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
        )

        let response = String(decoding: await connection.readToEnd(), as: UTF8.self)
        #expect(response.hasPrefix("HTTP/1.1 200"))
        #expect(response.hasSuffix("candidat 7"))
        await server.server.stop()
    }

    @Test("cookies and headers reach handlers")
    func cookiesAndHeadersReachHandlers() async throws {
        let server = try makeServer()

        let response = try await server.client.send(
            "GET",
            "/echo",
            headers: ["Cookie": "session=abc123; theme=\"sombre\"", "X-Certif-Test": "valeur"]
        )
        let echo = try JSONDecoder().decode(Echo.self, from: response.body)

        #expect(echo.cookies == ["session": "abc123", "theme": "sombre"])
        #expect(echo.custom == ["valeur"])
        await server.server.stop()
    }

    @Test("request id and address reach handlers")
    func requestIDAndAddressReachHandlers() async throws {
        let server = try makeServer()

        let first = try await server.client.send("GET", "/echo")
        let second = try await server.client.send("GET", "/echo")
        let echo = try JSONDecoder().decode(Echo.self, from: first.body)
        let other = try JSONDecoder().decode(Echo.self, from: second.body)

        #expect(echo.id == first.header("X-Request-ID"))
        #expect(echo.id.count == 16)
        #expect(echo.id != other.id)
        #expect(echo.remoteAddress == "127.0.0.1")
        #expect(echo.method == "GET")
        await server.server.stop()
    }

    @Test("form post is parsed")
    func formPostParsed() async throws {
        let server = try makeServer()

        let response = try await server.client.send(
            "POST",
            "/formulaire",
            headers: ["Content-Type": "application/x-www-form-urlencoded"],
            body: Data("nom=Andr%C3%A9+Dupont&diplome=DEAS&diplome=DEAF".utf8)
        )

        #expect(response.status == 200)
        #expect(response.text == "André Dupont / DEAS,DEAF")
        await server.server.stop()
    }

    @Test("malformed form answers 400")
    func malformedFormAnswers400() async throws {
        let server = try makeServer()

        let response = try await server.client.send(
            "POST",
            "/formulaire",
            headers: ["Content-Type": "application/x-www-form-urlencoded"],
            body: Data("nom=%zz".utf8)
        )

        #expect(response.status == 400)
        #expect(response.text.hasPrefix("Les données envoyées sont mal formées"))
        await server.server.stop()
    }

    @Test("redirect is sent as 303")
    func redirectSentAs303() async throws {
        let server = try makeServer()

        let response = try await server.client.send("POST", "/candidats", body: Data())

        #expect(response.status == 303)
        #expect(response.header("Location") == "/candidats/42")
        await server.server.stop()
    }

    @Test("handler errors map to responses")
    func handlerErrorsMapToResponses() async throws {
        let server = try makeServer()

        let conflict = try await server.client.send("GET", "/conflit")
        let failure = try await server.client.send("GET", "/panne")

        #expect(conflict.status == 409)
        #expect(conflict.text.hasPrefix("Ce candidat a déjà une session.\n"))
        #expect(failure.status == 500)
        let id = try #require(failure.header("X-Request-ID"))
        #expect(failure.text.contains("Référence : \(id)"))
        let logged = server.log.records(withMessage: "request handler failed")
        #expect(logged.count == 1)
        #expect(logged.first?.level == .error)
        #expect(logged.first?.metadata["request.id"]?.description == id)
        #expect(logged.first?.metadata["error.type"]?.description.hasSuffix("Conflict") == true)
        await server.server.stop()
    }

    @Test("invalid response header gives 500")
    func invalidResponseHeaderGives500() async throws {
        let server = try makeServer()

        let response = try await server.client.send("GET", "/entete-invalide")

        #expect(response.status == 500)
        #expect(response.header("Set-Cookie") == nil)
        await server.server.stop()
    }

    @Test("health and readiness answer")
    func healthAndReadinessAnswer() async throws {
        let ready = Shared(false)
        let server = try TestServer(router: Router()) { configuration in
            configuration.readiness = { ready.get() }
        }

        let health = try await server.client.send("GET", "/healthz")
        let notReady = try await server.client.send("GET", "/readyz")
        ready.update { $0 = true }
        let isReady = try await server.client.send("GET", "/readyz")
        let posted = try await server.client.send("POST", "/healthz", body: Data())

        #expect(health.status == 200)
        #expect(health.text == "ok")
        #expect(notReady.status == 503)
        #expect(isReady.status == 200)
        #expect(isReady.text == "ok")
        #expect(posted.status == 405)
        await server.server.stop()
    }

    @Test("log has one line per request")
    func logHasOneLinePerRequest() async throws {
        let server = try makeServer()

        _ = try await server.client.send("GET", "/candidats/9")
        _ = try await server.client.send("GET", "/absent")
        #expect(await waitUntil { server.log.records(withMessage: "request completed").count == 2 })

        let lines = server.log.records(withMessage: "request completed")
        let found = try #require(lines.first { $0.metadata["http.status"]?.description == "200" })
        #expect(found.level == .debug)
        #expect(found.metadata["http.method"]?.description == "GET")
        #expect(found.metadata["http.path"] == nil, "a path with an id is left out")
        #expect(found.metadata["http.route"]?.description == "/candidats/:id")
        #expect(found.metadata["http.duration_ms"] != nil)
        #expect(found.metadata["request.id"]?.description.count == 16)
        let absent = try #require(lines.first { $0.metadata["http.status"]?.description == "404" })
        #expect(absent.metadata["http.path"] == nil, "an unmatched path is left out")
        let started = server.log.records(withMessage: "HTTP server started")
        #expect(started.first?.level == .info)
        #expect(started.first?.metadata["http.address"]?.description == "127.0.0.1:\(server.port)")
        await server.server.stop()
    }

    @Test("log never holds secrets")
    func logNeverHoldsSecrets() async throws {
        let server = try makeServer()

        _ = try await server.client.send(
            "GET",
            "/echo?mot_de_passe=s3cret-query",
            headers: ["Cookie": "session=s3cret-cookie"]
        )
        _ = try await server.client.send(
            "POST",
            "/formulaire",
            headers: ["Content-Type": "application/x-www-form-urlencoded"],
            body: Data("mot_de_passe=s3cret-body".utf8)
        )
        #expect(await waitUntil { server.log.records(withMessage: "request completed").count == 2 })
        await server.server.stop()

        for record in server.log.records {
            let line = StandardErrorLogHandler.readableLine(record)
            #expect(!line.contains("s3cret"), "\(line)")
        }
    }
}
