import Foundation
import Testing

@testable import CertifHTTP

@Suite("Server lifecycle and concurrency")
struct ServerLifecycleTests {
    @Test("fifty parallel requests succeed")
    func fiftyParallelRequestsSucceed() async throws {
        let concurrency = Shared((current: 0, maximum: 0))
        var router = Router()
        router.get("/lent/:n") { request in
            concurrency.update {
                $0.current += 1; $0.maximum = max($0.maximum, $0.current)
            }
            try await Task.sleep(for: .milliseconds(200))
            concurrency.update { $0.current -= 1 }
            return .text(request.pathParameters["n"] ?? "")
        }
        let server = try TestServer(router: router)

        let bodies = try await withThrowingTaskGroup(of: (Int, TestResponse).self) { group in
            for index in 0..<50 {
                group.addTask { (index, try await server.client.send("GET", "/lent/\(index)")) }
            }
            return try await group.reduce(into: [Int: TestResponse]()) { $0[$1.0] = $1.1 }
        }

        #expect(bodies.count == 50)
        for (index, response) in bodies {
            #expect(response.status == 200)
            #expect(response.text == "\(index)")
        }
        // Handlers do not hold libmicrohttpd's four threads, so more than four run at once.
        #expect(concurrency.get().maximum > 4)
        await server.server.stop()
    }

    @Test("idle connection times out")
    func idleConnectionTimesOut() async throws {
        let server = try TestServer(router: Router()) { $0.connectionTimeout = .seconds(1) }
        let connection = try RawConnection(port: server.port, readTimeout: 8)
        let start = ContinuousClock.now

        try await connection.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        let closed = await connection.isClosedByServer()

        let elapsed = ContinuousClock.now - start
        #expect(closed)
        #expect(elapsed >= .milliseconds(900))
        #expect(elapsed < .seconds(6))
        await server.server.stop()
    }

    @Test("stop lets in-flight request finish")
    func stopLetsInFlightFinish() async throws {
        let release = Shared(false)
        let entered = Shared(false)
        var router = Router()
        router.get("/long") { _ in
            entered.update { $0 = true }
            while !release.get() {
                try await Task.sleep(for: .milliseconds(10))
            }
            return .text("fini")
        }
        let server = try TestServer(router: router)
        let port = server.port
        let inFlight = Task { try await server.client.send("GET", "/long") }
        #expect(await waitUntil { entered.get() })

        let stopping = Task { await server.server.stop(gracePeriod: .seconds(20)) }
        #expect(await waitUntil { connectionRefused(port: port) })
        release.update { $0 = true }
        let response = try await inFlight.value
        await stopping.value

        #expect(response.status == 200)
        #expect(response.text == "fini")
        #expect(response.header("Connection")?.lowercased() == "close")
        let stopped = server.log.records(withMessage: "HTTP server stopped")
        #expect(stopped.first?.metadata["http.requests_abandoned"]?.description == "0")
    }

    @Test("stop abandons handlers after grace")
    func stopAbandonsHandlersAfterGrace() async throws {
        let entered = Shared(false)
        let cancelled = Shared(false)
        var router = Router()
        router.get("/bloque") { _ in
            entered.update { $0 = true }
            do {
                try await Task.sleep(for: .seconds(60))
            } catch {
                cancelled.update { $0 = true }
                throw error
            }
            return .text("trop tard")
        }
        let server = try TestServer(router: router)
        let inFlight = Task { try? await server.client.send("GET", "/bloque") }
        #expect(await waitUntil { entered.get() })
        let start = ContinuousClock.now

        await server.server.stop(gracePeriod: .milliseconds(200))

        #expect(ContinuousClock.now - start < .seconds(5))
        let response = await inFlight.value
        #expect(response == nil || response?.status == 503)
        #expect(await waitUntil { cancelled.get() })
        let stopped = server.log.records(withMessage: "HTTP server stopped")
        #expect(stopped.first?.metadata["http.requests_abandoned"]?.description == "1")
    }

