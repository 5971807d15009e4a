import Foundation
import Testing

@testable import CertifHTTP

/// Builds multipart bodies with the boundary `frontiere` and CRLF line ends.
private func multipart(_ lines: String...) -> Data {
    Data(lines.joined(separator: "\r\n").utf8)
}

private let contentType = "multipart/form-data; boundary=frontiere"

@Suite("Multipart form bodies")
struct MultipartBodyTests {
    @Test("fields and files are read")
    func fieldsAndFilesRead() throws {
        let body = multipart(
            "--frontiere",
            "Content-Disposition: form-data; name=\"csrf\"",
            "",
            "3f9a",
            "--frontiere",
            "Content-Disposition: form-data; name=\"fichier\"; filename=\"candidats.csv\"",
            "Content-Type: text/csv",
            "",
            "nom;prenom",
            "Dupont;Jean",
            "--frontiere--",
            ""
        )

        let parsed = try MultipartBody.parse(body, contentType: contentType)

        #expect(parsed.parts.count == 2)
        #expect(parsed.part(named: "csrf")?.text == "3f9a")
        #expect(parsed.part(named: "csrf")?.filename == nil)
        #expect(parsed.part(named: "csrf")?.contentType == "text/plain")
        let file = try #require(parsed.part(named: "fichier"))
        #expect(file.filename == "candidats.csv")
        #expect(file.contentType == "text/csv")
        #expect(file.body == Data("nom;prenom\r\nDupont;Jean".utf8))
        #expect(file.headers.count == 2)
    }

    @Test("preamble and epilogue are ignored")
    func preambleAndEpilogueIgnored() throws {
        let body = multipart(
            "This is the preamble.",
            "--frontiere",
            "Content-Disposition: form-data; name=\"a\"",
            "",
            "1",
            "--frontiere--",
            "This is the epilogue."
        )

        let parsed = try MultipartBody.parse(body, contentType: contentType)

        #expect(parsed.parts.map(\.name) == ["a"])
        #expect(parsed.part(named: "a")?.text == "1")
    }

    @Test("bodies keep near-delimiters")
    func bodiesKeepNearDelimiters() throws {
        let content = "ligne\r\n--frontier\r\n--frontierX\r\n-- frontiere"
        let body = multipart(
            "--frontiere",
            "Content-Disposition: form-data; name=\"texte\"",
            "",
            content,
            "--frontiere--"
        )

        let parsed = try MultipartBody.parse(body, contentType: contentType)

        #expect(parsed.part(named: "texte")?.text == content)
    }

    @Test("empty file and empty body")
    func emptyFileAndBody() throws {
        let body = multipart(
            "--frontiere",
            "Content-Disposition: form-data; name=\"fichier\"; filename=\"\"",
            "Content-Type: application/octet-stream",
            "",
            "",
            "--frontiere--"
        )

        let part = try #require(try MultipartBody.parse(body, contentType: contentType).parts.first)

        #expect(part.filename == "")
        #expect(part.body.isEmpty)
    }

    @Test("file names keep UTF-8 and backslashes")
    func fileNamesKeepUTF8AndBackslashes() throws {
        let body = multipart(
            "--frontiere",
            "Content-Disposition: form-data; name=\"pv\"; filename=\"C:\\dossiers\\procès-verbal %22final%22.pdf\"",
            "",
            "%PDF",
            "--frontiere--"
        )

        let part = try #require(try MultipartBody.parse(body, contentType: contentType).parts.first)

        #expect(part.filename == "C:\\dossiers\\procès-verbal %22final%22.pdf")
    }

    @Test("repeated names keep every part")
    func repeatedNamesKeepParts() throws {
        let body = multipart(
            "--frontiere",
            "Content-Disposition: form-data; name=\"pieces\"; filename=\"a.pdf\"",
            "",
            "A",
            "--frontiere",
            "content-disposition: FORM-DATA; NAME=pieces; filename=b.pdf",
            "",
            "B",
            "--frontiere--"
        )

        let parts = try MultipartBody.parse(body, contentType: contentType).parts(named: "pieces")

        #expect(parts.map(\.filename) == ["a.pdf", "b.pdf"])
        #expect(parts.map(\.body) == [Data("A".utf8), Data("B".utf8)])
    }

