import CertifDomain
import CertifHTTP
import CertifServices
import CertifStore
import Foundation

/// The body of `POST /api/v1/plans`.
struct APIPlanRequest: Decodable {
    /// First and last days of the period, YYYY-MM-DD.
    var from: String
    var to: String
}

/// The body of `POST /api/v1/plans/{id}/accept`.
struct APIAcceptRequest: Decodable {
    /// The sessions to accept; absent or null accepts every session that the account may.
    var sessions: [String]?
}

struct APIAccepted: Encodable {
    var accepted: [String]
}

struct APIReleased: Encodable {
    var released: String
}

extension WebApplication {
    func addPlanAPIRoutes(to routes: inout WebRouter) {
        routes.api(.get, "/api/v1/plans") { context in
            let plans = try await context.services { try $0.plans() }
            return try APIJSON.response(plans.map(APIPlanSummary.init))
        }
        routes.api(.post, "/api/v1/plans") { context in
            let body = try context.body(APIPlanRequest.self)
            let today = context.today
            let summary = try await context.services { services -> StoredPlanSummary? in
                do {
                    let id = try services.runPlan(from: body.from, to: body.to, today: today)
                    return try services.plans().first { $0.id == id }
                } catch var error as ServiceError where error.code == .invalid {
                    // The service names the page's fields; the API's are from and to.
                    let names = ["du": "from", "au": "to"]
                    error.fieldErrors = Dictionary(
                        error.fieldErrors.map { (names[$0.key] ?? $0.key, $0.value) },
                        uniquingKeysWith: { first, _ in first }
                    )
                    throw error
                }
            }
            guard let plan = summary else { throw APIError.notFound }
            var response = try APIJSON.response(APIPlanSummary(plan), status: .created)
            response.headers.add(name: "Location", value: "/api/v1/plans/\(plan.id)")
            return response
        }
        routes.api(.get, "/api/v1/plans/:id") { context in
            let id = try Self.planID(context)
            let scope = try Self.planScope(context)
            let view = try await context.services { try $0.plan(id: id, scope: scope) }
            return try APIJSON.response(APIPlan(view))
        }
        routes.api(.post, "/api/v1/plans/:id/accept") { context in
            let id = try Self.planID(context)
            let body =
                context.request.body.isEmpty
                ? APIAcceptRequest(sessions: nil) : try context.body(APIAcceptRequest.self)
            let accepted = try await context.services {
                try $0.acceptPlan(id: id, sessionIDs: body.sessions)
            }
            return try APIJSON.response(APIAccepted(accepted: accepted))
        }
        routes.api(.get, "/api/v1/sessions") { context in
            let filter = try Self.sessionFilter(context)
            let today = context.today
            let sessions = try await context.services { try $0.sessions(filter, today: today) }
            return try APIJSON.response(sessions.map { APISession($0, withCandidates: false) })
        }
        routes.api(.get, "/api/v1/sessions/:id") { context in
            let id = context.request.pathParameters["id"] ?? ""
            let today = context.today
            let session = try await context.services { try $0.session(id: id, today: today) }
            return try APIJSON.response(APISession(session, withCandidates: true))
        }
        routes.api(.post, "/api/v1/sessions/:id/release") { context in
            let id = context.request.pathParameters["id"] ?? ""
            try await context.services { try $0.releaseSession(id: id) }
            return try APIJSON.response(APIReleased(released: id))
        }
    }

    private static func planID(_ context: APIContext) throws -> Int {
        guard let text = context.request.pathParameters["id"], let id = Int(text), id > 0 else {
            throw APIError.notFound
        }
        return id
    }

    /// `?diploma=DEAF[&organizer=32]` gives that diploma's sessions with their candidates;
    /// without it, the plan's sessions come without candidates.
    private static func planScope(_ context: APIContext) throws -> PlanScope {
        let query = context.request.query
        guard let text = query["diploma"], !text.isEmpty else {
            return .overview
        }
        guard let diploma = context.reference.diploma(DiplomaCode(rawValue: text))?.code else {
            throw invalidParameter("diploma", text, expected: diplomaCodes(context))
        }
        var organizer: TerritoryCode?
        if let code = query["organizer"], !code.isEmpty {
            guard let territory = context.reference.territory(TerritoryCode(rawValue: code)) else {
                throw invalidParameter("organizer", code, expected: "a territory's INSEE code")
            }
            organizer = territory.code
        }
        return .diploma(diploma, organizer: organizer)
    }

    private static func sessionFilter(_ context: APIContext) throws -> SessionFilter {
        let query = context.request.query
        var filter = SessionFilter(timing: .all)
        if let text = query["diploma"], !text.isEmpty {
            guard let diploma = context.reference.diploma(DiplomaCode(rawValue: text)) else {
                throw invalidParameter("diploma", text, expected: diplomaCodes(context))
            }
            filter.diploma = diploma.code
        }
        if let code = query["organizer"], !code.isEmpty {
            guard let territory = context.reference.territory(TerritoryCode(rawValue: code)) else {
                throw invalidParameter("organizer", code, expected: "a territory's INSEE code")
            }
            filter.organizer = territory.code
        }
        switch query["timing"] {
        case nil, "", "all": filter.timing = .all
        case "upcoming": filter.timing = .upcoming
        case "past": filter.timing = .past
        case let text?: throw invalidParameter("timing", text, expected: "upcoming, past or all")
        }
        return filter
    }

    private static func diplomaCodes(_ context: APIContext) -> String {
        "one of " + context.reference.diplomas.map(\.code.rawValue).joined(separator: ", ")
    }

    static func invalidParameter(_ name: String, _ value: String, expected: String) -> APIError {
        APIError(
            status: .badRequest,
            code: "invalid-parameter",
            message: "the query parameter \(name) is '\(value)'; expected \(expected)",
            fields: [name: "expected \(expected)"]
        )
    }
}
