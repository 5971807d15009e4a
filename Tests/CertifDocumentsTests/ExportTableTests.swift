import CertifDomain
import Testing

@testable import CertifDocuments

struct ExportTableTests {
    @Test func validRowsAreKept() throws {
        let table = try Fixtures.table([
            [.text("a"), .date(try Fixtures.date("2025-03-15")), .integer(1), .decimal(1.5)],
            [nil, nil, nil, nil],
        ])

        #expect(table.rows.count == 2)
        #expect(table.rows[1] == [nil, nil, nil, nil])
    }

    @Test func rowWithWrongCellCountIsRejected() throws {
        let error = try #require(throws: ExportError.self) {
            try Fixtures.table([[.text("a"), nil, nil]])
        }

        #expect(error.code == .invalidTable)
        #expect(error.message.contains("row 1 of table 'Essai' has 3 cells for 4 columns"))
    }

    @Test func cellOfAnotherKindIsRejected() throws {
        let error = try #require(throws: ExportError.self) {
            try Fixtures.table([[nil, .text("15/03/2025"), nil, nil]])
        }

        #expect(error.code == .invalidTable)
        #expect(error.message.contains("column 'date': a text cell in a date column"))
        #expect(!error.message.contains("15/03/2025"))
    }

    @Test func textWithNULIsRejected() throws {
        let error = try #require(throws: ExportError.self) {
            try Fixtures.textTable(["DUPONT\u{0}X"])
        }

        #expect(error.code == .invalidTable)
        #expect(error.message.contains("U+0000"))
        #expect(!error.message.contains("DUPONT"))
    }

    @Test(arguments: [Int.min, Int.max, -1_000_000_000_000_000, 1_000_000_000_000_000])
    func integerBeyondExcelPrecisionIsRejected(value: Int) throws {
        let error = try #require(throws: ExportError.self) {
            try Fixtures.table([[nil, nil, .integer(value), nil]])
        }

        #expect(error.code == .invalidTable)
    }

    @Test func integerAtLimitIsKept() throws {
        let table = try Fixtures.table([
            [nil, nil, .integer(ExportTable.maxInteger), nil],
            [nil, nil, .integer(-ExportTable.maxInteger), nil],
        ])

        #expect(table.rows.count == 2)
    }

    @Test(arguments: [Double.nan, Double.infinity, -Double.infinity, 1e12, -1e12])
    func decimalOutOfRangeIsRejected(value: Double) throws {
        let error = try #require(throws: ExportError.self) {
            try Fixtures.table([[nil, nil, nil, .decimal(value)]])
        }

        #expect(error.code == .invalidTable)
    }

    @Test(arguments: [-1, 7])
    func decimalPlacesOutOfRangeAreRejected(places: Int) throws {
        let error = try #require(throws: ExportError.self) {
            try ExportTable(
                title: "Essai",
                columns: [ExportColumn("taux", .decimal(places: places))]
            )
        }

        #expect(error.code == .invalidTable)
        #expect(error.message.contains("has \(places) decimal places"))
    }

    @Test func blankTitleIsRejected() throws {
        let error = try #require(throws: ExportError.self) {
            try ExportTable(title: " ", columns: [ExportColumn("nom", .text)])
        }

        #expect(error.code == .invalidTable)
    }

    @Test func tableWithoutColumnsIsRejected() throws {
        let error = try #require(throws: ExportError.self) {
            try ExportTable(title: "Essai", columns: [])
        }

        #expect(error.code == .invalidTable)
    }

    @Test func blankHeaderIsRejected() throws {
        let error = try #require(throws: ExportError.self) {
            try ExportTable(
                title: "Essai",
                columns: [ExportColumn("nom", .text), ExportColumn("", .text)]
            )
        }

        #expect(error.code == .invalidTable)
        #expect(error.message.contains("column 2"))
    }

    @Test func rejectedRowLeavesTableUnchanged() throws {
        var table = try Fixtures.textTable(["a"])

        #expect(throws: ExportError.self) { try table.append([.integer(1)]) }

        #expect(table.rows == [[.text("a")]])
    }
}
