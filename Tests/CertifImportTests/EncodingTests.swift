import CertifDomain
import Foundation
import Testing

@testable import CertifImport

@Suite struct EncodingTests {
    @Test func plainUTF8Detected() throws {
        let text = Fixtures.text(rows: [Fixtures.row(["prenoms": "Hélène"])])

        let result = try Fixtures.read(text)

        #expect(result.encoding == "UTF-8")
        #expect(result.issues.isEmpty)
        #expect(result.candidates.first?.candidate.givenNames == "Hélène")
    }

    @Test func byteOrderMarkRemoved() throws {
        let text = Fixtures.text(rows: [Fixtures.row(["prenoms": "Zoé"])])
        let data = Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)

        let result = try Fixtures.read(data)

        #expect(result.encoding == "UTF-8 avec BOM")
        #expect(result.issues.isEmpty)
        #expect(result.ignoredColumns.isEmpty)
        #expect(result.candidates.first?.candidate.id == "C001")
        #expect(result.candidates.first?.candidate.givenNames == "Zoé")
    }

    @Test func windows1252NameDecoded() throws {
        let text = Fixtures.text(rows: [
            Fixtures.row(["prenoms": "Hélène", "nom_naissance": "CŒUR"])
        ])
        // Windows-1252 writes é as 0xE9, è as 0xE8 and Œ as 0x8C. None of these bytes is valid
        // UTF-8 on its own.
        let bytes = try text.unicodeScalars.map { scalar -> UInt8 in
            switch scalar {
            case "é": 0xE9
            case "è": 0xE8
            case "Œ": 0x8C
            default: try #require(scalar.isASCII ? UInt8(exactly: scalar.value) : nil)
            }
        }

        let result = try Fixtures.read(Data(bytes))

        #expect(result.encoding == "Windows-1252")
        #expect(result.issues.isEmpty)
        #expect(result.candidates.first?.candidate.givenNames == "Hélène")
        #expect(result.candidates.first?.candidate.birthName == "CŒUR")
    }

    @Test func windows1252UndefinedByteRejected() throws {
        // 0x81 has no character in Windows-1252, so it decodes to a C1 control character.
        let text = Fixtures.text(rows: [Fixtures.row(["prenoms": "Ren#"])])
        let bytes = Array(text.utf8).map { $0 == UInt8(ascii: "#") ? 0x81 : $0 }

        let result = try Fixtures.read(Data(bytes))
        let issue = try Fixtures.onlyIssue(result)

        #expect(result.encoding == "Windows-1252")
        #expect(issue.code == .controlCharacter)
        #expect(issue.line == 2)
        #expect(issue.column == "prenoms")
        #expect(issue.message.contains("U+0081"))
    }

    @Test func brokenUTF8AfterMarkRejected() throws {
        let text = Fixtures.text(rows: [Fixtures.row(), Fixtures.row(["identifiant": "C#"])])
        let bytes =
            [0xEF, 0xBB, 0xBF] + Array(text.utf8).map { $0 == UInt8(ascii: "#") ? 0xE9 : $0 }

        let result = try Fixtures.read(Data(bytes))
        let issue = try Fixtures.onlyIssue(result)

        #expect(result.encoding == "UTF-8 avec BOM")
        #expect(result.candidates.isEmpty)
        #expect(issue.code == .unsupportedEncoding)
        #expect(issue.line == 0)
        #expect(issue.message.contains("le premier à la ligne 3"))
    }

    @Test func brokenUTF8AfterMarkCountsCarriageReturns() throws {
        let text = Fixtures.text(
            rows: [Fixtures.row(), Fixtures.row(["identifiant": "C#"])],
            lineBreak: "\r"
        )
        let bytes =
            [0xEF, 0xBB, 0xBF] + Array(text.utf8).map { $0 == UInt8(ascii: "#") ? 0xE9 : $0 }

        let result = try Fixtures.read(Data(bytes))
        let issue = try Fixtures.onlyIssue(result)

        #expect(issue.code == .unsupportedEncoding)
        #expect(issue.message.contains("le premier à la ligne 3"))
    }

    @Test(arguments: ["\n", "\r\n", "\r"])
    func mixedEncodingRejected(lineBreak: String) throws {
        let text = Fixtures.text(
            rows: [
                Fixtures.row(["prenoms": "Hélène"]),
                Fixtures.row(["identifiant": "C002", "prenoms": "Cécile"]),
            ],
            lineBreak: lineBreak
        )
        // The first row stays UTF-8, where é is C3 A9. The second row is Windows-1252, where é
        // is the single byte E9.
        let rows = text.components(separatedBy: lineBreak)
        let secondRow = try windows1252Bytes(rows[2])
        let bytes =
            Array((rows[0...1].joined(separator: lineBreak) + lineBreak).utf8)
            + secondRow + Array(lineBreak.utf8)

        let result = try Fixtures.read(Data(bytes))
        let issue = try Fixtures.onlyIssue(result)

        #expect(result.encoding == "UTF-8 et Windows-1252")
        #expect(result.candidates.isEmpty)
        #expect(result.rowCount == 0)
        #expect(issue.code == .mixedEncoding)
        #expect(issue.line == 0)
        #expect(issue.column == nil)
        #expect(issue.value == nil)
        #expect(issue.message.contains("la ligne 2 est la première à contenir des caractères"))
        #expect(issue.message.contains("en UTF-8"))
        #expect(issue.message.contains("la ligne 3 la première à contenir des caractères"))
        #expect(issue.message.contains("en Windows-1252"))
        #expect(issue.message.contains("enregistrez tout le fichier au format « CSV UTF-8 »"))
    }

    @Test func mixedEncodingOnOneLineRejected() throws {
        let text = Fixtures.text(rows: [Fixtures.row(["prenoms": "Hélène", "nom_usage": "#"])])
        let bytes = Array(text.utf8).map { $0 == UInt8(ascii: "#") ? 0xE9 : $0 }

        let result = try Fixtures.read(Data(bytes))
        let issue = try Fixtures.onlyIssue(result)

        #expect(issue.code == .mixedEncoding)
        #expect(issue.message.contains("la ligne 2 contient à la fois des caractères encodés en"))
    }

    @Test func windows1252WithoutUTF8SequencesRead() throws {
        // « and » are AB and BB in Windows-1252, bytes that only continue a UTF-8 sequence, and
        // É is C9, which would start one. None of them forms a valid UTF-8 sequence here.
        let text = Fixtures.text(rows: [Fixtures.row(["prenoms": "«Éloïse»"])])

        let result = try Fixtures.read(Data(try windows1252Bytes(text)))

        #expect(result.encoding == "Windows-1252")
        #expect(result.issues.isEmpty)
        #expect(result.candidates.first?.candidate.givenNames == "«Éloïse»")
    }

    /// Encodes text made of ASCII and Latin-1 letters as Windows-1252, which matches Latin-1
    /// for these letters.
    private func windows1252Bytes(_ text: String) throws -> [UInt8] {
        try text.unicodeScalars.map { scalar in
            try #require(scalar.value < 0x80 || (0xA0...0xFF).contains(scalar.value))
            return UInt8(scalar.value)
        }
    }

    @Test(arguments: [
        ("UTF-16LE", [UInt8]([0xFF, 0xFE])),
        ("UTF-16BE", [UInt8]([0xFE, 0xFF])),
    ])
    func utf16Rejected(name: String, byteOrderMark: [UInt8]) throws {
        let text = Fixtures.text(rows: [Fixtures.row()])
        let encoded =
            name == "UTF-16LE"
            ? text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
            : text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }

        let result = try Fixtures.read(Data(byteOrderMark + encoded))
        let issue = try Fixtures.onlyIssue(result)

        #expect(result.encoding == "UTF-16")
        #expect(result.candidates.isEmpty)
        #expect(issue.code == .unsupportedEncoding)
        #expect(issue.line == 0)
        #expect(issue.column == nil)
        #expect(issue.message.contains("CSV UTF-8"))
    }

    @Test func utf16WithoutMarkRejected() throws {
        let text = Fixtures.text(rows: [Fixtures.row()])
        let encoded = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }

        let result = try Fixtures.read(Data(encoded))
        let issue = try Fixtures.onlyIssue(result)

        #expect(result.candidates.isEmpty)
        #expect(issue.code == .notText)
        #expect(issue.line == 0)
        #expect(issue.message.contains("UTF-16"))
    }

    @Test func workbookRejected() throws {
        let data = Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00])

        let result = try Fixtures.read(data)
        let issue = try Fixtures.onlyIssue(result)

        #expect(issue.code == .notText)
        #expect(issue.line == 0)
        #expect(issue.message.contains(".xlsx"))
    }

    @Test(arguments: ["", "\n\n", "\u{FEFF}", " \r\n ;;; \r\n"])
    func emptyFileRejected(text: String) throws {
        let result = try Fixtures.read(text)
        let issue = try Fixtures.onlyIssue(result)

        #expect(result.candidates.isEmpty)
        #expect(result.rowCount == 0)
        #expect(issue.code == .emptyFile)
        #expect(issue.line == 0)
        #expect(issue.column == nil)
        #expect(issue.value == nil)
    }
}
