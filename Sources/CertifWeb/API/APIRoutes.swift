import CertifAuth
import CertifHTTP
import Foundation

/// The account that a token acts for, as `GET /api/v1/me` returns it.
struct APIAccount: Encodable {
    var login: String
    var displayName: String
    /// "national-administrator", "regional-officer" or "national-reader".
    var role: String
    var territory: String?

    init(_ account: Account) {
        login = account.login
        displayName = account.displayName
        switch account.role {
        case .nationalAdministrator:
            role = "national-administrator"
        case .regionalOfficer(let code):
            role = "regional-officer"
            territory = code.rawValue
        case .nationalReader:
            role = "national-reader"
        }
    }
}

extension WebApplication {
    func addAPIRoutes(to routes: inout WebRouter) {
        routes.api(.get, "/api/v1/me") { context in
            try APIJSON.response(APIAccount(context.account))
        }
        // Any other path under /api gets a JSON 404, not the HTML page.
        for method in [HTTPMethod.get, .post, .put, .patch, .delete] {
            routes.api(method, "/api/*rest") { _ in throw APIError.notFound }
        }
    }
}