    @Test("second stop waits for first")
    func secondStopWaitsForFirst() async throws {
        let server = try TestServer(router: Router())

        async let first: Void = server.server.stop()
        async let second: Void = server.server.stop()
        _ = await (first, second)

        #expect(server.log.records(withMessage: "HTTP server stopped").count == 1)
        #expect(connectionRefused(port: server.port))
    }

    @Test(
        "signals end runUntilSignalled",
        .serialized,
        arguments: [(SIGTERM, "SIGTERM"), (SIGINT, "SIGINT")]
    )
    func signalsEndRunUntilSignalled(number: Int32, name: String) async throws {
        let server = try TestServer(router: Router())
        let running = Task { await server.server.runUntilSignalled(gracePeriod: .seconds(5)) }
        #expect(await waitUntil { server.server.signalHandlersInstalled })

        kill(getpid(), number)
        await running.value

        #expect(connectionRefused(port: server.port))
        #expect(!server.server.signalHandlersInstalled)
        let received = server.log.records(withMessage: "signal received")
        #expect(received.first?.metadata["process.signal"]?.description == name)
    }

    @Test("deinit stops the server")
    func deinitStopsServer() async throws {
        var server: HTTPServer? = try HTTPServer(
            configuration: .init(address: "127.0.0.1:0", logger: LogCapture().logger()),
            router: Router()
        )
        let port = try #require(server?.boundPort)
        #expect(!connectionRefused(port: port))

        server = nil

        #expect(connectionRefused(port: port))
    }

    @Test("IPv6 loopback serves requests")
    func ipv6LoopbackServesRequests() async throws {
        let server = try TestServer(router: Router()) { $0.address = "[::1]:0" }
        let connection = try RawConnection(port: server.port, ipv6: true)

        try await connection.send(
            "GET /healthz HTTP/1.1\r\nHost: [::1]\r\nConnection: close\r\n\r\n"
        )

        #expect(server.server.address.description == "[::1]:\(server.port)")
        let response = String(decoding: await connection.readToEnd(), as: UTF8.self)
        #expect(response.hasPrefix("HTTP/1.1 200"))
        #expect(response.hasSuffix("\r\n\r\nok"))
        await server.server.stop()
    }

    @Test("loopbackOnly rejects other addresses")
    func loopbackOnlyRejectsOthers() {
        let configuration = HTTPServer.Configuration(address: "0.0.0.0:0", loopbackOnly: true)

        let error = #expect(throws: HTTPServerError.self) {
            try HTTPServer(configuration: configuration, router: Router())
        }

        #expect(error?.code == .nonLoopbackAddress)
        #expect(
            error?.message
                == "the listen address 0.0.0.0:0 is not a loopback address; listen on 127.0.0.1 or "
                + "[::1] behind the reverse proxy"
        )
    }

    @Test("busy port reports bind failure")
    func busyPortReportsBindFailure() async throws {
        let first = try TestServer(router: Router())
        let address = "127.0.0.1:\(first.port)"

        let error = #expect(throws: HTTPServerError.self) {
            try HTTPServer(configuration: .init(address: address), router: Router())
        }

        #expect(error?.code == .socketFailed)
        #expect(error?.function == "bind")
        #expect(error?.systemError == EADDRINUSE)
        #expect(
            error?.message
                == "binding \(address) failed: Address already in use; another program listens on "
                + "this port, so stop it or pick another"
        )
        await first.server.stop()
    }

    @Test("invalid configuration is rejected")
    func invalidConfigurationRejected() {
        let configuration = HTTPServer.Configuration(address: "127.0.0.1:0", threadPoolSize: 0)

        let error = #expect(throws: HTTPServerError.self) {
            try HTTPServer(configuration: configuration, router: Router())
        }

        #expect(error?.code == .invalidConfiguration)
        #expect(
            error?.message == "a thread pool of 0 threads is out of range; give 1 to 1024 threads"
        )
    }
}
