import CertifHTML
import CertifHTTP
import CertifServices

extension WebApplication {
    /// The plain page of a failed request: its title, the French message and, for an
    /// unexpected failure, the reference that the log carries too.
    func errorPage(status: HTTPStatus, message: String, requestID: String) -> HTTPResponse {
        let title: String
        switch status.code {
        case 404: title = "Page introuvable"
        case 403: title = "Accès refusé"
        case 405: title = "Méthode non permise"
        case 409: title = "Action impossible"
        case 413: title = "Envoi trop volumineux"
        case 422: title = "Données refusées"
        case 429: title = "Trop de requêtes"
        case 500...: title = "Erreur inattendue"
        default: title = "Requête refusée"
        }
        let document = layout(navigation: []).page(title: title) {
            h1 { title }
            p(.class("fr-text--lead")) { message }
            if status.isServerError {
                p {
                    "Rien n’a été enregistré. Si le problème continue, transmettez cette "
                    "référence à l’assistance : "
                    strong { requestID }
                }
            } else {
                p(.class("fr-text--sm")) { "Référence : " + requestID }
            }
            p { a(href: "/", .class("fr-link")) { "Retour au tableau de bord" } }
        }
        var response = HTTPResponse.html(document.render(), status: status)
        SecurityHeaders.apply(to: &response)
        return response
    }

    /// The page of a request that a service refused.
    func errorPage(for error: ServiceError, requestID: String) -> HTTPResponse {
        let status: HTTPStatus
        switch error.code {
        case .notFound: status = .notFound
        case .invalid: status = .unprocessableContent
        case .conflict: status = .conflict
        }
        return errorPage(status: status, message: error.message, requestID: requestID)
    }
}
