import BrowserTesting
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
        try site.importExampleCandidates()
        let axe = try Axe(scriptFile: BrowserTestSettings.axeScript)
        try await session.deleteAllCookies()
        try await session.navigate(to: site.url("/connexion"))
        try await session.logIn()

        try await session.navigate(to: site.url("/planification"))
        try await session.checkPage("planification", axe)
        try await session.runPlan(from: "32/13/2025")
        #expect(try await session.errorText(of: "champ-du").contains("n’est pas valide"))
        try await session.checkPage("planification-erreurs", axe)
        try await session.runPlan(from: "01/01/2025")
        #expect(try await session.currentPath() == "/planification/plans/1")
        try await session.checkPage("plan", axe)

        try await session.navigate(to: site.url("/planification/plans/1?diplome=DEAF"))
        #expect(try await session.heading() == "Plan n° 1 : sessions DEAF")
        try await session.checkPage("plan-diplome", axe)
        try await session.navigate(to: site.url("/planification/plans/1/calendrier?mois=2025-04"))
        try await session.checkPage("plan-calendrier", axe)

        try await session.navigate(to: site.url("/planification/plans/1"))
        let labels = try await session.findElements(css: "input[name=sessions] + label")
        try #require(labels.count >= 2)
        try await labels[0].click()
        try await labels[1].click()
        try await session.findElement(css: "button[value=selection]").clickAndWaitForNavigation()
        #expect(try await session.currentPath() == "/sessions")
        #expect(try await session.findElements(css: "tbody tr").count == 2)
        try await session.checkPage("sessions", axe)

        try await session.findElement(css: "tbody tr a").clickAndWaitForNavigation()
        #expect(try await session.heading().hasPrefix("Session P1-"))
        try await session.checkPage("session", axe)
        try await session.findElement(css: "a[href$='/liberer']").clickAndWaitForNavigation()
        try await session.checkPage("session-liberer", axe)
        try await session.findElement(css: "main form button").clickAndWaitForNavigation()
        #expect(try await session.findElements(css: "tbody tr").count == 1)

        await site.stop()
    }

    @Test func fixSessionWithErrors() async throws {
        let site = try ApplicationSite()
        let axe = try Axe(scriptFile: BrowserTestSettings.axeScript)
        try await session.deleteAllCookies()
        try await session.navigate(to: site.url("/connexion"))
        try await session.logIn()

        try await session.navigate(to: site.url("/sessions/nouvelle"))
        try await session.checkPage("session-nouvelle", axe)
        _ = try await session.executeScript(
            """
            document.getElementById('champ-diplome').value = 'DEAF';
            document.getElementById('champ-organisateur').value = '52';
            """
        )
        try await session.findElement(css: "#champ-jour-1-date").fill("15/03/2025")
        try await session.findElement(css: "button[value=enregistrer]").clickAndWaitForNavigation()
        #expect(try await session.errorText(of: "champ-jour-1-date").contains("week-end"))
        try await session.checkPage("session-nouvelle-erreurs", axe)

        try await session.findElement(css: "#champ-jour-1-date").fill("20/03/2025")
        try await session.findElement(css: "button[value=enregistrer]").clickAndWaitForNavigation()
        #expect(try await session.currentPath() == "/sessions/C-DEAF-52-20250320")

        await site.stop()
    }
}
