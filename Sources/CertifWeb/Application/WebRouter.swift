import CertifAuth
import CertifHTML
import CertifHTTP
import CertifServices
import CertifStore
import Foundation

/// Adds the application's routes to a `Router`, wrapping each handler with what every route
/// of its kind needs, so that no page can forget it:
/// - every answer gets the security headers, and a `ServiceError` becomes its French page;
/// - `page` and `action` routes require a logged-in person, and send anybody else to the
///   login page;
/// - `action` routes are POST routes whose form must carry the CSRF token made for its path.
struct WebRouter {
    let application: WebApplication
    var router = Router()

    init(application: WebApplication) {
        self.application = application
    }

    /// A route open to everybody, for the login page and the static files.
    mutating func open(
        _ method: HTTPMethod,
        _ pattern: String,
        cacheable: Bool = false,
        handler: @escaping @Sendable (HTTPRequest) async throws -> HTTPResponse
    ) {
        let application = application
        router.add(method, pattern) { request in
            var response: HTTPResponse
            do {
                response = try await handler(request)
            } catch let error as ServiceError {
                response = application.errorPage(for: error, requestID: request.id)
            }
            SecurityHeaders.apply(to: &response, cacheable: cacheable)
            return response
        }
    }

    /// A page shown with GET to a logged-in person.
    mutating func page(
        _ pattern: String,
        handler: @escaping @Sendable (WebContext) async throws -> HTTPResponse
    ) {
        let application = application
        open(.get, pattern) { request in
            guard let context = try await application.context(for: request) else {
                return application.redirectToLogin(from: request)
            }
            return try await handler(context)
        }
    }

    /// A form posted by a logged-in person, URL-encoded or, with `bodyLimit: .fileUpload`,
    /// multipart. The handler runs only when the form's CSRF token is valid for this path.
    mutating func action(
        _ pattern: String,
        bodyLimit: BodyLimit = .form,
        handler: @escaping @Sendable (WebContext, PostedForm) async throws -> HTTPResponse
    ) {
        let application = application
        router.add(.post, pattern, bodyLimit: bodyLimit) { request in
            var response: HTTPResponse
            do {
                if let context = try await application.context(for: request) {
                    let form = try PostedForm(request)
                    guard try context.isValidCSRFToken(form[csrfFieldName]) else {
                        throw HTTPError.csrfRejected
                    }
                    response = try await handler(context, form)
                } else {
                    response = application.redirectToLogin(from: request)
                }
            } catch let error as ServiceError {
                response = application.errorPage(for: error, requestID: request.id)
            }
            SecurityHeaders.apply(to: &response)
            return response
        }
    }
}

extension HTTPError {
    /// A form posted without the token of its page, or with a token of another session.
    static let csrfRejected = HTTPError(
        status: .forbidden,
        publicMessage: "Ce formulaire a expiré ou ne vient pas de Certif. Rechargez la page et "
            + "envoyez-le de nouveau."
    )
}
