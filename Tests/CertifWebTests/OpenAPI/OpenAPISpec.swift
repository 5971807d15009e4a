import Foundation
import Testing

/// docs/openapi.yaml read as JSON values, with its operations and `$ref` resolution.
///
/// YAML is read by Debian's python3-yaml, through /usr/bin/python3, rather than by a parser of
/// our own: the test then reads the file as any other OpenAPI tool would.
struct OpenAPISpec {
    struct Operation: Hashable, CustomStringConvertible {
        /// Upper case: "GET".
        var method: String
        /// As the spec writes it: "/api/v1/candidates/{id}".
        var path: String

        var description: String { method + " " + path }
    }

    let root: [String: Any]

    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func load() throws -> OpenAPISpec {
        let specPath = repositoryRoot.appendingPathComponent("docs/openapi.yaml").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [
            "-c",
            "import json, sys, yaml; json.dump(yaml.safe_load(open(sys.argv[1])), sys.stdout)",
            specPath,
        ]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(
            process.terminationStatus == 0,
            "reading \(specPath) failed: \(String(decoding: message, as: UTF8.self))"
        )
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return OpenAPISpec(root: root)
    }

    var operations: Set<Operation> {
        let paths = root["paths"] as? [String: Any] ?? [:]
        var found = Set<Operation>()
        for (path, item) in paths {
            for method in (item as? [String: Any] ?? [:]).keys
            where ["get", "post", "put", "patch", "delete"].contains(method) {
                found.insert(Operation(method: method.uppercased(), path: path))
            }
        }
        return found
    }

    /// Returns the operation's object in the spec.
    func operation(_ operation: Operation) -> [String: Any]? {
        let paths = root["paths"] as? [String: Any]
        let item = paths?[operation.path] as? [String: Any]
        return item?[operation.method.lowercased()] as? [String: Any]
    }

    /// Returns the JSON schema of the response with `status`, or nil when the spec lists none.
    func responseSchema(_ operation: Operation, status: Int) -> [String: Any]? {
        guard let responses = self.operation(operation)?["responses"] as? [String: Any],
            let response = responses[String(status)] as? [String: Any]
        else {
            return nil
        }
        let resolved = resolve(response)
        let content = resolved["content"] as? [String: Any]
        let json = content?["application/json"] as? [String: Any]
        return json?["schema"] as? [String: Any] ?? [:]
    }

    /// Follows `$ref` until the object has none.
    func resolve(_ object: [String: Any]) -> [String: Any] {
        guard let reference = object["$ref"] as? String, reference.hasPrefix("#/") else {
            return object
        }
        var current: Any = root
        for key in reference.dropFirst(2).split(separator: "/") {
            current = (current as? [String: Any])?[String(key)] ?? [:]
        }
        return resolve(current as? [String: Any] ?? [:])
    }
}
