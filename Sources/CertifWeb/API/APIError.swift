import CertifHTTP
import CertifServices
import CertifStore
import Foundation

/// An error of the JSON API, sent as
/// `{"error": {"code": "...", "message": "...", "fields": {...}, "requestId": "..."}}`.
///
/// Messages of the API are in English for the integrators who read them, except the field
/// messages that services write for people, which stay French.
public struct APIError: Error, Sendable {
    public var status: HTTPStatus
    public var code: String
    public var message: String
    public var fields: [String: String]

    public init(
        status: HTTPStatus,
        code: String,
        message: String,
        fields: [String: String] = [:]
    ) {
        self.status = status
        self.code = code
        self.message = message
        self.fields = fields
    }

    static let unauthorized = APIError(
        status: .unauthorized,
        code: "unauthorized",
        message: "send a valid API token: Authorization: Bearer certif_…"
    )

    static let notFound = APIError(
        status: .notFound,
        code: "not-found",
        message: "no such resource, or the token's account may not see it"
    )

    init(_ error: ServiceError) {
        switch error.code {
        case .notFound:
            self = .notFound
        case .invalid:
            self.init(
                status: .unprocessableContent,
                code: "invalid",
                message: "the request has invalid values; see fields",
                fields: error.fieldErrors
            )
        case .conflict:
            self.init(status: .conflict, code: "conflict", message: error.message)
        }
    }

    struct Body: Encodable {
        struct Content: Encodable {
            var code: String
            var message: String
            var fields: [String: String]?
            var requestId: String
        }

        var error: Content
    }

    func response(requestID: String) -> HTTPResponse {
        let body = Body(
            error: Body.Content(
                code: code,
                message: message,
                fields: fields.isEmpty ? nil : fields,
                requestId: requestID
            )
        )
        var response =
            (try? APIJSON.response(body, status: status))
            ?? HTTPResponse(status: status)
        if status == .unauthorized {
            response.headers.add(name: "WWW-Authenticate", value: "Bearer realm=\"certif\"")
        }
        return response
    }

    /// Describes a decoding error in one sentence that names the field's path.
    static func describe(_ error: DecodingError) -> String {
        func path(_ codingPath: [any CodingKey]) -> String {
            let text = codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
                .joined(separator: ".")
            return text.isEmpty ? "the body" : text
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "\(path(context.codingPath + [key])) is missing"
        case .typeMismatch(let type, let context):
            return "\(path(context.codingPath)) has the wrong type; expected \(type)"
        case .valueNotFound(let type, let context):
            return "\(path(context.codingPath)) is null; expected \(type)"
        case .dataCorrupted(let context):
            return "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "the body is not the JSON expected"
        }
    }
}
