import CertifDomain
import Foundation
import Testing

@testable import CertifDocuments

struct XLSXEncoderTests {
    /// Encodes `table` and opens the result as an archive, removed when `body` returns.
    func withArchive(_ table: ExportTable, _ body: (XLSXArchive) throws -> Void) throws {
        let archive = try XLSXArchive(try XLSXEncoder.encode(table))
        defer { archive.remove() }
        try body(archive)
    }

    @Test func fileIsZipArchive() throws {
        let data = try XLSXEncoder.encode(try Fixtures.textTable(["a"]))

        #expect(Array(data.prefix(4)) == [0x50, 0x4B, 0x03, 0x04])
    }

    @Test func headerIsBoldTextInFirstRow() throws {
        try withArchive(try Fixtures.table([])) { (archive) throws in
            #expect(try archive.sharedStringText(ofCell: "A1") == "nom")
            #expect(try archive.sharedStringText(ofCell: "D1") == "taux")
            #expect(try archive.isBold(cell: "A1"))
            #expect(try archive.isBold(cell: "D1"))
        }
    }

    @Test func dataCellsAreNotBold() throws {
        try withArchive(try Fixtures.textTable(["a"])) { (archive) throws in
            #expect(try !archive.isBold(cell: "A2"))
        }
    }

    @Test func leadingZeroIdentifierStaysString() throws {
        try withArchive(try Fixtures.textTable(["007", "0612345678"])) { (archive) throws in
            let cell = try #require(try archive.cell("A2"))
            #expect(cell.contains("t=\"s\""))
            #expect(try archive.sharedStringText(ofCell: "A2") == "007")
            #expect(try archive.sharedStringText(ofCell: "A3") == "0612345678")
            #expect(try archive.numberFormat(ofCell: "A2") == "@")
        }
    }