    @Test("transport padding after delimiter")
    func transportPaddingAfterDelimiter() throws {
        let body = multipart(
            "--frontiere  \t",
            "Content-Disposition: form-data; name=\"a\"",
            "",
            "1",
            "--frontiere--"
        )

        #expect(try MultipartBody.parse(body, contentType: contentType).parts.count == 1)
    }

    @Test(
        "boundary is read from Content-Type",
        arguments: [
            ("multipart/form-data; boundary=abc", "abc"),
            ("Multipart/Form-Data; BOUNDARY=\"a b'c\"", "a b'c"),
            (
                "multipart/form-data;charset=utf-8;boundary=----WebKitFormBoundary7MA4YWxk",
                "----WebKitFormBoundary7MA4YWxk"
            ),
        ]
    )
    func boundaryReadFromContentType(contentType: String, boundary: String) throws {
        #expect(try MultipartBody.boundary(fromContentType: contentType) == boundary)
    }

    @Test(
        "bad Content-Type is rejected",
        arguments: [
            (
                "application/x-www-form-urlencoded", BodyParseError.Code.unsupportedMediaType,
                "the Content-Type is not multipart/form-data"
            ),
            (
                "multipart/form-data", .missingBoundary,
                "the multipart/form-data Content-Type has no boundary parameter"
            ),
            (
                "multipart/form-data; boundary=\"\"", .missingBoundary,
                "the multipart/form-data Content-Type has no boundary parameter"
            ),
            (
                "multipart/form-data; boundary=" + String(repeating: "a", count: 71),
                .invalidBoundary,
                "the boundary must be 1 to 70 characters from letters, digits, spaces and "
                    + "'()+_,-./:=? and must not end in a space"
            ),
            (
                "multipart/form-data; boundary=\"a;b\"", .invalidBoundary,
                "the boundary must be 1 to 70 characters from letters, digits, spaces and "
                    + "'()+_,-./:=? and must not end in a space"
            ),
            (
                "multipart/form-data; boundary=\"ab \"", .invalidBoundary,
                "the boundary must be 1 to 70 characters from letters, digits, spaces and "
                    + "'()+_,-./:=? and must not end in a space"
            ),
        ]
    )
    func badContentTypeRejected(contentType: String, code: BodyParseError.Code, message: String) {
        let error = #expect(throws: BodyParseError.self) {
            try MultipartBody.parse(Data(), contentType: contentType)
        }

