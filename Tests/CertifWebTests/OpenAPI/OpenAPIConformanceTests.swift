import BrowserTesting
import CertifHTTP
import CertifWeb
import Foundation
import Testing

/// Checks that the API that the router serves is the one that docs/openapi.yaml describes:
/// the same operations, and responses whose status and body the spec lists.
@Suite("The API matches docs/openapi.yaml")
struct OpenAPIConformanceTests {
    @Test("Routes and spec operations match")
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
        let fixture = try await PlanningFixture()
        var checker = try APIChecker(web: fixture.web)
        let admin = try fixture.web.apiToken(for: "admin")
        let officer = try fixture.web.apiToken(for: "agent-hdf")
        let reader = try fixture.web.apiToken(for: "lecteur")

        try await checker.check(.get, "/api/v1/me", "/api/v1/me", token: admin, expect: 200)
        try await checker.check(.get, "/api/v1/me", "/api/v1/me", token: officer, expect: 200)
        try await checker.check(.get, "/api/v1/me", "/api/v1/me", token: nil, expect: 401)

        try await checkCandidates(&checker, fixture, admin: admin, officer: officer, reader: reader)

        let plans = "/api/v1/plans"
        let run = try await checker.check(
            .post,
            plans,
            plans,
            token: admin,
            json: #"{"from": "2025-01-01", "to": "2026-03-31"}"#,
            expect: 201
        )
        let planID = try #require(run?["id"]?.doubleValue.map { Int($0) })
        try await checker.check(
            .post,
            plans,
            plans,
            token: admin,
            json: #"{"from": "2025-13-01", "to": "x"}"#,
            expect: 422
        )
        try await checker.check(.post, plans, plans, token: admin, json: "{", expect: 400)
        try await checker.check(.get, plans, plans, token: officer, expect: 200)
        try await checker.check(.get, plans, plans, token: reader, expect: 404)

        let plan = "/api/v1/plans/{id}"
        let overview = try await checker.check(
            .get,
            "\(plans)/\(planID)",
            plan,
            token: admin,
            expect: 200
        )
        try await checker.check(
            .get,
            "\(plans)/\(planID)?diploma=DEIS",
            plan,
            token: officer,
            expect: 200
        )
        try await checker.check(
            .get,
            "\(plans)/\(planID)?diploma=XYZ",
            plan,
            token: admin,
            expect: 400
        )
        try await checker.check(.get, "\(plans)/999", plan, token: admin, expect: 404)

        let sessionIDs = (overview?["sessions"]?.arrayValue ?? []).compactMap {
            $0["id"]?.stringValue
        }
        let first = try #require(sessionIDs.first)
        let accept = "/api/v1/plans/{id}/accept"
        try await checker.check(
            .post,
            "\(plans)/\(planID)/accept",
            accept,
            token: admin,
            json: #"{"sessions": ["no-such-session"]}"#,
            expect: 404
        )
        let accepted = try await checker.check(
            .post,
            "\(plans)/\(planID)/accept",
            accept,
            token: admin,
            json: "{\"sessions\": [\"\(first)\"]}",
            expect: 200
        )
        try await checker.check(
            .post,
            "\(plans)/\(planID)/accept",
            accept,
            token: admin,
            expect: 409
        )

        let sessions = "/api/v1/sessions"
        try await checker.check(.get, sessions, sessions, token: admin, expect: 200)
        try await checker.check(
            .get,
            sessions + "?timing=upcoming&diploma=DEIS",
            sessions,
            token: officer,
            expect: 200
        )
        try await checker.check(
            .get,
            sessions + "?timing=soon",
            sessions,
            token: admin,
            expect: 400
        )
        let session = "/api/v1/sessions/{id}"
        let fixed = try #require(accepted?["accepted"]?.arrayValue?.first?.stringValue)
        let encoded = Paths.segment(fixed)
        try await checker.check(.get, "\(sessions)/\(encoded)", session, token: admin, expect: 200)
        try await checker.check(.get, "\(sessions)/nothing", session, token: admin, expect: 404)
        let release = "/api/v1/sessions/{id}/release"
        try await checker.check(
            .post,
            "\(sessions)/nothing/release",
            release,
            token: admin,
            expect: 404
        )
        try await checker.check(
            .post,
            "\(sessions)/\(encoded)/release",
            release,
            token: admin,
            expect: 200
        )

