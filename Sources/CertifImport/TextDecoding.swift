import Foundation

/// The text of a candidate file and the encoding it was read in.
struct DecodedText {
    var text: String
    /// "UTF-8", "UTF-8 avec BOM" or "Windows-1252".
    var encoding: String
}

/// A file that cannot be read as text, with the French message that explains how to save it
/// instead.
struct UndecodableFile: Error {
    var code: CandidateFileIssue.Code
    var encoding: String
    var message: String
}

enum TextDecoding {
    /// Decodes the bytes as UTF-8, with or without a byte order mark, or else as Windows-1252,
    /// the encoding that Excel on Windows uses for « CSV (séparateur : point-virgule) ».
    ///
    /// Throws for a UTF-16 byte order mark, for a ZIP archive (an .xlsx workbook) and for any NUL
    /// byte, which a text file never contains but UTF-16 without a byte order mark does. Throws
    /// too for bytes that are not valid UTF-8 but contain valid UTF-8 multi-byte sequences,
    /// because reading them in either encoding would garble some accented letters.
    static func decode(_ data: Data) throws(UndecodableFile) -> DecodedText {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw UndecodableFile(
                code: .unsupportedEncoding,
                encoding: "UTF-16",
                message: """
                    Le fichier est encodé en UTF-16 (« texte Unicode »), que Certif ne lit pas. \
                    Enregistrez-le au format « CSV UTF-8 (délimité par des virgules) » ou \
                    « CSV (séparateur : point-virgule) », puis importez-le à nouveau.
                    """
            )
        }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            throw UndecodableFile(
                code: .notText,
                encoding: "inconnu",
                message: """
                    Le fichier est un classeur Excel (.xlsx) ou une archive ZIP, pas un fichier \
                    CSV. Ouvrez-le dans le tableur et enregistrez-le au format « CSV UTF-8 », \
                    puis importez ce fichier CSV.
                    """
            )
        }
        if bytes.contains(0x00) {
            throw UndecodableFile(
                code: .notText,
                encoding: "inconnu",
                message: """
                    Le fichier contient des octets nuls, ce qui n'arrive pas dans un fichier CSV \
                    texte : il est sans doute en UTF-16 ou binaire. Enregistrez-le au format \
                    « CSV UTF-8 », puis importez-le à nouveau.
                    """
            )
        }

        let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
        if bytes.starts(with: byteOrderMark) {
            let body = bytes.dropFirst(byteOrderMark.count)
            guard let text = String(validating: body, as: UTF8.self) else {
                // The mark declares UTF-8, so reading the file as Windows-1252 would garble its
                // valid accented letters. The user is sent to the broken line instead.
                throw UndecodableFile(
                    code: .unsupportedEncoding,
                    encoding: "UTF-8 avec BOM",
                    message: """
                        Le fichier s'annonce en UTF-8 mais contient des octets invalides en \
                        UTF-8, le premier à la ligne \(NonASCIILines(body).firstInvalidUTF8 ?? 1). \
                        Corrigez cette ligne, ou enregistrez à nouveau le fichier au format \
                        « CSV UTF-8 ».
                        """
                )
            }
            return DecodedText(text: text, encoding: "UTF-8 avec BOM")
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return DecodedText(text: text, encoding: "UTF-8")
        }
        // A file that mixes valid UTF-8 sequences such as C3 A9 (é) with bytes that are invalid
        // in UTF-8 was edited or assembled in two encodings. Read as Windows-1252, its UTF-8
        // letters would become "Ã©". Read as UTF-8, its Windows-1252 letters would be lost.
        let lines = NonASCIILines(bytes)
        if let utf8Line = lines.firstUTF8MultiByte, let windows1252Line = lines.firstInvalidUTF8 {
            throw UndecodableFile(
                code: .mixedEncoding,
                encoding: "UTF-8 et Windows-1252",
                message: mixedEncodingMessage(utf8Line: utf8Line, windows1252Line: windows1252Line)
            )
        }
        // NOTE: a file that is all Windows-1252 is still rejected as mixed when an upper-case
        // accented letter comes right before a no-break space, ’ or «. Such a pair is also valid
        // UTF-8, as C9 A0 ("É" and a no-break space) is. Saving the file as CSV UTF-8 fixes it.
        return DecodedText(text: windows1252String(bytes), encoding: "Windows-1252")
    }

    private static func mixedEncodingMessage(utf8Line: Int, windows1252Line: Int) -> String {
        let lines =
            utf8Line == windows1252Line
            ? """
            la ligne \(utf8Line) contient à la fois des caractères encodés en UTF-8 et des \
            caractères encodés en Windows-1252
            """
            : """
            la ligne \(utf8Line) est la première à contenir des caractères encodés en UTF-8, et \
            la ligne \(windows1252Line) la première à contenir des caractères encodés en \
            Windows-1252
            """
        return """
            Le fichier mélange deux encodages : \(lines). Lu dans un seul encodage, il donnerait \
            des lettres accentuées erronées, comme « HÃ©lÃ¨ne » pour « Hélène ». Ouvrez-le dans \
            le tableur, corrigez les lettres accentuées qui s'affichent mal, puis enregistrez tout \
            le fichier au format « CSV UTF-8 » et importez-le à nouveau.
            """
    }

    /// Decodes Windows-1252. Bytes 0x80 to 0x9F map to the typographic characters of that code
    /// page. The five bytes that it leaves undefined map to the C1 control characters of the same
    /// value, so that the reader's control character check rejects them.
    static func windows1252String(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes {
            let value: UInt32
            if (0x80...0x9F).contains(byte) {
                value = windows1252High[Int(byte - 0x80)]
            } else {
                // Outside 0x80...0x9F, Windows-1252 matches ISO 8859-1, whose bytes are the first
                // 256 Unicode code points.
                value = UInt32(byte)
            }
            if let scalar = Unicode.Scalar(value) {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// Code points of bytes 0x80 to 0x9F in Windows-1252 (0x80 is €, 0x92 is ’, 0x9C is œ), with
    /// the undefined bytes kept as C1 controls.
    private static let windows1252High: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]
}

/// The first line with each kind of non-ASCII byte sequence. Lines are counted from 1 as the
/// reader counts physical lines, so that CRLF, LF and a lone CR each end one line.
struct NonASCIILines {
    /// The first line with a valid UTF-8 sequence of two to four bytes, such as C3 A9 for é.
    private(set) var firstUTF8MultiByte: Int?
    /// The first line with a byte that is not part of a valid UTF-8 sequence.
    private(set) var firstInvalidUTF8: Int?

    init(_ bytes: some Collection<UInt8>) {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var line = 1
        var afterCarriageReturn = false
        while firstUTF8MultiByte == nil || firstInvalidUTF8 == nil {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                if encoded.count > 1 {
                    firstUTF8MultiByte = firstUTF8MultiByte ?? line
                } else if encoded.first == 0x0D {
                    line += 1
                } else if encoded.first == 0x0A && !afterCarriageReturn {
                    line += 1
                }
                afterCarriageReturn = encoded.count == 1 && encoded.first == 0x0D
            case .error:
                // An invalid sequence never contains an ASCII byte, so no line break is skipped.
                firstInvalidUTF8 = firstInvalidUTF8 ?? line
                afterCarriageReturn = false
            case .emptyInput:
                return
            }
        }
    }
}
