import CertifDomain
import CertifHTTP
import CertifServices

extension WebApplication {
    /// The candidate pages: the list, one candidate, the form to create or edit one, and the
    /// two-step import of a file. Every page returns 404 to a person who may not see it.
    func addCandidateRoutes(to routes: inout WebRouter) {
        routes.page("/candidats") { context in
            try await candidateListPage(context)
        }
        addCandidateFormRoutes(to: &routes)
        addCandidateImportRoutes(to: &routes)
        routes.page("/candidats/:id") { context in
            try await candidateDetailPage(context, id: context.request.pathParameters["id"] ?? "")
        }
    }

    private func addCandidateFormRoutes(to routes: inout WebRouter) {
        routes.page("/candidats/nouveau") { context in
            let territories = try await writableTerritories(context)
            let values = CandidateFormValues(values: [
                .territory: territories.count == 1 ? territories[0].rawValue : "",
                .remote: "oui",
            ])
            return try candidateFormPage(
                context,
                CandidateFormState(values: values, territories: territories)
            )
        }
        routes.action("/candidats/nouveau") { context, posted in
            let territories = try await writableTerritories(context)
            let values = CandidateFormState.values(of: posted)
            let today = context.today
            do {
                let candidate = try await context.services { services in
                    try services.createCandidate(values, today: today)
                }
                return context.redirect(
                    to: Paths.candidate(candidate.id),
                    notice: "Le candidat a été créé."
                )
            } catch let error as ServiceError where error.code == .invalid {
                let state = CandidateFormState(
                    values: values,
                    errors: error.fieldErrors,
                    territories: territories
                )
                return try candidateFormPage(context, state, status: .unprocessableContent)
            }
        }
        routes.page("/candidats/:id/modifier") { context in
            let id = context.request.pathParameters["id"] ?? ""
            let (candidate, territories) = try await editableCandidate(context, id: id)
            let state = CandidateFormState(
                editedID: candidate.id,
                values: CandidateFormValues(candidate),
                territories: territories
            )
            return try candidateFormPage(context, state)
        }
        routes.action("/candidats/:id/modifier") { context, posted in
            let id = context.request.pathParameters["id"] ?? ""
            let (candidate, territories) = try await editableCandidate(context, id: id)
            let values = CandidateFormState.values(of: posted)
            let today = context.today
            do {
                let changed = try await context.services { services in
                    try services.updateCandidate(id: candidate.id, values, today: today)
                }
                return context.redirect(
                    to: Paths.candidate(candidate.id),
                    notice: changed
                        ? "Les modifications ont été enregistrées."
                        : "Aucune valeur n’a changé : rien n’a été enregistré."
                )
            } catch let error as ServiceError where error.code == .invalid {
                let state = CandidateFormState(
                    editedID: candidate.id,
                    values: values,
                    errors: error.fieldErrors,
                    territories: territories
                )
                return try candidateFormPage(context, state, status: .unprocessableContent)
            }
        }
    }

    private func addCandidateImportRoutes(to routes: inout WebRouter) {
        routes.page("/candidats/import") { context in
            _ = try await writableTerritories(context)
            return try candidateImportPage(context)
        }
        routes.action("/candidats/import", bodyLimit: .fileUpload) { context, posted in
            _ = try await writableTerritories(context)
            guard let file = posted.files["fichier"], file.filename?.isEmpty == false else {
                return try candidateImportPage(
                    context,
                    error: "Choisissez le fichier des candidats à importer.",
                    status: .unprocessableContent
                )
            }
            let binding = context.sessionHash.hex
            let today = context.today
            let preview = try await context.services { services in
                try services.previewImport(
                    data: file.body,
                    filename: file.filename ?? "",
                    binding: binding,
                    today: today
                )
            }
            return try importPreviewPage(context, preview)
        }
        routes.action("/candidats/import/confirmer") { context, posted in
            let uploadID = posted.trimmed("envoi")
            let binding = context.sessionHash.hex
            let today = context.today
            let outcome = try await context.services { services in
                try services.confirmImport(uploadID: uploadID, binding: binding, today: today)
            }
            let created = French.count(outcome.inserted, "candidat créé", "candidats créés")
            let updated = French.count(outcome.updated, "modifié")
            let unchanged = French.count(outcome.unchanged, "inchangé")
            return context.redirect(
                to: "/candidats",
                notice: "Import terminé : \(created), \(updated), \(unchanged)."
            )
        }
    }
}

/// Returns the territories where the person may create candidates. Throws `notFound` when there
/// is none, so that a reader gets 404 on every candidate form.
private func writableTerritories(_ context: WebContext) async throws -> [TerritoryCode] {
    let territories = try await context.services { services in services.writableTerritories }
    guard !territories.isEmpty else {
        throw ServiceError.notFound
    }
    return territories
}

/// Returns the candidate `id` and the territories of the form. Throws `notFound` when the
/// person may not edit him.
private func editableCandidate(
    _ context: WebContext,
    id: String
) async throws -> (Candidate, [TerritoryCode]) {
    try await context.services { services in
        let detail = try services.candidateDetail(id: id)
        guard detail.canEdit else {
            throw ServiceError.notFound
        }
        return (detail.candidate, services.writableTerritories)
    }
}
