import BrowserTesting
import CertifDomain
import CertifImport
import CertifStore
import Foundation
import Testing

/// The candidate pages in a real browser: the list with its filters, one candidate, the form
/// with its errors, and the two-step import of a file with errors then of a good one. Each
/// page, its error states included, is checked with axe-core.
@Suite(.serialized, .sharedBrowser) struct CandidateFlowTests {
    let session: WebDriverSession

    init() throws {
        session = try SharedBrowser.session()
    }

    @Test func listDetailAndForm() async throws {
        let site = try ApplicationSite()
        try importExampleCandidates(into: site)
        let axe = try Axe(scriptFile: BrowserTestSettings.axeScript)
        try await session.deleteAllCookies()
        try await session.navigate(to: site.url("/connexion"))
        try await logIn()

        try await session.navigate(to: site.url("/candidats"))
        #expect(try await session.findElement(css: "main h2").text() == "138 candidats")
        try await check("candidats", axe)
        try await session.navigate(to: site.url("/candidats?statut=en-attente&echeance=abc"))
        #expect(try await errorText(of: "champ-echeance").contains("Nombre de jours invalide"))
        try await check("candidats-filtres-erreurs", axe)
        try await session.navigate(to: site.url("/candidats?voie=VAE&page=2"))
        try await session.findElement(css: "tbody tr a").clickAndWaitForNavigation()
        #expect(try await session.currentPath().hasPrefix("/candidats/"))
        try await check("candidat", axe)

        try await session.navigate(to: site.url("/candidats/nouveau"))
        try await check("candidat-nouveau", axe)
        try await session.findElement(css: "#champ-identifiant").fill("WEB-1")
        try await session.findElement(css: "#champ-nom_naissance").fill("DUPONT")
        try await session.findElement(css: "#champ-date_naissance").fill("31/02/1980")
        try await session.findElement(css: "form[action='/candidats/nouveau'] button[type=submit]")
            .clickAndWaitForNavigation()
        #expect(try await errorText(of: "champ-date_naissance").contains("n'existe pas"))
        try await check("candidat-nouveau-erreurs", axe)

        await site.stop()
    }

    @Test func importWithErrorsThenConfirmed() async throws {
        let site = try ApplicationSite()
        let axe = try Axe(scriptFile: BrowserTestSettings.axeScript)
        try await session.deleteAllCookies()
        try await session.navigate(to: site.url("/connexion"))
        try await logIn()
        let header =
            "identifiant;nom_naissance;nom_usage;prenoms;date_naissance;diplome;voie;"
            + "territoire;disponible_le;date_limite;distanciel;majoration"
        let bad = site.folder.appending(path: "erreurs.csv")
        try Data(
            (header + "\nW-1;GIRARD;;Émilie;31/02/1987;XYZ;VAE;32;06/01/2025;;oui;0\n").utf8
        ).write(to: bad)
        let good = site.folder.appending(path: "candidats.csv")
        try Data(
            (header + "\nW-1;GIRARD;;Émilie;31/08/1987;DEAF;VAE;32;06/01/2025;;oui;0\n").utf8
        ).write(to: good)

        try await session.navigate(to: site.url("/candidats/import"))
        try await check("candidats-import", axe)
        try await session.findElement(css: "#champ-fichier").sendKeys(bad.path)
        try await session.findElement(css: "form[action='/candidats/import'] button")
            .clickAndWaitForNavigation()
        #expect(try await session.findElement(css: "h1").text() == "Aperçu de l’import")
        #expect(try await session.findElements(css: "tbody tr").count == 2)
        try await check("candidats-import-erreurs", axe)

        try await session.findElement(css: "#champ-fichier").sendKeys(good.path)
        try await session.findElement(css: "form[action='/candidats/import'] button")
            .clickAndWaitForNavigation()
        try await check("candidats-import-apercu", axe)
        try await session.findElement(css: "form[action='/candidats/import/confirmer'] button")
            .clickAndWaitForNavigation()
        #expect(try await session.currentPath() == "/candidats")
        #expect(
            try await session.findElement(css: ".fr-alert--success").text().contains(
                "1 candidat créé"
            )
        )

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
