import Foundation
import Testing

@testable import CertifHTTP

@Suite("Logger")
struct LoggerTests {
    private let record = LogRecord(
        date: Date(timeIntervalSince1970: 1_742_031_000.25),
        level: .debug,
        label: "certif.http",
        message: "request completed",
        metadata: [
            "http.method": "GET",
            "http.status": .stringConvertible(200),
            "http.duration_ms": .stringConvertible(1.5),
            "http.path": "/candidats/\"a\"\n",
            "message": "dropped",
        ]
    )

    @Test("JSON lines have fixed keys first")
    func jsonLinesHaveFixedKeys() {
        let line = StandardErrorLogHandler.jsonLine(record)

        #expect(
            line
                == #"{"time":"2025-03-15T09:30:00.250Z","level":"debug","label":"certif.http","#
                + #""message":"request completed","http.duration_ms":1.5,"http.method":"GET","#
                + #""http.path":"/candidats/\"a\"\n","http.status":200}"#
        )
        #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil)
    }

    @Test("readable lines escape values")
    func readableLinesEscapeValues() {
        let line = StandardErrorLogHandler.readableLine(record)

        #expect(
            line
                == #"2025-03-15T09:30:00.250Z debug certif.http: request completed "#
                + #"http.duration_ms=1.5 http.method=GET http.path="/candidats/\"a\"\n" "#
                + #"http.status=200 message=dropped"#
        )
    }

    @Test("levels below the threshold are dropped")
    func levelsBelowThresholdDropped() {
        let capture = LogCapture()
        let logger = Logger(label: "test", logLevel: .info, handler: capture)

        logger.debug("hidden")
        logger.info("shown")
        logger.error("shown too")

        #expect(capture.records.map(\.message) == ["shown", "shown too"])
    }

    @Test("call metadata wins over logger's")
    func callMetadataWins() {
        let capture = LogCapture()
        var logger = Logger(label: "test", handler: capture)
        logger[metadataKey: "request.id"] = "a"
        logger[metadataKey: "service"] = "certif"

        logger.info("message", metadata: ["request.id": "b"])

        #expect(capture.records.first?.metadata["request.id"]?.description == "b")
        #expect(capture.records.first?.metadata["service"]?.description == "certif")
    }

    @Test("JSON strings escape control characters")
    func jsonStringsEscapeControls() {
        #expect(jsonString("a\"b\\c\u{1}\t") == #""a\"b\\c\u0001\t""#)
    }
}
