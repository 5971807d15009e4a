import BrowserTesting
import CertifHTTP
import Foundation
import Testing

/// Checks that the API that the router serves is the one that docs/openapi.yaml describes:
/// the same operations, and answers whose status and body the spec lists.
@Suite("The API matches docs/openapi.yaml")
struct OpenAPIConformanceTests {
    @Test("Every API route is in the spec and every operation of the spec is served")
    func sameOperations() async throws {
        let spec = try OpenAPISpec.load()
        let web = try WebHarness()
        var served = Set<OpenAPISpec.Operation>()
        for route in web.router.routes where route.pattern.hasPrefix("/api/v1/") {
            let path = route.pattern.split(separator: "/", omittingEmptySubsequences: false)
                .map { $0.hasPrefix(":") ? "{" + $0.dropFirst() + "}" : String($0) }
                .joined(separator: "/")
            served.insert(OpenAPISpec.Operation(method: route.method.rawValue, path: path))
        }
        #expect(served.subtracting(spec.operations).isEmpty, "served but not in the spec")
        #expect(spec.operations.subtracting(served).isEmpty, "in the spec but not served")
    }

    @Test("Each example request gets an answer that the spec describes")
    func answersMatchSchemas() async throws {
        let spec = try OpenAPISpec.load()
        let web = try WebHarness()
        let fixture = try APIFixture(web)
        let validator = SchemaValidator(spec: spec)
        var covered = Set<OpenAPISpec.Operation>()
        for example in fixture.examples {
            let response = try await web.api(
                example.method,
                example.target,
                token: example.token,
                json: example.json
            )
            let operation = OpenAPISpec.Operation(
                method: example.method.rawValue,
                path: example.operationPath
            )
            covered.insert(operation)
            #expect(response.status.code == example.expectedStatus, "\(example)")
            let schema = spec.responseSchema(operation, status: response.status.code)
            guard let schema else {
                Issue.record("\(operation) answered \(response.status), which the spec omits")
                continue
            }
            let body = try JSONValue.parse(response.body)
            let problems = validator.problems(body, schema)
            #expect(problems.isEmpty, "\(example): \(problems)")
        }
        #expect(spec.operations.subtracting(covered).isEmpty, "operations without an example")
    }

    @Test("The schema check finds a wrong body")
    func validatorCanFail() throws {
        let spec = try OpenAPISpec.load()
        let validator = SchemaValidator(spec: spec)
        let account = ["$ref": "#/components/schemas/Account"]
        let wrong = try JSONValue.parse(Data(#"{"login": 3, "role": "king", "extra": true}"#.utf8))
        let problems = validator.problems(wrong, account)
        #expect(problems.contains { $0.contains("$.login") })
        #expect(problems.contains { $0.contains("king") })
        #expect(problems.contains { $0.contains("extra") })
        #expect(problems.contains { $0.contains("displayName") })
    }
}

/// Example API requests on a database with data, one or more per operation of the spec.
struct APIFixture {
    struct Example: CustomStringConvertible {
        var method: HTTPMethod
        var target: String
        /// The spec's path of the operation, "/api/v1/candidates/{id}".
        var operationPath: String
        var token: String?
        var json: String? = nil
        var expectedStatus: Int

        var description: String { "\(method) \(target) → \(expectedStatus)" }
    }

    var examples: [Example] = []

    init(_ web: WebHarness) throws {
        let admin = try web.apiToken(for: "admin")
        let officer = try web.apiToken(for: "agent-hdf")
        examples += [
            Example(
                method: .get,
                target: "/api/v1/me",
                operationPath: "/api/v1/me",
                token: admin,
                expectedStatus: 200
            ),
            Example(
                method: .get,
                target: "/api/v1/me",
                operationPath: "/api/v1/me",
                token: officer,
                expectedStatus: 200
            ),
            Example(
                method: .get,
                target: "/api/v1/me",
                operationPath: "/api/v1/me",
                token: nil,
                expectedStatus: 401
            ),
        ]
    }
}
