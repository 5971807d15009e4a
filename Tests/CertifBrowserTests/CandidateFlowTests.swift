import BrowserTesting
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
        try site.importExampleCandidates()
        let axe = try Axe(scriptFile: BrowserTestSettings.axeScript)
        try await session.deleteAllCookies()
        try await session.navigate(to: site.url("/connexion"))
        try await session.logIn()

        try await session.navigate(to: site.url("/candidats"))
        #expect(try await session.findElement(css: "main h2").text() == "138 candidats")
        try await session.checkPage("candidats", axe)
        try await session.navigate(to: site.url("/candidats?statut=en-attente&echeance=abc"))
        #expect(
            try await session.errorText(of: "champ-echeance").contains("Nombre de jours invalide")
        )
        try await session.checkPage("candidats-filtres-erreurs", axe)
        try await session.navigate(to: site.url("/candidats?voie=VAE&page=2"))
        try await session.findElement(css: "tbody tr a").clickAndWaitForNavigation()
        #expect(try await session.currentPath().hasPrefix("/candidats/"))
        try await session.checkPage("candidat", axe)

        try await session.navigate(to: site.url("/candidats/nouveau"))
        try await session.checkPage("candidat-nouveau", axe)
        try await session.findElement(css: "#champ-identifiant").fill("WEB-1")
        try await session.findElement(css: "#champ-nom_naissance").fill("DUPONT")
        try await session.findElement(css: "#champ-date_naissance").fill("31/02/1980")
        try await session.findElement(css: "form[action='/candidats/nouveau'] button[type=submit]")
            .clickAndWaitForNavigation()
        #expect(try await session.errorText(of: "champ-date_naissance").contains("n'existe pas"))
        try await session.checkPage("candidat-nouveau-erreurs", axe)

        await site.stop()
    }

    @Test func importWithErrorsThenConfirmed() async throws {
        let site = try ApplicationSite()
        let axe = try Axe(scriptFile: BrowserTestSettings.axeScript)
        try await session.deleteAllCookies()
        try await session.navigate(to: site.url("/connexion"))
        try await session.logIn()
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
        try await session.checkPage("candidats-import", axe)
        try await session.findElement(css: "#champ-fichier").sendKeys(bad.path)
        try await session.findElement(css: "form[action='/candidats/import'] button")
            .clickAndWaitForNavigation()
        #expect(try await session.findElement(css: "h1").text() == "Aperçu de l’import")
        #expect(try await session.findElements(css: "tbody tr").count == 2)
        try await session.checkPage("candidats-import-erreurs", axe)

        try await session.findElement(css: "#champ-fichier").sendKeys(good.path)
        try await session.findElement(css: "form[action='/candidats/import'] button")
            .clickAndWaitForNavigation()
        try await session.checkPage("candidats-import-apercu", axe)
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
}
