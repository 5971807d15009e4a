import CertifHTTP
import Foundation

/// The fields of a posted form, URL-encoded or multipart, with its files.
public struct PostedForm: Sendable {
    /// The text fields, first value of each name.
    private var values: [String: String] = [:]
    private var allValues: [String: [String]] = [:]
    /// The file parts by field name, those that carry a file name.
    public private(set) var files: [String: MultipartBody.Part] = [:]

    public init(_ request: HTTPRequest) throws {
        if request.mediaType == "multipart/form-data" {
            for part in try request.multipartBody().parts {
                if part.filename != nil {
                    files[part.name] = files[part.name] ?? part
                } else {
                    add(part.name, part.text ?? "")
                }
            }
        } else {
            for field in try request.formBody().fields {
                add(field.name, field.value)
            }
        }
    }

    /// Creates a form with the given fields, for tests.
    public init(fields: [(String, String)]) {
        for (name, value) in fields {
            add(name, value)
        }
    }

    private mutating func add(_ name: String, _ value: String) {
        if values[name] == nil {
            values[name] = value
        }
        allValues[name, default: []].append(value)
    }

    /// The first value of the field, or nil when the form has none.
    public subscript(name: String) -> String? { values[name] }

    /// Returns the value without the spaces around it, empty when the field is missing.
    public func trimmed(_ name: String) -> String {
        (values[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Returns every value of a field that appears several times, such as checkboxes.
    public func all(_ name: String) -> [String] { allValues[name] ?? [] }
}
