import CertifDomain
import Testing

@testable import CertifDocuments

/// Small tables, candidates and dates for the export tests.
enum Fixtures {
    /// Parses a date written in a test, and fails the test when the text is not a date.
    static func date(
        _ text: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> CivilDate {
        try #require(CivilDate(parsing: text), "'\(text)' is not a date")
    }

    /// Builds a table of one column of each kind: text, date, integer and decimal with 2 places.
    static func table(_ rows: [[ExportCell?]]) throws -> ExportTable {
        try ExportTable(
            title: "Essai",
            columns: [
                ExportColumn("nom", .text),
                ExportColumn("date", .date),
                ExportColumn("nombre", .integer),
                ExportColumn("taux", .decimal(places: 2)),
            ],
            rows: rows
        )
    }

    /// Builds a table of one text column.
    static func textTable(_ values: [String]) throws -> ExportTable {
        try ExportTable(
            title: "Essai",
            columns: [ExportColumn("valeur", .text)],
            rows: values.map { [.text($0)] }
        )
    }

    static func candidate(
        _ id: String,
        birthName: String = "MARTIN",
        usageName: String? = nil,
        route: AccessRoute = .vae,
        territory: String = "53",
        deadline: String? = nil
    ) throws -> Candidate {
        Candidate(
            id: id,
            birthName: birthName,
            usageName: usageName,
            givenNames: "Marie Anne",
            birthDate: try date("1980-02-29"),
            diploma: DiplomaCode("DEAF"),
            route: route,
            territory: TerritoryCode(territory),
            availableFrom: try date("2025-01-15"),
            explicitDeadline: try deadline.map { try date($0) },
            remoteAllowed: false,
            extraTimePercent: 33
        )
    }
}
