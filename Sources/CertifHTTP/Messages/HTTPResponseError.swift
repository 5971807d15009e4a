/// An error whose message is meant for the person who sent the request.
///
/// The server answers such an error with its status and French message. It answers any other
/// error with a bare 500 that gives only the request id, and logs the error itself.
public protocol HTTPResponseError: Error {
    var status: HTTPStatus { get }
    /// French text shown to the user. It names no internal detail.
    var publicMessage: String { get }
    /// Header fields that the response carries, such as `Allow` for a 405.
    var headers: HTTPHeaders { get }
}

extension HTTPResponseError {
    public var headers: HTTPHeaders { [:] }
}

/// A failed request with a status and a French message for the user: the error that handlers
/// throw to answer 404, 403 or 409.
public struct HTTPError: HTTPResponseError, Sendable, Equatable, CustomStringConvertible {
    public var status: HTTPStatus
    public var publicMessage: String
    public var headers: HTTPHeaders

    public init(status: HTTPStatus, publicMessage: String, headers: HTTPHeaders = [:]) {
        self.status = status
        self.publicMessage = publicMessage
        self.headers = headers
    }

    /// The status only: the public message may quote what the user typed.
    public var description: String { "HTTPError(status: \(status))" }

    public static let notFound = HTTPError(
        status: .notFound,
        publicMessage: "La page demandée n’existe pas."
    )

    static func methodNotAllowed(allowed: [HTTPMethod]) -> HTTPError {
        HTTPError(
            status: .methodNotAllowed,
            publicMessage: "Cette adresse n’accepte pas cette méthode HTTP.",
            headers: ["Allow": allowed.map(\.rawValue).joined(separator: ", ")]
        )
    }

    static let invalidTarget = HTTPError(
        status: .badRequest,
        publicMessage: "L’adresse demandée est mal formée."
    )

    static func contentTooLarge(limit: BodyLimit) -> HTTPError {
        HTTPError(
            status: .contentTooLarge,
            publicMessage: "La requête dépasse la taille maximale acceptée "
                + "(\(limit.frenchSize)). Envoyez un fichier plus petit."
        )
    }

    static let stopping = HTTPError(
        status: .serviceUnavailable,
        publicMessage: "Le service redémarre. Réessayez dans quelques instants."
    )
}
