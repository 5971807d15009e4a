import CertifAuth
import CertifHTTP
import CertifServices
import CertifStore
import Foundation

extension WebRouter {
    /// A route of the JSON API. It needs an API token in `Authorization: Bearer`; cookies are
    /// ignored, so a browser's session can never act on the API and no CSRF token is needed.
    /// Errors, a refused token included, are answered as JSON.
    mutating func api(
        _ method: HTTPMethod,
        _ pattern: String,
        handler: @escaping @Sendable (APIContext) async throws -> HTTPResponse
    ) {
        let application = application
        router.add(method, pattern) { request in
            var response: HTTPResponse
            do {
                guard let context = try await application.apiContext(for: request) else {
                    throw APIError.unauthorized
                }
                response = try await handler(context)
            } catch let error as APIError {
                response = error.response(requestID: request.id)
            } catch let error as ServiceError {
                response = APIError(error).response(requestID: request.id)
            } catch let error as BodyParseError {
                response = APIError(
                    status: error.status,
                    code: error.code.rawValue,
                    message: error.message
                ).response(requestID: request.id)
            }
            SecurityHeaders.apply(to: &response)
            return response
        }
    }
}

extension WebApplication {
    /// A token's last use is written only when older than this, as a session's last request.
    static let tokenUseInterval: TimeInterval = 60

    /// Returns the context of an API request whose bearer token is valid, or nil.
    func apiContext(for request: HTTPRequest) async throws -> APIContext? {
        guard let header = request.headers["Authorization"],
            header.lowercased().hasPrefix("bearer "),
            let token = APIToken(text: header.dropFirst(7).trimmingCharacters(in: .whitespaces))
        else {
            return nil
        }
        let hash = try token.hash()
        let now = configuration.now()
        let account = try await stores.run { store -> Account? in
            guard let (record, account) = try store.apiToken(hash: hash) else {
                return nil
            }
            let last = record.lastUsedAt ?? .distantPast
            if now.timeIntervalSince(last) >= Self.tokenUseInterval {
                try store.recordAPITokenUse(id: record.id, at: now)
            }
            return account
        }
        return account.map { APIContext(request: request, account: $0, application: self) }
    }
}
