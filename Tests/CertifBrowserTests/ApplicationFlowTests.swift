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
        try await check("connexion", axe)
        try await logIn("admin")
        #expect(try await session.currentPath() == "/")
        #expect(try await heading() == "Tableau de bord")
        try await check("tableau-de-bord", axe)

        for (path, title, name) in [
            ("/referentiel", "Référentiel", "referentiel"),
            ("/journal", "Journal", "journal"),
            ("/comptes", "Comptes", "comptes"),
            ("/compte", "Mon compte", "mon-compte"),
        ] {
            try await session.navigate(to: site.url(path))
            #expect(try await heading().hasPrefix(title), "\(path)")
            try await check(name, axe)
        }

        try await logOut()
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

    // MARK: Steps

    func logIn(_ login: String) async throws {
        try await session.findElement(css: "#champ-identifiant").fill(login)
        try await session.findElement(css: "#champ-mot_de_passe").fill(ApplicationSite.password)
        try await session.findElement(css: "form[action='/connexion']").submit()
    }

    func logOut() async throws {
        let button = try await session.findElement(
            css: ".fr-header__tools form[action='/deconnexion'] button"
        )
        try await button.clickAndWaitForNavigation()
        #expect(try await session.currentPath() == "/connexion")
        let notice = try await session.findElement(css: ".fr-alert--info").text()
        #expect(notice.contains("Vous êtes déconnecté."))
    }

    func heading() async throws -> String {
        try await session.findElement(css: "h1").text()
    }

    /// Runs axe-core on the page shown, which must have no serious or critical violation,
    /// and saves its screenshot as `name` for the documentation.
    func check(_ name: String, _ axe: Axe) async throws {
        let report = try await axe.run(in: session)
        #expect(report.violations(atLeast: .serious).isEmpty, "\(name): \(report)")
        try await saveDocumentationScreenshot(of: session, name: name)
    }
}
