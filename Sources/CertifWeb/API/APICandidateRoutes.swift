import CertifDomain
import CertifHTTP
import CertifImport
import CertifServices
import CertifStore
import Foundation

/// A candidate as the API shows him, with the deadline in force and his fixed session.
struct APICandidate: Encodable {
    var id: String
    var birthName: String
    var usageName: String?
    var givenNames: String
    var birthDate: String
    var diploma: String
    /// "VAE" or "formation".
    var route: String
    var territory: String
    var availableFrom: String
    /// The deadline that the file or form gave, absent when Certif computes it.
    var explicitDeadline: String?
    var deadline: String
    /// French: how the deadline was computed.
    var deadlineExplanation: String
    var remoteAllowed: Bool
    var extraTimePercent: Int
    var sessionId: String?

    init(_ candidate: Candidate, deadline: Deadline, sessionID: String?) {
        id = candidate.id
        birthName = candidate.birthName
        usageName = candidate.usageName
        givenNames = candidate.givenNames
        birthDate = candidate.birthDate.iso
        diploma = candidate.diploma.rawValue
        route = candidate.route.rawValue
        territory = candidate.territory.rawValue
        availableFrom = candidate.availableFrom.iso
        explicitDeadline = candidate.explicitDeadline?.iso
        self.deadline = deadline.date.iso
        deadlineExplanation = deadline.explanation
        remoteAllowed = candidate.remoteAllowed
        extraTimePercent = candidate.extraTimePercent
        sessionId = sessionID
    }
}

/// One page of the candidate list.
struct APICandidatePage: Encodable {
    var total: Int
    var page: Int
    var pageSize: Int
    var items: [APICandidate]
}

extension WebApplication {
    func addCandidateAPIRoutes(to routes: inout WebRouter) {
        routes.api(.get, "/api/v1/candidates") { context in
            let filters = try Self.candidateFilters(context)
            let today = context.today
            let page = try await context.services { try $0.candidatePage(filters, today: today) }
            return try APIJSON.response(
                APICandidatePage(
                    total: page.total,
                    page: page.page,
                    pageSize: page.pageSize,
                    items: page.rows.map {
                        APICandidate($0.candidate, deadline: $0.deadline, sessionID: $0.sessionID)
                    }
                )
            )
        }
        routes.api(.get, "/api/v1/candidates/:id") { context in
            let id = context.request.pathParameters["id"] ?? ""
            let detail = try await context.services { try $0.candidateDetail(id: id) }
            return try APIJSON.response(
                APICandidate(
                    detail.candidate,
                    deadline: detail.deadline,
                    sessionID: detail.exam?.sessionID
                )
            )
        }
        routes.api(.post, "/api/v1/candidates") { context in
            let form = try Self.candidateForm(context)
            let today = context.today
            let created = try await context.services { services -> APICandidate in
                let candidate = try services.createCandidate(form, today: today)
                let detail = try services.candidateDetail(id: candidate.id)
                return APICandidate(
                    detail.candidate,
                    deadline: detail.deadline,
                    sessionID: detail.exam?.sessionID
                )
            }
            var response = try APIJSON.response(created, status: .created)
            response.headers.add(
                name: "Location",
                value: "/api/v1/candidates/" + Paths.segment(created.id)
            )
            return response
        }
        routes.api(.put, "/api/v1/candidates/:id") { context in
            let id = context.request.pathParameters["id"] ?? ""
            let form = try Self.candidateForm(context)
            let today = context.today
            let updated = try await context.services { services -> APICandidate in
                _ = try services.updateCandidate(id: id, form, today: today)
                let detail = try services.candidateDetail(id: id)
                return APICandidate(
                    detail.candidate,
                    deadline: detail.deadline,
                    sessionID: detail.exam?.sessionID
                )
            }
            return try APIJSON.response(updated)
        }
    }

    /// Reads the candidate's values keyed by the candidate file's column names, each a string as a
    /// file cell would hold it, so that the API applies exactly the import's checks.
    private static func candidateForm(_ context: APIContext) throws -> CandidateFormValues {
        let body = try context.body([String: String].self)
        var values: [CandidateColumn: String] = [:]
        var unknown: [String: String] = [:]
        for (key, value) in body {
            if let column = CandidateColumn(rawValue: key) {
                values[column] = value
            } else {
                unknown[key] = "unknown field; expected one of the candidate file's columns"
            }
        }
        guard unknown.isEmpty else {
            throw APIError(
                status: .badRequest,
                code: "unknown-field",
                message: "the body has fields that a candidate does not have: "
                    + unknown.keys.sorted().joined(separator: ", "),
                fields: unknown
            )
        }
        return CandidateFormValues(values: values)
    }

    /// Reads the list's filters from `search`, `diploma`, `route`, `status`, `deadlineWithinDays`,
    /// `page` and `pageSize`.
    private static func candidateFilters(_ context: APIContext) throws -> CandidateFilters {
        let query = context.request.query
        var filters = CandidateFilters()
        if let search = query["search"], !search.isEmpty {
            filters.search = search
        }
        if let text = query["diploma"], !text.isEmpty {
            guard let diploma = context.reference.diploma(DiplomaCode(rawValue: text)) else {
                throw invalidParameter("diploma", text, expected: "a diploma code such as DEAF")
            }
            filters.diploma = diploma.code
        }
        if let text = query["route"], !text.isEmpty {
            guard let route = AccessRoute(rawValue: text) else {
                throw invalidParameter("route", text, expected: "VAE or formation")
            }
            filters.route = route
        }
        switch query["status"] {
        case nil, "": break
        case "waiting": filters.status = .waiting
        case "scheduled": filters.status = .scheduled
        case let text?: throw invalidParameter("status", text, expected: "waiting or scheduled")
        }
        if query["deadlineWithinDays"].map({ !$0.isEmpty }) == true {
            filters.deadlineWithinDays = try context.integer(
                "deadlineWithinDays",
                default: 0,
                range: 0...3650
            )
        }
        filters.page = try context.integer(
            "page",
            default: 1,
            range: 1...CertifServices.maxCandidatePage
        )
        filters.pageSize = try context.integer(
            "pageSize",
            default: CertifServices.candidatePageSize,
            range: 1...CertifStore.maxPageSize
        )
        return filters
    }
}
