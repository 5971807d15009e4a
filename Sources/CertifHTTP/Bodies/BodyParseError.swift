/// A request body that `FormBody` or `MultipartBody` cannot parse.
///
/// `message` is English for the log. It gives byte offsets, part numbers and limits but never
/// a byte of the body, because bodies carry passwords and personal data, so `description` is
/// safe to log. The server answers the error with `status` and `publicMessage`.
public struct BodyParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of failure, stable across releases so that callers can match on it.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String

        public init(rawValue: String) {
            self.rawValue = rawValue
        }

        public var description: String { rawValue }

        /// A `%` not followed by two hexadecimal digits.
        public static let invalidPercentEscape = Code(rawValue: "invalid-percent-escape")
        /// Bytes that are not UTF-8 once decoded.
        public static let invalidUTF8 = Code(rawValue: "invalid-utf8")
        public static let tooManyFields = Code(rawValue: "too-many-fields")
        /// A Content-Type other than the one that the parser reads.
        public static let unsupportedMediaType = Code(rawValue: "unsupported-media-type")
        /// A multipart Content-Type without a boundary parameter.
        public static let missingBoundary = Code(rawValue: "missing-boundary")
        /// A boundary longer than 70 characters or with a character that RFC 2046 forbids.
        public static let invalidBoundary = Code(rawValue: "invalid-boundary")
        /// A multipart body in which the boundary never appears.
        public static let missingDelimiter = Code(rawValue: "missing-delimiter")
        /// A delimiter line followed by something other than CRLF or "--".
        public static let invalidDelimiter = Code(rawValue: "invalid-delimiter")
        /// A part whose headers or body the body ends in, before the closing delimiter.
        public static let unterminatedPart = Code(rawValue: "unterminated-part")
        public static let tooManyParts = Code(rawValue: "too-many-parts")
        public static let partHeadersTooLarge = Code(rawValue: "part-headers-too-large")
        public static let invalidPartHeader = Code(rawValue: "invalid-part-header")
        /// A part without `Content-Disposition: form-data`.
        public static let missingContentDisposition = Code(rawValue: "missing-content-disposition")
        /// A part whose Content-Disposition has no name parameter.
        public static let missingPartName = Code(rawValue: "missing-part-name")
    }

    public var code: Code
    public var message: String
    /// The byte offset in the body where the fault starts, 0 for the first byte.
    public var offset: Int?

    public init(code: Code, message: String, offset: Int? = nil) {
        self.code = code
        self.message = message
        self.offset = offset
    }

    public var description: String { "BodyParseError(\(code)): \(message)" }
}

extension BodyParseError: HTTPResponseError {
    public var status: HTTPStatus {
        switch code {
        case .unsupportedMediaType: return .unsupportedMediaType
        case .tooManyFields, .tooManyParts: return .contentTooLarge
        default: return .badRequest
        }
    }

    public var publicMessage: String {
        switch code {
        case .unsupportedMediaType:
            return "Le format des données envoyées n’est pas celui attendu par ce formulaire."
        case .tooManyFields:
            return "Le formulaire envoyé contient trop de champs."
        case .tooManyParts:
            return "L’envoi contient trop de fichiers ou de champs."
        default:
            return "Les données envoyées sont mal formées ou incomplètes. Envoyez de nouveau "
                + "le formulaire."
        }
    }
}