        let missing = checker.spec.operations.subtracting(checker.covered)
        #expect(missing.isEmpty, "operations without an example: \(missing)")
    }

    func checkCandidates(
        _ checker: inout APIChecker,
        _ fixture: PlanningFixture,
        admin: String,
        officer: String,
        reader: String
    ) async throws {
        let list = "/api/v1/candidates"
        let one = "/api/v1/candidates/{id}"
        let page = try await checker.check(.get, list, list, token: admin, expect: 200)
        #expect(page?["total"]?.doubleValue == Double(fixture.candidates.count))
        try await checker.check(
            .get,
            list + "?status=waiting&diploma=DEIS&pageSize=5&page=2",
            list,
            token: officer,
            expect: 200
        )
        try await checker.check(.get, list + "?status=done", list, token: admin, expect: 400)
        try await checker.check(.get, list + "?pageSize=5000", list, token: admin, expect: 400)
        try await checker.check(.get, list, list, token: reader, expect: 404)
        let idf = try #require(
            fixture.candidates.values.sorted { $0.id < $1.id }.first {
                $0.territory.rawValue == "11"
            }
        )
        let path = list + "/" + Paths.segment(idf.id)
        try await checker.check(.get, path, one, token: admin, expect: 200)
        try await checker.check(.get, path, one, token: officer, expect: 404)
        let values = [
            "identifiant": "API-0001", "nom_naissance": "EXEMPLE", "prenoms": "Camille",
            "date_naissance": "15/03/1980", "diplome": "DEIS", "voie": "VAE",
            "territoire": "32", "disponible_le": "2025-02-01",
        ]
        let body = String(decoding: try JSONEncoder().encode(values), as: UTF8.self)
        try await checker.check(.post, list, list, token: officer, json: body, expect: 201)
        try await checker.check(
            .post,
            list,
            list,
            token: officer,
            json: #"{"identifiant": "API-0002"}"#,
            expect: 422
        )
        try await checker.check(
            .post,
            list,
            list,
            token: officer,
            json: #"{"nom": "X"}"#,
            expect: 400
        )
        var changed = values
        changed["prenoms"] = "Camille Andrée"
        let update = String(decoding: try JSONEncoder().encode(changed), as: UTF8.self)
        let updated = try await checker.check(
            .put,
            list + "/API-0001",
            one,
            token: officer,
            json: update,
            expect: 200
        )
        #expect(updated?["givenNames"]?.stringValue == "Camille Andrée")
        try await checker.check(.put, path, one, token: officer, json: update, expect: 404)
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

/// Sends API requests and checks each response against the spec: its status is the expected
/// one and is listed for the operation, and its body matches the schema of that status.
struct APIChecker {
    let web: WebHarness
    let spec: OpenAPISpec
    let validator: SchemaValidator
    private(set) var covered = Set<OpenAPISpec.Operation>()

    init(web: WebHarness) throws {
        self.web = web
        spec = try OpenAPISpec.load()
        validator = SchemaValidator(spec: spec)
    }

    /// Sends the request and returns its decoded body.
    @discardableResult
    mutating func check(
        _ method: HTTPMethod,
        _ target: String,
        _ operationPath: String,
        token: String?,
        json: String? = nil,
        expect expectedStatus: Int
    ) async throws -> JSONValue? {
        let response = try await web.api(method, target, token: token, json: json)
        let operation = OpenAPISpec.Operation(method: method.rawValue, path: operationPath)
        covered.insert(operation)
        let label = "\(method) \(target)"
        #expect(response.status.code == expectedStatus, "\(label): \(response.bodyText)")
        guard let schema = spec.responseSchema(operation, status: response.status.code) else {
            Issue.record("\(label) answered \(response.status), which the spec omits")
            return nil
        }
        let body = try JSONValue.parse(response.body)
        let problems = validator.problems(body, schema)
        #expect(problems.isEmpty, "\(label): \(problems)")
        return body
    }
}
