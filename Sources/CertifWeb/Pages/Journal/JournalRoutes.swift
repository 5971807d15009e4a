import CertifHTML
import CertifHTTP
import CertifServices

extension WebApplication {
    /// Adds the journal: national administrators read the whole audit log, regional officers
    /// the part that `CertifServices.auditScope` gives them, national readers nothing (404).
    func addJournalRoutes(to routes: inout WebRouter) {
        routes.page("/journal") { context in
            typealias Field = JournalQuery.Field
            let request = context.request
            let query = JournalQuery(
                actor: request.query[Field.actor] ?? "",
                action: request.query[Field.action] ?? "",
                entity: request.query[Field.entity] ?? "",
                from: request.query[Field.from] ?? "",
                to: request.query[Field.to] ?? "",
                candidate: request.query[Field.candidate] ?? "",
                page: request.query[Field.page] ?? ""
            )
            do {
                let page = try await context.services { services in
                    try services.journal(query)
                }
                return try journalPage(context, query: query, page: page)
            } catch let error as ServiceError where error.code == .invalid {
                // The form comes back with the errors and without entries, so that a wrong
                // filter never shows a list that it did not filter.
                let vocabulary = try await context.services { services in
                    try services.journalVocabulary()
                }
                return try journalPage(
                    context,
                    query: query,
                    page: nil,
                    vocabulary: vocabulary,
                    errors: error.fieldErrors,
                    status: .badRequest
                )
            }
        }
    }
}
