import CertifDocuments
import CertifHTTP
import CertifServices

extension WebApplication {
    /// Serves the plan as CSV for French Excel and as XLSX, with what the person may see of it: the
    /// sessions of his service or with his candidates, other territories' candidates without
    /// their identity (rule R15).
    func addPlanExportRoutes(to routes: inout WebRouter) {
        for format in ExportFormat.allCases {
            routes.page("/planification/plans/:id/export." + format.rawValue) { context in
                guard let text = context.request.pathParameters["id"], let id = Int(text) else {
                    throw ServiceError.notFound
                }
                let reference = context.reference
                let table = try await context.services { services in
                    let exportable = try services.exportablePlan(id: id)
                    return try ExportTable.plan(
                        exportable.plan,
                        candidates: exportable.candidates,
                        reference: reference
                    )
                }
                return try format.response(table, name: "plan-\(id)")
            }
        }
    }
}

extension WebApplication {
    /// Serves the candidate list with the filters of its page, every page of it, as CSV and XLSX.
    func addCandidateExportRoutes(to routes: inout WebRouter) {
        for format in ExportFormat.allCases {
            routes.page("/candidats/export." + format.rawValue) { context in
                let reference = context.reference
                let today = context.today
                let filters: CandidateFilters
                switch CandidateListQuery(context.request.query).filters(reference: reference) {
                case .success(let valid): filters = valid
                case .failure(let failure): throw ServiceError.invalid(failure.messages)
                }
                let table = try await context.services { services in
                    let exportable = try services.exportableCandidates(filters, today: today)
                    return try ExportTable.candidates(
                        exportable.candidates,
                        settings: exportable.settings,
                        reference: reference,
                        fixedSessions: exportable.sessions
                    )
                }
                return try format.response(table, name: "candidats-" + today.iso)
            }
        }
    }
}
