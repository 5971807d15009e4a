import CertifHTTP
import Foundation
import Testing

@Suite("Server bodies and limits")
struct ServerBodyTests {
    private func makeServer() throws -> TestServer {
        var router = Router()
        router.post("/import", bodyLimit: .fileUpload) { request in
            let body = try request.multipartBody()
            let file = try #require(body.part(named: "fichier"))
            let sum = file.body.reduce(0) { ($0 &+ Int($1)) % 1_000_003 }
            return .text(
                "\(file.filename ?? "-") \(file.body.count) \(sum) \(body.part(named: "csrf")?.text ?? "-")"
            )
        }
        router.post("/formulaire") { request in .text("\(request.body.count)") }
        return try TestServer(router: router)
    }

    /// Builds a multipart body with a `csrf` field and a file of `size` bytes, and returns it
    /// with the file's checksum.
    private func uploadBody(size: Int, boundary: String) -> (Data, Int) {
        var body = Data()
        body.append(
            Data(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\njeton\r\n"
                    .utf8
            )
        )
        body.append(Data("--\(boundary)\r\n".utf8))
        body.append(
            Data(
                "Content-Disposition: form-data; name=\"fichier\"; filename=\"candidats.csv\"\r\n"
                    .utf8
            )
        )
        body.append(Data("Content-Type: text/csv\r\n\r\n".utf8))
        let file = Data((0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        body.append(file)
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        return (body, file.reduce(0) { ($0 &+ Int($1)) % 1_000_003 })
    }

    @Test("multipart upload of 1 MiB")
    func multipartUploadOf1MiB() async throws {
        let server = try makeServer()
        let boundary = "----certif\(UInt32.random(in: 0 ... .max))"
        let (body, sum) = uploadBody(size: 1024 * 1024, boundary: boundary)

        let response = try await server.client.send(
            "POST",
            "/import",
            headers: ["Content-Type": "multipart/form-data; boundary=\(boundary)"],
            body: body
        )

        #expect(response.status == 200)
        #expect(response.text == "candidats.csv 1048576 \(sum) jeton")
        await server.server.stop()
    }

    @Test("form at the limit is accepted")
    func formAtLimitAccepted() async throws {
        let server = try makeServer()

        let response = try await server.client.send(
            "POST",
            "/formulaire",
            body: Data(repeating: UInt8(ascii: "a"), count: 64 * 1024)
        )

        #expect(response.status == 200)
        #expect(response.text == "65536")
        await server.server.stop()
    }

    @Test("form beyond 64 KiB answers 413")
    func formBeyondLimitAnswers413() async throws {
        let server = try makeServer()
        let connection = try RawConnection(port: server.port)

        try await connection.send(
            "POST /formulaire HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 65537\r\n\r\n"
        )

        let response = String(decoding: await connection.readToEnd(), as: UTF8.self)
        #expect(response.hasPrefix("HTTP/1.1 413"))
        #expect(response.contains("La requête dépasse la taille maximale acceptée (64 Kio)."))
        await server.server.stop()
    }

    @Test("upload beyond 10 MiB answers 413")
    func uploadBeyondLimitAnswers413() async throws {
        let server = try makeServer()
        let connection = try RawConnection(port: server.port)

        try await connection.send(
            "POST /import HTTP/1.1\r\nHost: 127.0.0.1\r\nExpect: 100-continue\r\n"
                + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 10485761\r\n\r\n"
        )

        let response = String(decoding: await connection.readToEnd(), as: UTF8.self)
        #expect(response.hasPrefix("HTTP/1.1 413"))
        #expect(!response.contains("100 Continue"))
        #expect(response.contains("(10 Mio)"))
        await server.server.stop()
    }

    @Test("URLSession upload beyond limit fails")
    func urlSessionUploadBeyondLimitFails() async throws {
        let server = try makeServer()
        let boundary = "certif"
        let (body, _) = uploadBody(size: 10 * 1024 * 1024, boundary: boundary)

        // libcurl may see the connection closed while it still sends, and report that
        // rather than the 413. Either way no handler runs.
        let response = try? await server.client.send(
            "POST",
            "/import",
            headers: ["Content-Type": "multipart/form-data; boundary=\(boundary)"],
            body: body
        )

        #expect(response == nil || response?.status == 413)
        #expect(server.log.records(withMessage: "request handler failed").isEmpty)
        await server.server.stop()
    }

    @Test("chunked body beyond limit answers 413")
    func chunkedBodyBeyondLimitAnswers413() async throws {
        let server = try makeServer()
        let connection = try RawConnection(port: server.port)
        let chunk = String(repeating: "a", count: 16 * 1024)

        try await connection.send(
            "POST /formulaire HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n"
        )
        for _ in 0..<5 {
            try await connection.send("4000\r\n\(chunk)\r\n")
        }
        try await connection.send("0\r\n\r\n")

        let response = String(decoding: await connection.readToEnd(), as: UTF8.self)
        #expect(response.hasPrefix("HTTP/1.1 413"))
        await server.server.stop()
    }

    @Test("endless chunked body is cut")
    func endlessChunkedBodyCut() async throws {
        let server = try makeServer()
        let connection = try RawConnection(port: server.port)
        let chunk = String(repeating: "a", count: 16 * 1024)

        try await connection.send(
            "POST /formulaire HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n"
        )
        var sent = 0
        var failed = false
        while sent < 1024 * 1024, !failed {
            do {
                try await connection.send("4000\r\n\(chunk)\r\n")
                sent += chunk.count
            } catch {
                failed = true
            }
        }

        let closed = failed ? true : await connection.isClosedByServer()
        #expect(closed)
        await server.server.stop()
    }
}
