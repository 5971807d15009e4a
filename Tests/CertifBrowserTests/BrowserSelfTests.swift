import BrowserTesting
import Foundation
import Testing

/// The WebDriver client driving a real headless Chromium through a small site on loopback,
/// whose pages use `PageStyle.fallback` except in the DSFR accessibility test.
@Suite(.serialized, .sharedBrowser) struct BrowserSelfTests {
    let site: TestSite
    let session: WebDriverSession

    init() throws {
        site = try TestSite()
        session = try SharedBrowser.session()
    }

    @Test func formFilledAndPosted() async throws {
        try await session.navigate(to: site.url("/"))
        let title = try await session.title()
        let nameField = try await session.findElement(css: "#champ-nom")

        try await nameField.fill("Camille Exemple")
        try await session.findElement(css: "#formulaire-salutation").submit()

        #expect(title == "Formulaire d’essai — Certif")
        #expect(try await session.currentPath() == "/salutation")
        #expect(try await session.title() == "Salutation — Certif")
        let greeting = try await session.findElement(css: "#salutation").text()
        #expect(greeting == "Bonjour, Camille Exemple !")
    }

    @Test func fieldAttributesAndProperties() async throws {
        try await session.navigate(to: site.url("/"))
        let nameField = try await session.findElement(css: "#champ-nom")

        try await nameField.fill("Alix")

        #expect(try await nameField.tagName() == "input")
        #expect(try await nameField.attribute("required") == "true")
        #expect(try await nameField.attribute("autocomplete") == "name")
        #expect(try await nameField.attribute("placeholder") == nil)
        #expect(try await nameField.property("value") == "Alix")
        #expect(try await nameField.isEnabled())
        #expect(try await nameField.isDisplayed())
        let label = try await session.findElement(css: "label[for=champ-nom]").text()
        #expect(label == "Votre nom")
        let source = try await session.pageSource()
        #expect(source.contains(#"<main id="contenu">"#))
    }

    @Test func fileChosenAndUploaded() async throws {
        let folder = FileManager.default.temporaryDirectory.appending(
            path: "certif-upload-" + UUID().uuidString
        )
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appending(path: "candidats-exemple.csv")
        let contents = "identifiant;nom_naissance\nEX-0001;EXEMPLE\n"
        try Data(contents.utf8).write(to: file)
        try await session.navigate(to: site.url("/"))

        try await session.findElement(css: "#champ-fichier").chooseFile(file)
        try await session.findElement(css: "#formulaire-fichier").submit()

        #expect(try await session.currentPath() == "/televersement")
        let name = try await session.findElement(css: "#nom-fichier").text()
        #expect(name == "candidats-exemple.csv")
        let size = try await session.findElement(css: "#taille-fichier").text()
        #expect(size == "\(contents.utf8.count) octets")
    }

    @Test func cookiesReadAddedAndDeleted() async throws {
        try await session.navigate(to: site.url("/"))
        try await session.deleteAllCookies()
        try await session.findElement(css: "#champ-nom").fill("Lou")
        try await session.findElement(css: "#formulaire-salutation").submit()

        let visit = try await session.cookie(named: "visite")
        try await session.addCookie(WebDriverCookie(name: "essai", value: "42"))
        try await session.navigate(to: site.url("/cookies"))
        let sentWithBoth = try await session.findElements(css: "#cookies li")
        var sentTexts: [String] = []
        for item in sentWithBoth {
            sentTexts.append(try await item.text())
        }
        try await session.deleteCookie(named: "visite")
        let remaining = try await session.cookies().map(\.name)
        try await session.deleteAllCookies()

        #expect(visit?.value == "1")
        #expect(visit?.httpOnly == true)
        #expect(visit?.sameSite == "Lax")
        #expect(sentTexts == ["essai=42", "visite=1"])
        #expect(remaining == ["essai"])
        #expect(try await session.cookies().isEmpty)
        #expect(try await session.cookie(named: "visite") == nil)
    }

    @Test func scriptsReturnValues() async throws {
        try await session.navigate(to: site.url("/"))
        let heading = try await session.findElement(css: "h1")

        let sum = try await session.executeScript(
            "return arguments[0] + arguments[1];",
            arguments: [2, 3]
        )
        let text = try await session.executeScript(
            "return arguments[0].textContent;",
            arguments: [heading.json]
        )
        let delayed = try await session.executeAsyncScript(
            """
            const done = arguments[arguments.length - 1];
            setTimeout(() => done({ language: document.documentElement.lang, answer: 42 }), 50);
            """
        )
        let language = try await session.executeScript("return navigator.language;")

        #expect(sum == 5)
        #expect(text == "Formulaire d’essai")
        #expect(delayed == ["language": "fr", "answer": 42])
        #expect(language == "fr-FR")
    }

    @Test func scriptErrorCarriesDriverMessage() async throws {
        try await session.navigate(to: site.url("/"))

        let error = try await #require(throws: WebDriverError.self) {
            try await session.executeScript("throw new Error('panne voulue');")
        }

        #expect(error.code == .javascriptError)
        #expect(error.message.contains("panne voulue"))
        #expect(error.command == "POST /session/{id}/execute/sync")
        #expect(error.httpStatus == 500)
    }

    @Test func missingElementRaisesNoSuchElement() async throws {
        try await session.navigate(to: site.url("/"))
        try await session.setTimeouts(WebDriverTimeouts(implicitWait: .milliseconds(100)))

        let error = try await #require(throws: WebDriverError.self) {
            try await session.findElement(css: "#absent")
        }
        let none = try await session.findElements(css: "#absent")
        try await session.setTimeouts(WebDriverTimeouts())

        #expect(error.code == .noSuchElement)
        #expect(error.message.contains("#absent"), "\(error)")
        #expect(none.isEmpty)
    }

    @Test func staleElementAfterNavigation() async throws {
        try await session.navigate(to: site.url("/"))
        let heading = try await session.findElement(css: "h1")

        try await session.navigate(to: site.url("/longue-page"))
        let error = try await #require(throws: WebDriverError.self) {
            try await heading.text()
        }

        #expect(error.code == .staleElementReference)
    }
}
