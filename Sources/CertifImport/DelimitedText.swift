/// One record of a delimited text file: its fields and the physical line where it starts.
struct DelimitedRecord {
    /// The 1-based physical line of the record's first character.
    var line: Int
    /// The fields, unquoted and untrimmed. Line breaks inside quotes are kept as "\n".
    var fields: [String]
    /// The index of a quoted field whose closing quote is missing. That field then runs to the
    /// end of the text, so this is always the last record.
    var unterminatedField: Int?
    /// The physical line where the unterminated quote opens.
    var unterminatedLine: Int?

    /// Whether every field is empty or spaces, as in an empty line or the `;;;;` row that a
    /// spreadsheet writes for a blank row.
    var isBlank: Bool {
        unterminatedField == nil
            && fields.allSatisfy { $0.unicodeScalars.allSatisfy(\.properties.isWhitespace) }
    }
}

/// A reader of comma, semicolon or tab separated text as RFC 4180 describes it: fields may be
/// quoted, and a quoted field may contain the delimiter, line breaks and doubled quotes.
///
/// It is more lenient than the RFC in two ways that spreadsheet files need. A line ends at CRLF,
/// LF or a lone CR. A quote inside an unquoted field, or text after a closing quote, is kept as
/// written instead of being rejected.
enum DelimitedText {
    static let candidateDelimiters: [Character] = [";", "\t", ","]

    /// Picks the delimiter that occurs most often outside quotes on the header line, the first
    /// line with a character other than spaces and delimiters. Ties go to the semicolon, then the
    /// tab, then the comma, and a line without any of them gives the semicolon.
    static func detectDelimiter(in text: String) -> Character {
        let delimiterScalars = candidateDelimiters.compactMap(\.unicodeScalars.first)
        var counts: [Unicode.Scalar: Int] = [:]
        var inQuotes = false
        var lineHasContent = false
        for scalar in text.unicodeScalars {
            if !inQuotes && (scalar == "\n" || scalar == "\r") {
                if lineHasContent { break }
                counts = [:]
                continue
            }
            if scalar == "\"" {
                inQuotes.toggle()
            } else if !inQuotes && delimiterScalars.contains(scalar) {
                counts[scalar, default: 0] += 1
                continue
            }
            if !scalar.properties.isWhitespace {
                lineHasContent = true
            }
        }

        var best: Character = ";"
        var bestCount = 0
        for (delimiter, scalar) in zip(candidateDelimiters, delimiterScalars) {
            let count = counts[scalar] ?? 0
            if count > bestCount {
                best = delimiter
                bestCount = count
            }
        }
        return best
    }

    /// Splits the text into records. Empty lines come out as records of one empty field, so
    /// that the caller decides whether to skip them.
    static func records(in text: String, delimiter: Character) -> [DelimitedRecord] {
        let scalars = Array(text.unicodeScalars)
        let separator = delimiter.unicodeScalars.first ?? ";"
        var records: [DelimitedRecord] = []
        var index = 0
        var line = 1

        // Consumes one line break at `index` (CRLF, LF or CR) and returns whether there was one.
        func consumeLineBreak() -> Bool {
            guard index < scalars.count else { return false }
            if scalars[index] == "\r" {
                index += 1
                if index < scalars.count && scalars[index] == "\n" {
                    index += 1
                }
            } else if scalars[index] == "\n" {
                index += 1
            } else {
                return false
            }
            line += 1
            return true
        }

        while index < scalars.count {
            var record = DelimitedRecord(line: line, fields: [])
            var field = String.UnicodeScalarView()
            var recordEnded = false

            while !recordEnded {
                if index < scalars.count && scalars[index] == "\"" {
                    let openingLine = line
                    index += 1
                    var closed = false
                    while index < scalars.count {
                        let scalar = scalars[index]
                        if scalar == "\"" {
                            if index + 1 < scalars.count && scalars[index + 1] == "\"" {
                                field.append("\"")
                                index += 2
                            } else {
                                index += 1
                                closed = true
                                break
                            }
                        } else if consumeLineBreak() {
                            field.append("\n")
                        } else {
                            field.append(scalar)
                            index += 1
                        }
                    }
                    if !closed {
                        record.unterminatedField = record.fields.count
                        record.unterminatedLine = openingLine
                        record.fields.append(String(field))
                        records.append(record)
                        return records
                    }
                }

                // Unquoted text, or what follows a closing quote, up to the delimiter or the end
                // of the line.
                while index < scalars.count && scalars[index] != separator
                    && scalars[index] != "\n" && scalars[index] != "\r"
                {
                    field.append(scalars[index])
                    index += 1
                }
                record.fields.append(String(field))
                field = String.UnicodeScalarView()

                if index < scalars.count && scalars[index] == separator {
                    index += 1
                } else {
                    _ = consumeLineBreak()
                    recordEnded = true
                }
            }
            records.append(record)
        }
        return records
    }
}
