import Foundation
import Testing

@testable import CertifHTTP

@Suite("URL-encoded form bodies")
struct FormBodyTests {
    private func parse(_ text: String) throws(BodyParseError) -> [FormBody.Field] {
        try FormBody.parse(Data(text.utf8)).fields
    }

    @Test("fields keep their order")
    func fieldsKeepOrder() throws {
        let fields = try parse("nom=Dupont&prenom=Jean")

        #expect(
            fields == [
                FormBody.Field(name: "nom", value: "Dupont"),
                FormBody.Field(name: "prenom", value: "Jean"),
            ]
        )
    }

    @Test("plus and escapes are decoded")
    func plusAndEscapesDecoded() throws {
        let form = try FormBody.parse(
            Data("nom=Jean+Dupont&courriel=jean%40exemple.fr&a%2Bb=1%2B1".utf8)
        )

        #expect(form["nom"] == "Jean Dupont")
        #expect(form["courriel"] == "jean@exemple.fr")
        #expect(form["a+b"] == "1+1")
    }

    @Test("UTF-8 escapes become text")
    func utf8EscapesBecomeText() throws {
        let form = try FormBody.parse(Data("ville=Saint-Andr%C3%A9&montant=%E2%82%AC+100".utf8))

        #expect(form["ville"] == "Saint-André")
        #expect(form["montant"] == "€ 100")
    }

    @Test("repeated keys keep every value")
    func repeatedKeysKeepValues() throws {
        let form = try FormBody.parse(Data("diplome=DEAS&autre=1&diplome=DEAF".utf8))

        #expect(form.values(for: "diplome") == ["DEAS", "DEAF"])
        #expect(form["diplome"] == "DEAS")
    }

    @Test("empty fields are skipped")
    func emptyFieldsSkipped() throws {
        let fields = try parse("&&a=1&&b&=&")

        #expect(
            fields == [
                FormBody.Field(name: "a", value: "1"), FormBody.Field(name: "b", value: ""),
                FormBody.Field(name: "", value: ""),
            ]
        )
    }

    @Test("empty body has no fields")
    func emptyBodyHasNoFields() throws {
        #expect(try parse("").isEmpty)
    }

    @Test("first equals sign splits a field")
    func firstEqualsSplits() throws {
        #expect(try parse("a==b=c") == [FormBody.Field(name: "a", value: "=b=c")])
    }

    @Test(
        "invalid percent escapes name their offset",
        arguments: [
            ("a=%zz", 2), ("a=%4", 2), ("%", 0), ("a=1&b=%G0", 6), ("ok=1&%2", 5), ("a=%%41", 2),
        ]
    )
    func invalidEscapeNamesOffset(body: String, offset: Int) {
        let error = #expect(throws: BodyParseError.self) { try parse(body) }

        #expect(error?.code == .invalidPercentEscape)
        #expect(error?.offset == offset)
        #expect(
            error?.message
                == "invalid percent escape at byte offset \(offset): '%' must be followed by two "
                + "hexadecimal digits"
        )
    }

    @Test("invalid UTF-8 names the field")
    func invalidUTF8NamesField() {
        let error = #expect(throws: BodyParseError.self) { try parse("a=1&nom=%C3") }

        #expect(error?.code == .invalidUTF8)
        #expect(error?.offset == 8)
        #expect(
            error?.message == "the field value at byte offset 8 is not valid UTF-8 once decoded"
        )
    }

    @Test("field count is limited")
    func fieldCountLimited() {
        let error = #expect(throws: BodyParseError.self) {
            try FormBody.parse(Data("a=1&b=2&c=3".utf8), maximumFieldCount: 2)
        }

        #expect(error?.code == .tooManyFields)
        #expect(
            error?.message == "the form has more than 2 fields; field 3 starts at byte offset 8"
        )
        #expect(error?.status == .contentTooLarge)
    }

    @Test("errors map to a French 400")
    func errorsMapToFrench400() {
        let error = BodyParseError(code: .invalidPercentEscape, message: "", offset: 0)

        #expect(error.status == .badRequest)
        #expect(error.publicMessage.hasPrefix("Les données envoyées sont mal formées"))
    }

    @Test("query strings parse the same way")
    func queryStringsParse() throws {
        let query = try FormBody.parse(query: "q=Jean+Dupont&page=2")

        #expect(query["q"] == "Jean Dupont")
        #expect(query["page"] == "2")
    }

    @Test("request rejects another content type")
    func requestRejectsOtherContentType() {
        let request = HTTPRequest(
            method: .post,
            path: "/",
            headers: ["Content-Type": "text/plain"],
            body: Data("a=1".utf8)
        )

        let error = #expect(throws: BodyParseError.self) { try request.formBody() }

        #expect(error?.code == .unsupportedMediaType)
        #expect(error?.status == .unsupportedMediaType)
    }

    @Test("request parses its form body")
    func requestParsesFormBody() throws {
        let request = HTTPRequest(
            method: .post,
            path: "/",
            headers: ["content-type": "application/x-www-form-urlencoded; charset=UTF-8"],
            body: Data("a=1".utf8)
        )

        #expect(try request.formBody()["a"] == "1")
    }
}