    @Test func formulaLookingTextIsStringNotFormula() throws {
        let values = ["=1+1", "+33", "-2+3", "@SUM(A1)", "=HYPERLINK(\"http://x\") & <b>"]
        try withArchive(try Fixtures.textTable(values)) { (archive) throws in
            let sheet = try archive.part("xl/worksheets/sheet1.xml")
            #expect(!sheet.contains("<f>"))
            #expect(try archive.sharedStringText(ofCell: "A2") == "=1+1")
            #expect(try archive.sharedStringText(ofCell: "A3") == "+33")
            #expect(try archive.sharedStringText(ofCell: "A4") == "-2+3")
            #expect(try archive.sharedStringText(ofCell: "A5") == "@SUM(A1)")
            #expect(
                try archive.sharedStringText(ofCell: "A6")
                    == "=HYPERLINK(\"http://x\") &amp; &lt;b&gt;"
            )
        }
    }

    @Test(arguments: [
        ("2025-03-15", "45731"),
        ("1970-01-01", "25569"),
        ("1900-01-01", "1"),
        ("1900-03-01", "61"),
    ])
    func dateIsSerialWithFrenchFormat(iso: String, serial: String) throws {
        let table = try Fixtures.table([[nil, .date(try Fixtures.date(iso)), nil, nil]])

        try withArchive(table) { (archive) throws in
            let cell = try #require(try archive.cell("B2"))
            #expect(XLSXArchive.value(of: cell) == serial)
            #expect(!cell.contains("t=\""))
            #expect(try archive.numberFormat(ofCell: "B2") == "dd/mm/yyyy")
        }
    }

    @Test func dateBefore1900IsFrenchText() throws {
        let table = try Fixtures.table([[nil, .date(try Fixtures.date("1899-12-31")), nil, nil]])

        try withArchive(table) { (archive) throws in
            #expect(try archive.sharedStringText(ofCell: "B2") == "31/12/1899")
        }
    }

    @Test func numbersAreNumericCells() throws {
        let table = try Fixtures.table([[nil, nil, .integer(-42), .decimal(3.25)]])

        try withArchive(table) { (archive) throws in
            let integer = try #require(try archive.cell("C2"))
            #expect(XLSXArchive.value(of: integer) == "-42")
            #expect(!integer.contains("t=\""))
            #expect(try archive.numberFormat(ofCell: "C2") == nil)
            let decimal = try #require(try archive.cell("D2"))
            #expect(XLSXArchive.value(of: decimal) == "3.25")
            #expect(try archive.numberFormat(ofCell: "D2") == "0.00")
        }
    }

    @Test func emptyCellsAreNotWritten() throws {
        let table = try Fixtures.table([[.text("a"), nil, nil, nil]])

        try withArchive(table) { (archive) throws in
            #expect(try archive.cell("A2") != nil)
            #expect(try archive.cell("B2") == nil)
            #expect(try archive.cell("D2") == nil)
        }
    }

    @Test func headerRowIsFrozenAndFiltered() throws {
        let table = try Fixtures.table([[.text("a"), nil, nil, nil], [.text("b"), nil, nil, nil]])

        try withArchive(table) { (archive) throws in
            let sheet = try archive.part("xl/worksheets/sheet1.xml")
            #expect(sheet.contains("<pane ySplit=\"1\" topLeftCell=\"A2\""))
            #expect(sheet.contains("state=\"frozen\""))
            #expect(sheet.contains("<autoFilter ref=\"A1:D3\"/>"))
        }
    }

    @Test func columnsFitTheirValuesWithinLimits() throws {
        let table = try ExportTable(
            title: "Essai",
            columns: [
                ExportColumn("id", .text),
                ExportColumn("nom", .text),
                ExportColumn("raisons", .text),
            ],
            rows: [
                [
                    .text("a"), .text(String(repeating: "x", count: 20)),
                    .text(String(repeating: "y", count: 500)),
                ]
            ]
        )

        try withArchive(table) { (archive) throws in
            let sheet = try archive.part("xl/worksheets/sheet1.xml")
            let widths = sheet.matches(of: #/<col min="(\d+)" max="\d+" width="([\d.]+)"/#).map {
                (Int($0.output.1) ?? 0, Double($0.output.2) ?? 0)
            }
            #expect(widths.count == 3)
            let byColumn = Dictionary(widths, uniquingKeysWith: { first, _ in first })
            // libxlsxwriter adds Excel's padding of about 0.71 to each width it is given.
            #expect(try #require(byColumn[1]) < 7)
            #expect(try #require(byColumn[2]) > 21)
            #expect(try #require(byColumn[2]) < 22)
            #expect(try #require(byColumn[3]) < 61)
            #expect(try #require(byColumn[3]) > 60)
        }
    }

    @Test func sheetIsNamedAfterTitle() throws {
        let table = try ExportTable(title: "Plan", columns: [ExportColumn("a", .text)])

        try withArchive(table) { (archive) throws in
            #expect(try archive.part("xl/workbook.xml").contains("<sheet name=\"Plan\""))
        }
    }

    @Test(arguments: [
        ("Plan du 01/01/2025 au 31/12/2025", "Plan du 01-01-2025 au 31-12-202"),
        ("[a]:b*c?d\\e", "-a--b-c-d-e"),
        ("'Candidats'", "Candidats"),
        ("''", "Feuille1"),
        (String(repeating: "é", count: 40), String(repeating: "é", count: 31)),
    ])
    func sheetNameFollowsExcelRules(title: String, name: String) throws {
        #expect(XLSXEncoder.sheetName(for: title) == name)

        let table = try ExportTable(title: title, columns: [ExportColumn("a", .text)])
        try withArchive(table) { (archive) throws in
            #expect(try archive.part("xl/workbook.xml").contains("<sheet name=\"\(name)\""))
        }
    }

    @Test func textLongerThanExcelCellIsSpreadsheetError() throws {
        let table = try ExportTable(
            title: "Essai",
            columns: [ExportColumn("nom", .text)],
            rows: [[.text("a")], [.text(String(repeating: "x", count: 32_768))]]
        )

        let error = try #require(throws: ExportError.self) { try XLSXEncoder.encode(table) }

        #expect(error.code == .spreadsheet)
        #expect(error.function == "worksheet_write_string")
        #expect(error.message.contains("row 3, column 'nom'"))
        #expect(error.libraryMessage?.isEmpty == false)
        #expect(!error.message.contains("xxxx"))
    }

    @Test func tableWiderThanSheetIsRejected() throws {
        let columns = (0...XLSXEncoder.maxColumns).map { ExportColumn("c\($0)", .integer) }
        let table = try ExportTable(title: "Essai", columns: columns)

        let error = try #require(throws: ExportError.self) { try XLSXEncoder.encode(table) }

        #expect(error.code == .invalidTable)
        #expect(error.message.contains("16385 columns"))
    }
}
