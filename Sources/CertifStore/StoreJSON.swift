import Foundation

/// The JSON form of the values that the store keeps in its `json`, `before` and `after`
/// columns: keys sorted, so that equal values give equal text.
enum StoreJSON {
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            throw StoreError(
                code: .encodingFailed,
                message: "encoding a \(type(of: value)) as JSON failed",
                cause: error
            )
        }
    }

    /// Decodes the JSON `text` read from `column`, which the error names.
    static func decode<Value: Decodable>(
        _ type: Value.Type,
        from text: String,
        column: String
    ) throws -> Value {
        do {
            return try JSONDecoder().decode(type, from: Data(text.utf8))
        } catch {
            throw StoreError(
                code: .invalidStoredData,
                message: "column \(column) does not contain a valid \(type) in JSON",
                cause: error
            )
        }
    }
}
