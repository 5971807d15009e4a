import Foundation
import Testing

@testable import CertifHTTP

@Suite("Response helpers")
struct HTTPResponseTests {
    @Test("download names the file twice")
    func downloadNamesFileTwice() {
        let response = HTTPResponse.download(
            Data("%PDF".utf8),
            filename: "procès-verbal \"n°2\".pdf",
            contentType: "application/pdf"
        )

        #expect(response.headers["Content-Type"] == "application/pdf")
        #expect(
            response.headers["content-disposition"]
                == "attachment; filename=\"proces-verbal _n_2_.pdf\"; "
                + "filename*=UTF-8''proc%C3%A8s-verbal%20%22n%C2%B02%22.pdf"
        )
    }

    @Test("redirect is 303 See Other")
    func redirectIsSeeOther() {
        let response = HTTPResponse.redirect(to: "/candidats/42")

        #expect(response.status == .seeOther)
        #expect(response.headers["Location"] == "/candidats/42")
        #expect(response.body.isEmpty)
    }

    @Test("text, HTML and JSON types")
    func textHTMLAndJSONTypes() throws {
        #expect(HTTPResponse.text("ok").headers["Content-Type"] == "text/plain; charset=utf-8")
        #expect(HTTPResponse.html("<p>").headers["Content-Type"] == "text/html; charset=utf-8")
        let json = try HTTPResponse.json(["a": 1], status: .created)
        #expect(json.headers["Content-Type"] == "application/json")
        #expect(json.status == .created)
        #expect(String(decoding: json.body, as: UTF8.self) == #"{"a":1}"#)
    }

    @Test("headers ignore name case")
    func headersIgnoreNameCase() {
        var headers: HTTPHeaders = ["Set-Cookie": "a=1"]
        headers.add(name: "set-cookie", value: "b=2")
        headers.replaceOrAdd(name: "CONTENT-TYPE", value: "text/plain")

        #expect(headers.values(for: "SET-COOKIE") == ["a=1", "b=2"])
        #expect(headers["content-type"] == "text/plain")
        headers.remove(name: "Set-cookie")
        #expect(headers.count == 1)
    }

    @Test("cookies are parsed")
    func cookiesAreParsed() {
        let request = HTTPRequest(
            method: .get,
            path: "/",
            headers: [
                "Cookie": "session=abc; theme=\"sombre\"; invalid; =x; session=ignored",
                "cookie": "langue=fr",
            ]
        )

        #expect(request.cookies == ["session": "abc", "theme": "sombre", "langue": "fr"])
    }
}
