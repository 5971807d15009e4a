/// A header value of the form `type; name=value; name="quoted value"`, as Content-Type and
/// Content-Disposition are written.
///
/// The parser is lenient: it never fails, a parameter without `=` is ignored, and a quoted
/// value that is never closed runs to the end of the text.
struct MediaType: Equatable {
    /// The part before the first `;`, trimmed and in lower case.
    var type: String
    /// The parameters, with names in lower case. The first of two equal names wins.
    var parameters: [String: String]

    /// Parses `text`. In a quoted value `\` escapes the next character when `backslashEscapes`
    /// is set, as RFC 9110 has it; browsers write Content-Disposition file names without
    /// escapes, so that a Windows path keeps its backslashes.
    init(parsing text: String, backslashEscapes: Bool = true) {
        let bytes = Array(text.utf8)
        var index = bytes.firstIndex(of: UInt8(ascii: ";")) ?? bytes.count
        type = String(decoding: trimmed(bytes[..<index]), as: UTF8.self).lowercased()
        parameters = [:]
        while index < bytes.count {
            index += 1  // The `;` before the parameter.
            let nameStart = index
            while index < bytes.count, bytes[index] != UInt8(ascii: "="),
                bytes[index] != UInt8(ascii: ";")
            {
                index += 1
            }
            let name = String(decoding: trimmed(bytes[nameStart..<index]), as: UTF8.self)
                .lowercased()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else {
                continue
            }
            index += 1
            while index < bytes.count, isWhitespace(bytes[index]) {
                index += 1
            }
            var value: [UInt8] = []
            if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
                index += 1
                while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                    if backslashEscapes, bytes[index] == UInt8(ascii: "\\"),
                        index + 1 < bytes.count
                    {
                        index += 1
                    }
                    value.append(bytes[index])
                    index += 1
                }
                // Skips the closing quote and anything up to the next `;`.
                while index < bytes.count, bytes[index] != UInt8(ascii: ";") {
                    index += 1
                }
            } else {
                let valueStart = index
                while index < bytes.count, bytes[index] != UInt8(ascii: ";") {
                    index += 1
                }
                value = Array(trimmed(bytes[valueStart..<index]))
            }
            if !name.isEmpty, parameters[name] == nil {
                parameters[name] = String(decoding: value, as: UTF8.self)
            }
        }
    }
}

func isWhitespace(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
}

/// `bytes` without the spaces and tabs at either end.
func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
    var slice = bytes
    while let first = slice.first, isWhitespace(first) {
        slice = slice.dropFirst()
    }
    while let last = slice.last, isWhitespace(last) {
        slice = slice.dropLast()
    }
    return slice
}
