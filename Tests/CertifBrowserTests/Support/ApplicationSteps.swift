import BrowserTesting
import CertifDomain
import CertifImport
import CertifStore
import Foundation
import Testing

extension ApplicationSite {
    /// Loads examples/candidats-vae-2024.csv, 138 synthetic VAE candidates, into the site's
    /// database, as `certif import` would.
    func importExampleCandidates() throws {
        let file = BrowserTestSettings.packageRoot.appending(
            path: "examples/candidats-vae-2024.csv"
        )
        let result = CandidateFileReader.read(
            try Data(contentsOf: file),
            reference: try ReferenceData.bundled(),
            today: CivilDate(year: 2024, month: 12, day: 2) ?? CivilDate(daysSinceEpoch: 0)
        )
        try #require(result.issues.isEmpty)
        let store = try CertifStore(path: folder.appending(path: "certif.sqlite").path)
        _ = try store.importCandidates(
            result.candidates.map(\.candidate),
            actor: StoreActor(name: "test")
        )
        try store.close()
    }
}

/// The steps that the flow tests share, on the login page and on every page.
extension WebDriverSession {
    /// Fills the login form shown and posts it.
    func logIn(_ login: String = "admin") async throws {
        try await findElement(css: "#champ-identifiant").fill(login)
        try await findElement(css: "#champ-mot_de_passe").fill(ApplicationSite.password)
        try await findElement(css: "form[action='/connexion']").submit()
    }

    /// Clicks the header's logout button and checks the login page's notice.
    func logOut() async throws {
        try await findElement(css: ".fr-header__tools form[action='/deconnexion'] button")
            .clickAndWaitForNavigation()
        #expect(try await currentPath() == "/connexion")
        let notice = try await findElement(css: ".fr-alert--info").text()
        #expect(notice.contains("Vous êtes déconnecté."))
    }

    /// Fills the planning form from `from` to 31/03/2026 and runs the planner.
    func runPlan(from: String) async throws {
        try await findElement(css: "#champ-du").fill(from)
        try await findElement(css: "#champ-au").fill("31/03/2026")
        try await findElement(css: "form[action='/planification'] button")
            .clickAndWaitForNavigation()
    }

    func heading() async throws -> String {
        try await findElement(css: "h1").text()
    }

    /// Returns the text of the error shown under the field whose control has `id`.
    func errorText(of id: String) async throws -> String {
        try await findElement(css: "#" + id + "-erreur").text()
    }

    /// Runs axe-core on the page shown, which must have no serious or critical violation,
    /// and saves its screenshot as `name` for the documentation.
    func checkPage(_ name: String, _ axe: Axe) async throws {
        let report = try await axe.run(in: self)
        #expect(report.violations(atLeast: .serious).isEmpty, "\(name): \(report)")
        try await saveDocumentationScreenshot(of: self, name: name)
    }
}
