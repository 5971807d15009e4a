import BrowserTesting
import Foundation
import Testing

@Suite struct JSONValueTests {
    @Test(arguments: [
        ("null", JSONValue.null),
        ("true", .bool(true)),
        ("0", .number(0)),
        ("-1.5", .number(-1.5)),
        (#""é\n""#, .string("é\n")),
        ("[1,\"a\",null]", .array([1, "a", nil])),
        (#"{"a":{"b":[false]}}"#, .object(["a": ["b": [false]]])),
    ])
    func decodedAndEncodedBack(text: String, expected: JSONValue) throws {
        let decoded = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        let encoded = try JSONEncoder().encode(decoded)
        let again = try JSONDecoder().decode(JSONValue.self, from: encoded)

        #expect(decoded == expected)
        #expect(again == expected)
    }

    @Test func accessorsReturnNilForOtherKinds() {
        let value: JSONValue = ["name": "Camille", "count": 2]

        #expect(value["name"]?.stringValue == "Camille")
        #expect(value["count"]?.doubleValue == 2)
        #expect(value["count"]?.stringValue == nil)
        #expect(value["absent"] == nil)
        #expect(JSONValue.string("x")["name"] == nil)
        #expect(JSONValue.null.isNull)
    }
}
