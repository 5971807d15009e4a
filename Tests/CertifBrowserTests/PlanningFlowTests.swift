import BrowserTesting
import CertifDomain
import CertifImport
import CertifStore
import Foundation
import Testing

/// A planning day in a real browser: run the planner, read the plan, its diploma page and its
/// calendar, accept two sessions, open one and release it, and fix a session of a published
/// calendar. Each page, its error states included, is checked with axe-core.
@Suite(.serialized, .sharedBrowser) struct PlanningFlowTests {
    let session: WebDriverSession

    init() throws {
        session = try SharedBrowser.session()
    }

    @Test func planAcceptAndRelease() async throws {
        let site = try ApplicationSite()
        try importExampleCandidates(into: site)
        let axe = try Axe(scriptFile: BrowserTestSettings.axeScript)
        try await session.deleteAllCookies()
        try await session.navigate(to: site.url("/connexion"))
        try await logIn()

        try await session.navigate(to: site.url("/planification"))
        try await check("planification", axe)
        try await runPlan(from: "32/13/2025")
        #expect(try await errorText(of: "champ-du").contains("n’est pas valide"))
        try await check("planification-erreurs", axe)
        try await runPlan(from: "01/01/2025")
        #expect(try await session.currentPath() == "/planification/plans/1")
        try await check("plan", axe)

        try await session.navigate(to: site.url("/planification/plans/1?diplome=DEAF"))
        #expect(try await heading() == "Plan n° 1 : sessions DEAF")
        try await check("plan-diplome", axe)
        try await session.navigate(to: site.url("/planification/plans/1/calendrier?mois=2025-04"))
        try await check("plan-calendrier", axe)

        try await session.navigate(to: site.url("/planification/plans/1"))
        let labels = try await session.findElements(css: "input[name=sessions] + label")
        try #require(labels.count >= 2)
        try await labels[0].click()
        try await labels[1].click()
        try await session.findElement(css: "button[value=selection]").clickAndWaitForNavigation()
        #expect(try await session.currentPath() == "/sessions")
        #expect(try await session.findElements(css: "tbody tr").count == 2)
        try await check("sessions", axe)

        try await session.findElement(css: "tbody tr a").clickAndWaitForNavigation()
        #expect(try await heading().hasPrefix("Session P1-"))
        try await check("session", axe)
        try await session.findElement(css: "a[href$='/liberer']").clickAndWaitForNavigation()
        try await check("session-liberer", axe)
        try await session.findElement(css: "main form button").clickAndWaitForNavigation()
        #expect(try await session.findElements(css: "tbody tr").count == 1)

        await site.stop()
    }

    @Test func fixSessionWithErrors() async throws {
        let site = try ApplicationSite()
        let axe = try Axe(scriptFile: BrowserTestSettings.axeScript)
        try await session.deleteAllCookies()
        try await session.navigate(to: site.url("/connexion"))
        try await logIn()

        try await session.navigate(to: site.url("/sessions/nouvelle"))
        try await check("session-nouvelle", axe)
        _ = try await session.executeScript(
            """
            document.getElementById('champ-diplome').value = 'DEAF';
            document.getElementById('champ-organisateur').value = '52';
            """
        )
        try await session.findElement(css: "#champ-jour-1-date").fill("15/03/2025")
        try await session.findElement(css: "button[value=enregistrer]").clickAndWaitForNavigation()
        #expect(try await errorText(of: "champ-jour-1-date").contains("week-end"))
        try await check("session-nouvelle-erreurs", axe)

        try await session.findElement(css: "#champ-jour-1-date").fill("20/03/2025")
        try await session.findElement(css: "button[value=enregistrer]").clickAndWaitForNavigation()
        #expect(try await session.currentPath() == "/sessions/C-DEAF-52-20250320")

        await site.stop()
    }

    // MARK: Steps

    private func importExampleCandidates(into site: ApplicationSite) throws {
        let file = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appending(path: "examples/candidats-vae-2024.csv")
        let result = CandidateFileReader.read(
            try Data(contentsOf: file),
            reference: try ReferenceData.bundled(),
            today: CivilDate(year: 2024, month: 12, day: 2) ?? CivilDate(daysSinceEpoch: 0)
        )
        try #require(result.issues.isEmpty)
        let store = try CertifStore(path: site.folder.appending(path: "certif.sqlite").path)
        _ = try store.importCandidates(
            result.candidates.map(\.candidate),
            actor: StoreActor(name: "test")
        )
        try store.close()
    }

    private func logIn() async throws {
        try await session.findElement(css: "#champ-identifiant").fill("admin")
        try await session.findElement(css: "#champ-mot_de_passe").fill(ApplicationSite.password)
        try await session.findElement(css: "form[action='/connexion']").submit()
    }

    private func runPlan(from: String) async throws {
        try await session.findElement(css: "#champ-du").fill(from)
        try await session.findElement(css: "#champ-au").fill("31/03/2026")
        try await session.findElement(css: "form[action='/planification'] button")
            .clickAndWaitForNavigation()
    }

    private func heading() async throws -> String {
        try await session.findElement(css: "h1").text()
    }

    /// Returns the text of the error shown under the field whose control has `id`.
    private func errorText(of id: String) async throws -> String {
        try await session.findElement(css: "#" + id + "-erreur").text()
    }

    /// Runs axe-core on the page shown, which must have no serious or critical violation,
    /// and saves its screenshot as `name` for the documentation.
    private func check(_ name: String, _ axe: Axe) async throws {
        let report = try await axe.run(in: session)
        #expect(report.violations(atLeast: .serious).isEmpty, "\(name): \(report)")
        try await saveDocumentationScreenshot(of: session, name: name)
    }
}
