import CertifAuth
import CertifDomain
import CertifHTML
import CertifHTTP
import CertifServices
import CertifStore
import Foundation

/// A request of a logged-in person, with what pages need to respond to it: his account, his
/// session's CSRF secret, the services and the page frame.
public struct WebContext: Sendable {
    public let request: HTTPRequest
    public let account: Account
    let sessionHash: TokenHash
    let csrfSecret: CSRFSecret
    let application: WebApplication

    public var reference: ReferenceData { application.reference }
    public var today: CivilDate { application.configuration.today }

    /// Runs `body` with the person's services on a database connection, off the threads
    /// that serve requests.
    public func services<Result: Sendable>(
        _ body: @escaping @Sendable (CertifServices) throws -> Result
    ) async throws -> Result {
        let account = account
        let reference = reference
        return try await application.stores.run { store in
            try body(
                CertifServices(store: store, account: account, reference: reference, channel: .web)
            )
        }
    }

    /// Returns a new CSRF token for the form that posts to `action` (its path, without query).
    public func csrfToken(for action: String) throws -> String {
        try csrfSecret.token(for: Self.formName(action))
    }

    func isValidCSRFToken(_ token: String?) throws -> Bool {
        guard let token else { return false }
        return try csrfSecret.isValid(token, for: Self.formName(request.path))
    }

    private static func formName(_ action: String) -> String {
        String(action.prefix { $0 != "?" && $0 != "#" })
    }

    /// Builds a form posted to `action` with its CSRF token. Every form that posts must be
    /// made here.
    public func postForm(
        action: String,
        multipart: Bool = false,
        _ attributes: Attribute...,
        @NodeBuilder content: () -> [Node]
    ) throws -> Node {
        let token = try csrfToken(for: action)
        let extra = multipart ? [Attribute.multipartFormData] : []
        return form(action: action, method: .post) {
            csrfInput(token: token)
            content()
        }.addingAttributes(extra + attributes)
    }

    /// Returns a 303 to `path`, whose page then shows `notice` once.
    public func redirect(to path: String, notice: String? = nil) -> HTTPResponse {
        if let notice {
            application.flash.set(notice, for: sessionHash)
        }
        return .redirect(to: path)
    }

    /// Builds a whole page in the application's frame, with the navigation of the person's role, his
    /// name and the logout button, and the notice that a redirect left for this page.
    public func page(
        title: String,
        status: HTTPStatus = .ok,
        @NodeBuilder content: () -> [Node]
    ) throws -> HTTPResponse {
        let notice = application.flash.take(for: sessionHash)
        let layout = application.layout(navigation: Navigation.links(for: account))
        let tools = try headerTools()
        let document = layout.page(title: title, currentPath: request.path, headerTools: tools) {
            if let notice {
                div(.class("fr-alert", "fr-alert--success", "fr-alert--sm", "fr-mb-4w")) {
                    p { notice }
                }
            }
            content()
        }
        return .html(document.render(), status: status)
    }

    private func headerTools() throws -> Node {
        let logout = try postForm(action: "/deconnexion", .class("certif-inline-form")) {
            button(type: .submit, .class("fr-btn", "fr-icon-logout-box-r-line")) {
                "Se déconnecter"
            }
        }
        return ul(.class("fr-btns-group")) {
            li {
                a(href: "/compte", .class("fr-btn", "fr-icon-account-circle-line")) {
                    account.displayName
                }
            }
            li { logout }
        }
    }
}
