import CertifDomain
import CertifHTML
import CertifHTTP
import CertifServices

// The Référentiel pages, for national administrators only: the services throw `notFound`
// for every other role, so each of these routes is a 404 for them.

extension WebApplication {
    func addReferenceRoutes(to routes: inout WebRouter) {
        routes.page("/referentiel") { context in
            let overview = try await context.services { services in
                try services.referenceOverview()
            }
            return try referencePage(context, overview: overview)
        }
        routes.action("/referentiel/dispositif/:diplome/:voie") { context, posted in
            try await postSchemeRule(context, posted: posted)
        }
        routes.action("/referentiel/reglages") { context, posted in
            try await postSettings(context, posted: posted)
        }
    }
}

private func postSchemeRule(_ context: WebContext, posted: PostedForm) async throws -> HTTPResponse
{
    typealias Field = SchemeRuleChange.Field
    let diploma = context.request.pathParameters["diplome"] ?? ""
    let route = context.request.pathParameters["voie"] ?? ""
    let change = SchemeRuleChange(
        diploma: diploma,
        route: route,
        organizer: posted.trimmed(Field.organizer),
        coverage: posted.trimmed(Field.coverage),
        homeTerritories: posted.all(Field.homeTerritories)
    )
    do {
        let changed = try await context.services { services in
            try services.updateNationalScheme(change)
        }
        let subject = "Dispositif national du \(diploma), voie \(route)"
        return context.redirect(
            to: "/referentiel#" + SchemeFormState.anchor(diploma: diploma, route: route),
            notice: changed
                ? subject + " enregistré : le prochain plan l’appliquera."
                : subject + " inchangé : les valeurs envoyées étaient déjà celles-ci."
        )
    } catch let error as ServiceError where error.code == .invalid {
        let overview = try await context.services { services in
            try services.referenceOverview()
        }
        let form = SchemeFormState(
            diploma: diploma,
            route: route,
            organizer: change.organizer,
            coverage: change.coverage,
            homeTerritories: Set(change.homeTerritories),
            errors: error.fieldErrors
        )
        return try referencePage(
            context,
            overview: overview,
            schemeForm: form,
            status: .unprocessableContent
        )
    }
}

private func postSettings(_ context: WebContext, posted: PostedForm) async throws -> HTTPResponse {
    var values: [String: String] = [:]
    for definition in SettingsCatalog.definitions {
        if let value = posted[definition.key] {
            values[definition.key] = value
        }
    }
    let sent = values
    do {
        let changed = try await context.services { services in
            try services.updateSettings(sent)
        }
        return context.redirect(
            to: "/referentiel#reglages",
            notice: changed
                ? "Réglages enregistrés : le prochain plan les appliquera."
                : "Réglages inchangés : les valeurs envoyées étaient déjà celles-ci."
        )
    } catch let error as ServiceError where error.code == .invalid {
        let overview = try await context.services { services in
            try services.referenceOverview()
        }
        return try referencePage(
            context,
            overview: overview,
            settingsForm: SettingsFormState(values: sent, errors: error.fieldErrors),
            status: .unprocessableContent
        )
    }
}

/// The scheme form of one diploma and route, as sent back with its errors.
struct SchemeFormState {
    var diploma: String
    var route: String
    var organizer: String
    var coverage: String
    var homeTerritories: Set<String>
    var errors: [String: String]

    /// Returns the id of the block of the pair's form, "dispositif-DEAF-VAE".
    static func anchor(diploma: String, route: String) -> String {
        "dispositif-" + Paths.segment(diploma) + "-" + Paths.segment(route)
    }
}

/// The settings form as sent back with its errors.
struct SettingsFormState {
    /// The texts typed, by setting key.
    var values: [String: String]
    var errors: [String: String]
}
