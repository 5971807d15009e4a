/// The reason a service rejected a request, in terms that every front end can turn into its
/// own response: a page, a JSON error, an exit status.
///
/// `message` and the field messages are French sentences for the person who made the request.
/// They may quote what he typed, so `description`, meant for logs, leaves them out.
public struct ServiceError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable {
        /// The object does not exist, or the person may not see it. Both get the same
        /// response, so that an officer cannot tell another territory's candidate from a
        /// missing one.
        case notFound = "not-found"
        /// The values sent are invalid, and `fieldErrors` gives which and why.
        case invalid
        /// The request cannot be carried out in the object's current state.
        case conflict
    }

    public var code: Code
    public var message: String
    /// French messages by field name, for forms that show each error next to its field.
    public var fieldErrors: [String: String]

    public init(code: Code, message: String, fieldErrors: [String: String] = [:]) {
        self.code = code
        self.message = message
        self.fieldErrors = fieldErrors
    }

    public static let notFound = ServiceError(
        code: .notFound,
        message: "Cette page n’existe pas, ou vous n’y avez pas accès."
    )

    public static func invalid(
        _ fieldErrors: [String: String],
        message: String? = nil
    )
        -> ServiceError
    {
        ServiceError(
            code: .invalid,
            message: message
                ?? (fieldErrors.count == 1
                    ? "Le formulaire contient une erreur."
                    : "Le formulaire contient \(fieldErrors.count) erreurs."),
            fieldErrors: fieldErrors
        )
    }

    public var description: String {
        "ServiceError(\(code.rawValue), fields: \(fieldErrors.keys.sorted()))"
    }
}
