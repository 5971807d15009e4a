import Foundation
import Testing

/// An `.xlsx` file written to a temporary folder and read back part by part with
/// `/usr/bin/unzip -p`, so that tests check what Excel would read, not what the encoder meant.
struct XLSXArchive {
    let file: URL

    init(_ data: Data) throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("certif-xlsx-test-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        file = folder.appendingPathComponent("export.xlsx")
        try data.write(to: file)
    }

    /// Removes the file's folder.
    func remove() {
        try? FileManager.default.removeItem(at: file.deletingLastPathComponent())
    }

    /// Returns one part of the archive, "xl/worksheets/sheet1.xml", as text.
    func part(_ name: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
        process.arguments = ["-p", file.path, name]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = Pipe()
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "unzip -p \(name) failed")
        return String(decoding: data, as: UTF8.self)
    }

    /// Returns the XML element of cell `reference` ("B2") in the first sheet, or nil.
    func cell(_ reference: String) throws -> String? {
        let pattern = try Regex("(?s)<c r=\"\(reference)\"[^>]*?(/>|>.*?</c>)")
        return try part("xl/worksheets/sheet1.xml").firstMatch(of: pattern).map {
            String($0.output[0].substring ?? "")
        }
    }

    /// Returns the text of shared string `index`, with XML escapes left as written.
    func sharedString(_ index: Int) throws -> String? {
        let strings = try part("xl/sharedStrings.xml")
        let items = strings.matches(of: try Regex("(?s)<si>(.*?)</si>")).map {
            String($0.output[1].substring ?? "")
        }
        guard items.indices.contains(index) else { return nil }
        return items[index].firstMatch(of: try Regex("(?s)<t[^>]*>(.*?)</t>")).map {
            String($0.output[1].substring ?? "")
        }
    }

    /// Returns the text of the shared string that cell `reference` holds, or nil when the
    /// cell is not a shared string.
    func sharedStringText(ofCell reference: String) throws -> String? {
        guard let cell = try cell(reference), cell.contains("t=\"s\""),
            let index = Self.value(of: cell).flatMap(Int.init)
        else { return nil }
        return try sharedString(index)
    }

    /// Returns the number format code ("dd/mm/yyyy") of the style that cell `reference` uses,
    /// or nil when it has the General format.
    func numberFormat(ofCell reference: String) throws -> String? {
        guard let style = try style(ofCell: reference),
            let formatID = Self.attribute("numFmtId", of: style),
            formatID != "0"
        else { return nil }
        let styles = try part("xl/styles.xml")
        let pattern = try Regex("<numFmt numFmtId=\"\(formatID)\" formatCode=\"([^\"]*)\"")
        return styles.firstMatch(of: pattern).map { String($0.output[1].substring ?? "") }
    }

    /// Returns whether the font of the style that cell `reference` uses is bold.
    func isBold(cell reference: String) throws -> Bool {
        guard let style = try style(ofCell: reference),
            let fontID = Self.attribute("fontId", of: style).flatMap(Int.init)
        else { return false }
        let fonts = try part("xl/styles.xml").matches(of: try Regex("<font>(.*?)</font>"))
        guard fonts.indices.contains(fontID) else { return false }
        return (fonts[fontID].output[1].substring ?? "").contains("<b/>")
    }

    /// Returns the `<v>` text of a cell element.
    static func value(of cell: String) -> String? {
        cell.firstMatch(of: #/<v>(.*?)</v>/#).map { String($0.output.1) }
    }

    /// Returns the value of attribute `name` in an XML element.
    static func attribute(_ name: String, of element: String) -> String? {
        guard let pattern = try? Regex("\\s\(name)=\"([^\"]*)\"") else { return nil }
        return element.firstMatch(of: pattern).map { String($0.output[1].substring ?? "") }
    }

    /// Returns the `<xf>` element of `cellXfs` that the cell's `s` attribute names; a cell
    /// without one uses style 0.
    private func style(ofCell reference: String) throws -> String? {
        guard let cell = try cell(reference) else { return nil }
        let index = Self.attribute("s", of: cell).flatMap(Int.init) ?? 0
        let styles = try part("xl/styles.xml")
        guard let cellXfs = styles.firstMatch(of: #/<cellXfs[^>]*>(.*?)</cellXfs>/#) else {
            return nil
        }
        let formats = String(cellXfs.output.1).matches(of: #/<xf [^>]*>/#).map {
            String($0.output)
        }
        return formats.indices.contains(index) ? formats[index] : nil
    }
}
