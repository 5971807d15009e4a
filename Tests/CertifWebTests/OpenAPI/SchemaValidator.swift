import BrowserTesting
import Foundation

extension JSONValue {
    /// Decodes `data`. BrowserTesting's `JSONValue` keeps booleans apart from numbers, which
    /// JSONSerialization's NSNumber does not do on Linux.
    static func parse(_ data: Data) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: data)
    }
}

/// Checks a decoded JSON value against the part of JSON Schema that docs/openapi.yaml uses:
/// `type` (one or a list, `null` included), `enum`, `required`, `properties`,
/// `additionalProperties` (false, or a schema), `items`, `$ref`, `format: date`, `minimum`.
/// Any other keyword makes the check fail, so that the spec cannot use one that goes unchecked.
struct SchemaValidator {
    let spec: OpenAPISpec

    private static let knownKeywords: Set<String> = [
        "type", "enum", "required", "properties", "additionalProperties", "items", "$ref",
        "format", "minimum", "description", "example",
    ]

    /// Returns a sentence per mismatch, each naming its path in the value.
    func problems(_ value: JSONValue, _ schema: [String: Any], at path: String = "$") -> [String] {
        let schema = spec.resolve(schema)
        var found: [String] = []
        for key in schema.keys where !Self.knownKeywords.contains(key) {
            found.append("\(path): the schema uses \(key), which this check does not know")
        }
        if let types = Self.types(schema), !types.contains(where: { Self.matches(value, $0) }) {
            return found + ["\(path): expected \(types.joined(separator: " or ")), got \(value)"]
        }
        if let allowed = schema["enum"] as? [String], let text = value.stringValue,
            !allowed.contains(text)
        {
            found.append("\(path): \(value) is not one of \(allowed)")
        }
        if schema["format"] as? String == "date", let text = value.stringValue,
            text.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) == nil
        {
            found.append("\(path): \(text) is not a date YYYY-MM-DD")
        }
        if let minimum = (schema["minimum"] as? NSNumber)?.doubleValue,
            case .number(let number) = value, number < minimum
        {
            found.append("\(path): \(number) is below the minimum \(minimum)")
        }
        if case .object(let object) = value {
            found += objectProblems(object, schema, at: path)
        }
        if case .array(let array) = value, let items = schema["items"] as? [String: Any] {
            for (index, item) in array.enumerated() {
                found += problems(item, items, at: "\(path)[\(index)]")
            }
        }
        return found
    }

    private func objectProblems(
        _ object: [String: JSONValue],
        _ schema: [String: Any],
        at path: String
    ) -> [String] {
        var found: [String] = []
        let properties = schema["properties"] as? [String: Any] ?? [:]
        for key in schema["required"] as? [String] ?? [] where object[key] == nil {
            found.append("\(path): the required key \(key) is missing")
        }
        for (key, member) in object {
            if let property = properties[key] as? [String: Any] {
                found += problems(member, property, at: "\(path).\(key)")
            } else if let additional = schema["additionalProperties"] as? [String: Any] {
                found += problems(member, additional, at: "\(path).\(key)")
            } else if schema["additionalProperties"] as? Bool == false {
                found.append("\(path): the key \(key) is not in the schema")
            }
        }
        return found
    }

    private static func types(_ schema: [String: Any]) -> [String]? {
        if let type = schema["type"] as? String { return [type] }
        return schema["type"] as? [String]
    }

    private static func matches(_ value: JSONValue, _ type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("object", .object), ("array", .array), ("string", .string),
            ("boolean", .bool), ("number", .number):
            return true
        case ("integer", .number(let number)):
            return number.rounded() == number
        default:
            return false
        }
    }
}