        #expect(error?.code == code)
        #expect(error?.message == message)
    }

    @Test(
        "malformed bodies give exact errors",
        arguments: [
            (
                multipart("no delimiter here"), BodyParseError.Code.missingDelimiter, 0,
                "the body contains no delimiter line with the boundary of the Content-Type"
            ),
            (
                multipart(
                    "--frontiere",
                    "Content-Disposition: form-data; name=\"a\"",
                    "",
                    "sans fin"
                ),
                .unterminatedPart, 13, "part 1 at byte offset 13 has no delimiter after its body"
            ),
            (
                multipart("--frontiere", "Content-Disposition: form-data; name=\"a\""),
                .unterminatedPart, 13,
                "the body ends inside the headers of part 1 at byte offset 13"
            ),
            (
                multipart(
                    "--frontiere",
                    "Content-Disposition: form-data; name=\"a\"",
                    "",
                    "1",
                    "--frontiere"
                ),
                .unterminatedPart, 60,
                "the body ends after the delimiter at byte offset 60, without the closing delimiter"
            ),
            (
                multipart("--frontiereX", "", "1", "--frontiere--"), .invalidDelimiter, 0,
                "the delimiter at byte offset 0 is followed by neither CRLF nor \"--\""
            ),
            (
                multipart(
                    "--frontiere",
                    "Content-Disposition: form-data;",
                    " name=\"a\"",
                    "",
                    "1",
                    "--frontiere--"
                ),
                .invalidPartHeader, 46,
                "the header line at byte offset 46 in part 1 starts with a space or tab, an obsolete "
                    + "line folding"
            ),
            (
                multipart("--frontiere", "Content-Disposition form-data", "", "1", "--frontiere--"),
                .invalidPartHeader, 13, "the header line at byte offset 13 in part 1 has no colon"
            ),
            (
                multipart("--frontiere", "Bad Name: x", "", "1", "--frontiere--"),
                .invalidPartHeader, 13,
                "the header line at byte offset 13 in part 1 has a name that is empty or not an HTTP "
                    + "token"
            ),
            (
                multipart("--frontiere", "X: a\nb", "", "1", "--frontiere--"),
                .invalidPartHeader, 13,
                "the header line at byte offset 13 in part 1 contains a CR or LF that is not part of "
                    + "a CRLF"
            ),
            (
                multipart("--frontiere", "Content-Type: text/plain", "", "1", "--frontiere--"),
                .missingContentDisposition, 13,
                "part 1 at byte offset 13 has no Content-Disposition: form-data header"
            ),
            (
                multipart(
                    "--frontiere",
                    "Content-Disposition: attachment; name=\"a\"",
                    "",
                    "1",
                    "--frontiere--"
                ),
                .missingContentDisposition, 13,
                "part 1 at byte offset 13 has no Content-Disposition: form-data header"
            ),
            (
                multipart(
                    "--frontiere",
                    "Content-Disposition: form-data; filename=\"a\"",
                    "",
                    "1",
                    "--frontiere--"
                ),
                .missingPartName, 13,
                "the Content-Disposition of part 1 at byte offset 13 has no name parameter"
            ),
        ]
    )
    func malformedBodiesGiveExactErrors(
        body: Data,
        code: BodyParseError.Code,
        offset: Int,
        message: String
    ) {
        let error = #expect(throws: BodyParseError.self) {
            try MultipartBody.parse(body, contentType: contentType)
        }

        #expect(error?.code == code)
        #expect(error?.offset == offset)
        #expect(error?.message == message)
    }

    @Test("invalid UTF-8 header is rejected")
    func invalidUTF8HeaderRejected() {
        var body = Data("--frontiere\r\nX-Nom: ".utf8)
        body.append(contentsOf: [0xC3, 0x28])
        body.append(
            Data("\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--frontiere--".utf8)
        )

        let error = #expect(throws: BodyParseError.self) {
            try MultipartBody.parse(body, contentType: contentType)
        }

        #expect(error?.code == .invalidPartHeader)
        #expect(
            error?.message
                == "the header line at byte offset 13 in part 1 has a value that is not valid UTF-8"
        )
    }

    @Test("part count is limited")
    func partCountLimited() {
        let part = "--frontiere\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n"
        let body = Data((String(repeating: part, count: 3) + "--frontiere--").utf8)

        let error = #expect(throws: BodyParseError.self) {
            try MultipartBody.parse(
                body,
                contentType: contentType,
                limits: .init(maximumPartCount: 2)
            )
        }

        #expect(error?.code == .tooManyParts)
        #expect(
            error?.message == "the body has more than 2 parts; part 3 starts at byte offset 133"
        )
        #expect(error?.status == .contentTooLarge)
    }

    @Test("header size is limited")
    func headerSizeLimited() throws {
        let header =
            "Content-Disposition: form-data; name=\"a\"\r\nX-Padding: "
            + String(repeating: "x", count: 100)
        let body = Data("--frontiere\r\n\(header)\r\n\r\n1\r\n--frontiere--".utf8)
        let exact = MultipartBody.Limits(maximumHeaderBytes: header.utf8.count)
        let smaller = MultipartBody.Limits(maximumHeaderBytes: header.utf8.count - 1)

        #expect(
            try MultipartBody.parse(body, contentType: contentType, limits: exact).parts.count == 1
        )
        let error = #expect(throws: BodyParseError.self) {
            try MultipartBody.parse(body, contentType: contentType, limits: smaller)
        }
        #expect(error?.code == .partHeadersTooLarge)
        #expect(
            error?.message == "the headers of part 1 at byte offset 13 are longer than 152 bytes"
        )
    }

    @Test("request reads its multipart body")
    func requestReadsMultipartBody() throws {
        let request = HTTPRequest(
            method: .post,
            path: "/",
            headers: ["Content-Type": contentType],
            body: multipart(
                "--frontiere",
                "Content-Disposition: form-data; name=\"a\"",
                "",
                "1",
                "--frontiere--"
            )
        )

        #expect(try request.multipartBody().part(named: "a")?.text == "1")
    }
}
