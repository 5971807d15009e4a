import BrowserTesting
import Foundation
import Testing

extension BrowserSelfTests {
    /// The pages of the self-test site that must pass axe-core.
    static let accessiblePaths = ["/", "/longue-page", "/cookies"]

    @Test(arguments: accessiblePaths)
    func noSeriousAxeViolation(path: String) async throws {
        let axe = try Axe(scriptFile: BrowserTestSettings.axeScript)
        try await session.navigate(to: site.url(path))

        let report = try await axe.run(in: session)

        #expect(report.engineVersion == axe.version)
        #expect(report.url == site.url(path))
        #expect(report.violations(atLeast: .serious).isEmpty, "\(report)")
        if !report.violations.isEmpty {
            print(report)
        }
    }

    /// The same pages with the State's design system, whose colours and fonts axe checks too.
    @Test(
        .enabled(if: BrowserTestSettings.dsfrFolder != nil, "DSFR is not installed: run make dsfr"),
        arguments: accessiblePaths
    )
    func noSeriousAxeViolationWithDSFR(path: String) async throws {
        let axe = try Axe(scriptFile: BrowserTestSettings.axeScript)
        let dsfrSite = try TestSite(style: .dsfr, dsfrFolder: BrowserTestSettings.dsfrFolder)
        try await session.navigate(to: dsfrSite.url(path))

        let report = try await axe.run(in: session)
        let font = try await session.executeScript(
            "return getComputedStyle(document.body).fontFamily;"
        )

        #expect(font.stringValue?.hasPrefix("Marianne") == true, "DSFR's stylesheet did not load")
        #expect(report.violations(atLeast: .serious).isEmpty, "\(report)")
        if !report.violations.isEmpty {
            print(report)
        }
    }

    @Test func noSeriousAxeViolationAfterPost() async throws {
        let axe = try Axe(scriptFile: BrowserTestSettings.axeScript)
        try await session.navigate(to: site.url("/"))
        try await session.findElement(css: "#champ-nom").fill("Sacha")
        try await session.findElement(css: "#formulaire-salutation").submit()

        let report = try await axe.run(in: session)

        #expect(try await session.currentPath() == "/salutation")
        #expect(report.violations(atLeast: .serious).isEmpty, "\(report)")
    }

    @Test func axeFindsFaultsOfBrokenPage() async throws {
        let axe = try Axe(scriptFile: BrowserTestSettings.axeScript)
        try await session.navigate(to: site.url("/defauts"))

        let report = try await axe.run(in: session)

        let serious = report.violations(atLeast: .serious)
        let imageAlt = try #require(serious.first { $0.id == "image-alt" }, "\(report)")
        #expect(imageAlt.impact == .critical)
        #expect(imageAlt.nodes.map(\.target) == [["img"]])
        #expect(imageAlt.helpURL.hasPrefix("https://"))
        #expect(imageAlt.tags.contains("wcag2a"))
        let label = try #require(serious.first { $0.id == "label" }, "\(report)")
        #expect(label.impact == .critical)
        #expect(label.nodes.first?.html.contains(#"name="nom""#) == true)
        #expect(label.nodes.first?.failureSummary?.isEmpty == false)
    }

    /// axe-core is loaded with `executeScript`, which the page's Content Security Policy does
    /// not block, while the same policy does block a script element that the page adds.
    @Test func axeRunsWhereCSPBlocksInlineScripts() async throws {
        let axe = try Axe(scriptFile: BrowserTestSettings.axeScript)
        let inlineScript = """
            window.inlineScriptRan = false;
            const element = document.createElement('script');
            element.textContent = 'window.inlineScriptRan = true;';
            document.head.appendChild(element);
            return window.inlineScriptRan;
            """

        try await session.navigate(to: site.url("/sans-csp"))
        let ranWithoutPolicy = try await session.executeScript(inlineScript)
        try await session.navigate(to: site.url("/"))
        let ranUnderPolicy = try await session.executeScript(inlineScript)
        let report = try await axe.run(in: session)
        let loadedVersion = try await session.executeScript("return window.axe.version;")

        #expect(ranWithoutPolicy == true)
        #expect(ranUnderPolicy == false)
        #expect(loadedVersion == .string(axe.version))
        #expect(report.engineVersion == axe.version)
    }
}
