import BrowserTesting
import Foundation
import Testing

@Suite struct AxeReportTests {
    static func violation(_ id: String, _ impact: AxeImpact?) -> AxeViolation {
        AxeViolation(
            id: id,
            impact: impact,
            help: "Règle \(id)",
            helpURL: "https://dequeuniversity.com/rules/axe/4.12/\(id)",
            tags: ["wcag2a"],
            nodes: [AxeViolation.Node(target: ["#a"], html: "<p id=\"a\">", failureSummary: nil)]
        )
    }

    static let report = AxeReport(
        engineVersion: "4.12.1",
        url: "http://127.0.0.1:1/",
        violations: [
            violation("region", .moderate),
            violation("image-alt", .critical),
            violation("color-contrast", .serious),
            violation("landmark-one-main", .minor),
            violation("experimental", nil),
        ]
    )

    @Test(arguments: [
        (AxeImpact.minor, 5),
        (AxeImpact.moderate, 3),
        (AxeImpact.serious, 2),
        (AxeImpact.critical, 1),
    ])
    func violationsAtLeastImpact(impact: AxeImpact, count: Int) {
        #expect(Self.report.violations(atLeast: impact).count == count)
    }

    @Test func impactsOrderedFromMildest() {
        #expect(AxeImpact.allCases.sorted() == [.minor, .moderate, .serious, .critical])
    }

    @Test func descriptionListsRulesAndElements() {
        let text = Self.report.description

        #expect(text.hasPrefix("axe-core 4.12.1: 5 violation(s) on http://127.0.0.1:1/\n"))
        #expect(
            text.contains(
                "critical image-alt: Règle image-alt "
                    + "(https://dequeuniversity.com/rules/axe/4.12/image-alt)\n    #a  <p id=\"a\">"
            )
        )
        #expect(text.contains("no impact experimental"))
    }

    @Test func violationDecodedFromAxeJSON() throws {
        let json = """
            {"id":"label","impact":"critical","help":"Form elements must have labels",
             "helpUrl":"https://dequeuniversity.com/rules/axe/4.12/label","tags":["wcag2a"],
             "nodes":[{"target":["input"],"html":"<input name=\\"nom\\">",
                       "failureSummary":"Fix any of the following"}]}
            """

        let violation = try JSONDecoder().decode(AxeViolation.self, from: Data(json.utf8))

        #expect(violation.id == "label")
        #expect(violation.impact == .critical)
        #expect(violation.helpURL == "https://dequeuniversity.com/rules/axe/4.12/label")
        #expect(violation.nodes.first?.target == ["input"])
    }

    @Test func missingScriptNamesInstallCommand() throws {
        let error = try #require(throws: WebDriverError.self) {
            _ = try Axe(scriptFile: URL(fileURLWithPath: "/nonexistent/axe.min.js"))
        }

        #expect(error.code == .fileFailed)
        #expect(error.message.contains("scripts/install-axe.sh"))
    }

    @Test func versionReadFromInstalledScript() throws {
        let axe = try Axe(scriptFile: BrowserTestSettings.axeScript)

        #expect(axe.version == "4.12.1")
    }
}
