import Foundation
import Testing

@testable import CertifHTTP

/// The seed corpus of the two fuzz targets, read back so that each seed keeps the outcome
/// that it was written for.
@Suite("Fuzz seed corpus")
struct FuzzCorpusTests {
    private static let corpus = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("FuzzCorpus")

    private func seed(_ folder: String, _ name: String) throws -> Data {
        let url = Self.corpus.appendingPathComponent(folder).appendingPathComponent(name)
        return try Data(contentsOf: url)
    }

    @Test(
        "form seeds keep their outcome",
        arguments: [
            ("simple", nil), ("plus-and-escapes", nil), ("repeated-keys", nil), ("utf8", nil),
            ("empty-fields", nil), ("login", nil),
            ("invalid-escape", BodyParseError.Code.invalidPercentEscape),
            ("truncated-escape", .invalidPercentEscape), ("invalid-utf8", .invalidUTF8),
        ]
    )
    func formSeedsKeepOutcome(name: String, code: BodyParseError.Code?) throws {
        let body = try seed("FormBody", name)

        let outcome = Result { () throws(BodyParseError) in try FormBody.parse(body) }

        switch outcome {
        case .success: #expect(code == nil)
        case .failure(let error): #expect(error.code == code)
        }
    }

    @Test(
        "multipart seeds keep their outcome",
        arguments: [
            ("field-and-file", nil), ("quoted-boundary", nil), ("preamble-epilogue", nil),
            ("empty-file", nil), ("utf8-filename", nil),
            ("unterminated", BodyParseError.Code.unterminatedPart),
            ("missing-boundary", .missingBoundary), ("no-name", .missingPartName),
            ("folded-header", .invalidPartHeader),
        ]
    )
    func multipartSeedsKeepOutcome(name: String, code: BodyParseError.Code?) throws {
        // A seed is a Content-Type, a line feed, then the body, as the fuzz target reads it.
        let input = try seed("MultipartBody", name)
        let newline = try #require(input.firstIndex(of: 10))
        let contentType = String(decoding: input[..<newline], as: UTF8.self)
        let body = Data(input[(newline + 1)...])

        let outcome = Result { () throws(BodyParseError) in
            try MultipartBody.parse(body, contentType: contentType)
        }

        switch outcome {
        case .success: #expect(code == nil)
        case .failure(let error): #expect(error.code == code)
        }
    }
}
