import CertifDocuments
import CertifHTTP
import Foundation

/// The two file formats of every export.
enum ExportFormat: String, CaseIterable {
    case csv
    case xlsx

    /// Encodes `table` as a download named `name` plus the format's extension.
    func response(_ table: ExportTable, name: String) throws -> HTTPResponse {
        switch self {
        case .csv:
            return .download(
                FrenchCSV.encode(table),
                filename: name + ".csv",
                contentType: "text/csv; charset=utf-8"
            )
        case .xlsx:
            return .download(
                try XLSXEncoder.encode(table),
                filename: name + ".xlsx",
                contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            )
        }
    }
}
