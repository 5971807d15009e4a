import BrowserTesting
import Foundation
import Testing

/// A certification officer's day in a real browser: log in, look at each main page, and log
/// out. Each main page is checked with axe-core and, when `CERTIF_SCREENSHOTS` is set, saved
/// as a screenshot for the documentation.
@Suite(.serialized, .sharedBrowser) struct ApplicationFlowTests {
    let session: WebDriverSession

    init() throws {
        session = try SharedBrowser.session()
    }

    @Test func administratorTour() async throws {
        let site = try ApplicationSite()
        let axe = try Axe(scriptFile: BrowserTestSettings.axeScript)
        try await session.deleteAllCookies()

        try await session.navigate(to: site.url("/"))
        #expect(try await session.currentPath() == "/connexion")
        try await session.checkPage("connexion", axe)
        try await session.logIn("admin")
        #expect(try await session.currentPath() == "/")
        #expect(try await session.heading() == "Tableau de bord")
        try await session.checkPage("tableau-de-bord", axe)

        for (path, title, name) in [
            ("/referentiel", "Référentiel", "referentiel"),
            ("/journal", "Journal", "journal"),
            ("/comptes", "Comptes", "comptes"),
            ("/compte", "Mon compte", "mon-compte"),
        ] {
            try await session.navigate(to: site.url(path))
            #expect(try await session.heading().hasPrefix(title), "\(path)")
            try await session.checkPage(name, axe)
        }

        try await session.logOut()
        await site.stop()
    }

    /// The whole day: log in, import a file with errors and then the good one, run a plan,
    /// accept a session, log out.
    @Test func certificationOfficersDay() async throws {
        let site = try ApplicationSite()
        let axe = try Axe(scriptFile: BrowserTestSettings.axeScript)
        try await session.deleteAllCookies()
        try await session.navigate(to: site.url("/connexion"))
        try await session.logIn("admin")

        let example = BrowserTestSettings.packageRoot.appending(
            path: "examples/candidats-vae-2024.csv"
        )
        let lines = try String(contentsOf: example, encoding: .utf8)
            .split(whereSeparator: \.isNewline)
        let broken = site.folder.appending(path: "candidats-avec-erreurs.csv")
        let wrongRoute = Substring(
            lines[1].replacingOccurrences(of: ";VAE;", with: ";VOIE-INCONNUE;")
        )
        try Data(([lines[0], wrongRoute] + lines[2...]).joined(separator: "\r\n").utf8)
            .write(to: broken)

        try await session.navigate(to: site.url("/candidats/import"))
        try await session.findElement(css: "#champ-fichier").sendKeys(broken.path)
        try await session.findElement(css: "form[action='/candidats/import'] button")
            .clickAndWaitForNavigation()
        let preview = try await session.findElement(css: "main").text()
        #expect(preview.contains("VOIE-INCONNUE"), "the error quotes the value")
        #expect(
            try await session.findElements(css: "form[action='/candidats/import/confirmer']")
                .isEmpty
        )
        try await session.findElement(css: "#champ-fichier").sendKeys(example.path)
        try await session.findElement(css: "form[action='/candidats/import'] button")
            .clickAndWaitForNavigation()
        try await session.findElement(css: "form[action='/candidats/import/confirmer'] button")
            .clickAndWaitForNavigation()
        #expect(try await session.findElement(css: "main h2").text() == "138 candidats")

        try await session.navigate(to: site.url("/planification"))
        try await session.runPlan(from: "01/01/2025")
        #expect(try await session.currentPath() == "/planification/plans/1")
        let labels = try await session.findElements(css: "input[name=sessions] + label")
        try #require(!labels.isEmpty)
        try await labels[0].click()
        try await session.findElement(css: "button[value=selection]").clickAndWaitForNavigation()
        #expect(try await session.currentPath() == "/sessions")
        #expect(try await session.findElements(css: "tbody tr").count == 1)

        try await session.navigate(to: site.url("/"))
        #expect(try await session.heading() == "Tableau de bord")
        try await session.checkPage("tableau-de-bord-apres-plan", axe)
        try await session.logOut()
        await site.stop()
    }

    @Test func wrongPasswordShowsTheError() async throws {
        let site = try ApplicationSite()
        try await session.deleteAllCookies()
        try await session.navigate(to: site.url("/connexion"))
        try await session.findElement(css: "#champ-identifiant").fill("admin")
        try await session.findElement(css: "#champ-mot_de_passe").fill("pas le bon")
        try await session.findElement(css: "form[action='/connexion']").submit()
        let alert = try await session.findElement(css: "[role=alert]").text()
        #expect(alert.contains("Identifiant ou mot de passe incorrect."))
        #expect(
            try await session.findElement(css: "#champ-identifiant").property("value") == "admin"
        )
        await site.stop()
    }
}
