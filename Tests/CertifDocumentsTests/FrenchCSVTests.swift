import CertifDomain
import Foundation
import Testing

@testable import CertifDocuments

struct FrenchCSVTests {
    @Test func bytesStartWithBOMAndEndLinesWithCRLF() throws {
        let table = try Fixtures.table([
            [.text("Dupont"), .date(try Fixtures.date("2025-03-05")), .integer(42), .decimal(3.5)]
        ])

        let bytes = Array(FrenchCSV.encode(table))

        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let expected = "nom;date;nombre;taux\r\nDupont;05/03/2025;42;3,50\r\n"
        #expect(Array(bytes.dropFirst(3)) == Array(expected.utf8))
    }

    @Test func emptyCellsAreEmptyFields() throws {
        let table = try Fixtures.table([
            [nil, nil, nil, nil], [.text("a"), nil, .integer(0), nil],
        ])

        let text = FrenchCSV.text(table)

        #expect(text == "\u{FEFF}nom;date;nombre;taux\r\n;;;\r\na;;0;\r\n")
    }

    @Test func tableWithoutRowsHasHeaderOnly() throws {
        let text = FrenchCSV.text(try Fixtures.table([]))

        #expect(text == "\u{FEFF}nom;date;nombre;taux\r\n")
    }

    @Test(arguments: [
        ("=1+1", "'=1+1"),
        ("+33 6 12 34 56 78", "'+33 6 12 34 56 78"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "\"'\r=1\""),
    ])
    func leadingFormulaCharacterIsNeutralised(value: String, field: String) throws {
        let text = FrenchCSV.text(try Fixtures.textTable([value]))

        #expect(text == "\u{FEFF}valeur\r\n" + field + "\r\n")
    }

    @Test(arguments: ["a=1", " =1", "'=1", "Anne-Marie", "1+1", "é=1"])
    func otherTextIsLeftAsWritten(value: String) throws {
        let text = FrenchCSV.text(try Fixtures.textTable([value]))

        #expect(text == "\u{FEFF}valeur\r\n" + value + "\r\n")
    }

    @Test(arguments: [
        ("a;b", "\"a;b\""),
        ("Jean \"Jo\" Dupont", "\"Jean \"\"Jo\"\" Dupont\""),
        ("ligne 1\nligne 2", "\"ligne 1\nligne 2\""),
        ("ligne 1\r\nligne 2", "\"ligne 1\r\nligne 2\""),
        ("=HYPERLINK(\"x\";\"y\")", "\"'=HYPERLINK(\"\"x\"\";\"\"y\"\")\""),
        ("a,b", "a,b"),
    ])
    func fieldIsQuotedWhenNeeded(value: String, field: String) throws {
        let text = FrenchCSV.text(try Fixtures.textTable([value]))

        #expect(text == "\u{FEFF}valeur\r\n" + field + "\r\n")
    }

    @Test func headerIsQuotedAndNeutralisedLikeText() throws {
        let table = try ExportTable(
            title: "Essai",
            columns: [ExportColumn("=nom", .text), ExportColumn("a;b", .text)]
        )

        #expect(FrenchCSV.text(table) == "\u{FEFF}'=nom;\"a;b\"\r\n")
    }

    @Test(arguments: [
        ("2025-03-15", "15/03/2025"),
        ("2025-01-05", "05/01/2025"),
        ("1900-02-28", "28/02/1900"),
        ("0999-12-31", "31/12/0999"),
    ])
    func dateIsWrittenDayMonthYear(iso: String, french: String) throws {
        let table = try ExportTable(
            title: "Essai",
            columns: [ExportColumn("date", .date)],
            rows: [[.date(try Fixtures.date(iso))]]
        )

        #expect(FrenchCSV.text(table) == "\u{FEFF}date\r\n" + french + "\r\n")
    }

    @Test(arguments: [
        (0, 3.0, "3"),
        (1, 52.44, "52,4"),
        (2, 0.5, "0,50"),
        (2, -1.25, "-1,25"),
        (3, 1234.5, "1234,500"),
    ])
    func decimalHasCommaAndColumnPlaces(places: Int, value: Double, field: String) throws {
        let table = try ExportTable(
            title: "Essai",
            columns: [ExportColumn("taux", .decimal(places: places))],
            rows: [[.decimal(value)]]
        )

        #expect(FrenchCSV.text(table) == "\u{FEFF}taux\r\n" + field + "\r\n")
    }

    @Test func negativeNumbersAreNotNeutralised() throws {
        let table = try Fixtures.table([[nil, nil, .integer(-5), .decimal(-0.5)]])

        #expect(FrenchCSV.text(table) == "\u{FEFF}nom;date;nombre;taux\r\n;;-5;-0,50\r\n")
    }
}
