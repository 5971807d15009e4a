import CertifDomain
import Foundation
import Testing

/// Parses a date written in a table of cases, and fails the test when the text is not a date.
func civilDate(
    _ text: String,
    sourceLocation: SourceLocation = #_sourceLocation
) throws -> CivilDate {
    try #require(
        CivilDate(parsing: text),
        "'\(text)' is not a date",
        sourceLocation: sourceLocation
    )
}

/// The reference files in the source tree, which the build copies into the module's bundle.
let sourceReferenceDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .appendingPathComponent("Sources/CertifDomain/Reference", isDirectory: true)

/// Builds a working calendar over the bundled territories and holidays.
func bundledWorkingCalendar() throws -> WorkingCalendar {
    let reference = try ReferenceData.bundled()
    return WorkingCalendar(holidays: reference.holidays, territories: reference.territories)
}
