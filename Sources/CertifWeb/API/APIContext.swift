import CertifAuth
import CertifDomain
import CertifHTTP
import CertifServices
import CertifStore
import Foundation

/// A request of the JSON API, authenticated by an API token, with the token's account.
public struct APIContext: Sendable {
    public let request: HTTPRequest
    public let account: Account
    let application: WebApplication

    public var reference: ReferenceData { application.reference }
    public var today: CivilDate { application.configuration.today }

    /// Runs `body` with the account's services, as `WebContext.services` does; writes are
    /// audited as "api:<login>".
    public func services<Result: Sendable>(
        _ body: @escaping @Sendable (CertifServices) throws -> Result
    ) async throws -> Result {
        let account = account
        let reference = reference
        return try await application.stores.run { store in
            try body(
                CertifServices(store: store, account: account, reference: reference, channel: .api)
            )
        }
    }

    /// Decodes the JSON body, or throws a 400 or 415 that names what is wrong and where.
    public func body<Value: Decodable>(_ type: Value.Type) throws -> Value {
        guard request.mediaType == "application/json" else {
            throw APIError(
                status: .unsupportedMediaType,
                code: "unsupported-media-type",
                message: "send the body as JSON with Content-Type: application/json"
            )
        }
        do {
            return try JSONDecoder().decode(type, from: request.body)
        } catch let error as DecodingError {
            throw APIError(
                status: .badRequest,
                code: "invalid-json",
                message: APIError.describe(error)
            )
        } catch {
            throw APIError(status: .badRequest, code: "invalid-json", message: "\(error)")
        }
    }

    /// The integer query parameter `name`, or `defaultValue` when it is absent; throws a 400
    /// naming the parameter when it is not a whole number within `range`.
    public func integer(
        _ name: String,
        default defaultValue: Int,
        range: ClosedRange<Int>
    )
        throws -> Int
    {
        guard let text = request.query[name], !text.isEmpty else { return defaultValue }
        guard let value = Int(text), range.contains(value) else {
            throw APIError(
                status: .badRequest,
                code: "invalid-parameter",
                message: "the query parameter \(name) is '\(text)'; expected a whole number "
                    + "from \(range.lowerBound) to \(range.upperBound)",
                fields: [name: "expected \(range.lowerBound)…\(range.upperBound)"]
            )
        }
        return value
    }
}

/// JSON written by the API: keys sorted so that responses are stable, dates as ISO 8601.
enum APIJSON {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    static func response(
        _ value: some Encodable,
        status: HTTPStatus = .ok
    ) throws
        -> HTTPResponse
    {
        try HTTPResponse.json(value, status: status, encoder: encoder)
    }
}
