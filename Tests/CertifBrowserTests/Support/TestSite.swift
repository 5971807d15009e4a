import CertifHTML
import CertifHTTP
import Foundation

/// A small site on 127.0.0.1, with a port that the system picks, for the browser's self-test:
/// pages built with `PageLayout`, a form, a file upload, cookies and a page with accessibility
/// faults.
///
/// Every page is sent with `contentSecurityPolicy`, which forbids inline scripts, except
/// `/sans-csp`, the control page for the test that checks it. With `.dsfr`, the site serves
/// the installed DSFR folder under `/static/dsfr/` too.
final class TestSite: Sendable {
    static let contentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'"

    let server: HTTPServer
    let layout: PageLayout

    /// Starts the site. `dsfrFolder` is the installed DSFR `dist` folder, needed by `.dsfr`.
    init(style: PageStyle = .fallback, dsfrFolder: URL? = nil) throws {
        let layout = PageLayout(
            style: style,
            navigation: [
                NavigationLink("Accueil", path: "/"),
                NavigationLink("Longue page", path: "/longue-page"),
            ],
            footerLinks: [NavigationLink("Accessibilité : non conforme", path: "/accessibilite")]
        )
        self.layout = layout
        let logger = Logger(label: "certif.browser-test", logLevel: .warning)
        server = try HTTPServer(
            configuration: HTTPServer.Configuration(address: "127.0.0.1:0", logger: logger),
            router: Self.router(layout: layout, dsfrFolder: dsfrFolder)
        )
    }

    /// Returns the absolute URL of `path` on this site.
    func url(_ path: String) -> String {
        "http://127.0.0.1:\(server.boundPort)\(path)"
    }

    func stop() async {
        await server.stop(gracePeriod: .seconds(1))
    }

    private static func router(layout: PageLayout, dsfrFolder: URL?) -> Router {
        var router = Router()
        if let dsfrFolder {
            router.get(PageStyle.dsfrURLPrefix + "*path") { request in
                try staticFile(request.pathParameters["path"] ?? "", in: dsfrFolder)
            }
        }
        router.get(FallbackStylesheet.path) { _ in
            var response = HTTPResponse.text(FallbackStylesheet.css)
            response.headers.replaceOrAdd(name: "Content-Type", value: "text/css; charset=utf-8")
            return response
        }
        router.get("/") { _ in
            page(layout.page(title: "Formulaire d’essai", currentPath: "/") { formContent() })
        }
        router.post("/salutation") { request in
            let name = (try request.formBody())["nom"] ?? ""
            var response = page(
                layout.page(title: "Salutation", currentPath: "/") {
                    h1 { "Salutation" }
                    p(.id("salutation")) { "Bonjour, \(name) !" }
                    p { a(href: "/") { "Revenir au formulaire" } }
                }
            )
            response.headers.add(
                name: "Set-Cookie",
                value: "visite=1; Path=/; HttpOnly; SameSite=Lax"
            )
            return response
        }
        router.post("/televersement", bodyLimit: .fileUpload) { request in
            let part = try request.multipartBody().part(named: "fichier")
            return page(
                layout.page(title: "Fichier reçu", currentPath: "/") {
                    h1 { "Fichier reçu" }
                    p(.id("nom-fichier")) { part?.filename ?? "aucun fichier" }
                    p(.id("taille-fichier")) { "\(part?.body.count ?? 0) octets" }
                }
            )
        }
        router.get("/cookies") { request in
            let names = request.cookies.sorted { $0.key < $1.key }
            return page(
                layout.page(title: "Cookies reçus") {
                    h1 { "Cookies reçus" }
                    ul(.id("cookies")) {
                        for (name, value) in names {
                            li { "\(name)=\(value)" }
                        }
                    }
                }
            )
        }
        router.get("/longue-page") { _ in
            page(
                layout.page(title: "Longue page", currentPath: "/longue-page") {
                    h1 { "Longue page" }
                    for number in 1...80 {
                        p { "Paragraphe \(number) d’une page plus haute que la fenêtre." }
                    }
                }
            )
        }
        router.get("/defauts") { _ in
            page(layout.page(title: "Page avec défauts") { faultyContent() })
        }
        router.get("/sans-csp") { _ in
            .html(layout.page(title: "Page sans CSP") { h1 { "Page sans CSP" } }.render())
        }
        return router
    }

    /// Builds a form to fill in and post, and a file upload form.
    private static func formContent() -> [Node] {
        [
            h1 { "Formulaire d’essai" },
            form(action: "/salutation", .id("formulaire-salutation")) {
                inputField(
                    CertifHTML.FormField(name: "nom", label: "Votre nom", isRequired: true),
                    .autocomplete("name")
                )
                button(type: .submit, .class("fr-btn")) { "Envoyer" }
            },
            h2 { "Envoyer un fichier" },
            form(action: "/televersement", .id("formulaire-fichier"), .multipartFormData) {
                div(.class("fr-upload-group")) {
                    label(for: "champ-fichier", .class("fr-label")) { "Fichier CSV" }
                    input(
                        type: .file,
                        .id("champ-fichier"),
                        .name("fichier"),
                        .class("fr-upload"),
                        .accept(".csv")
                    )
                }
                button(type: .submit, .class("fr-btn")) { "Téléverser" }
            },
        ]
    }

    /// Faults that axe-core reports as critical: an image without a text alternative and a
    /// text field without a label.
    private static func faultyContent() -> [Node] {
        [
            h1 { "Page avec défauts" },
            .raw(unsafe: #"<img src="/absente.png">"#),
            form(action: "/salutation") {
                input(type: .text, .name("nom"))
                button(type: .submit, .class("fr-btn")) { "Envoyer" }
            },
        ]
    }
}

/// Reads `path` in `folder` for the browser. This is a test fixture: the application serves
/// the DSFR files with its own handler in CertifWeb, which this target cannot reach.
private func staticFile(_ path: String, in folder: URL) throws -> HTTPResponse {
    let segments = path.split(separator: "/").map(String.init)
    guard !segments.isEmpty, segments.allSatisfy({ !$0.hasPrefix(".") }) else {
        throw HTTPError.notFound
    }
    let file = segments.reduce(folder) { $0.appending(path: $1) }
    guard let data = try? Data(contentsOf: file) else {
        throw HTTPError.notFound
    }
    let types = [
        "css": "text/css; charset=utf-8", "svg": "image/svg+xml", "png": "image/png",
        "ico": "image/x-icon", "woff2": "font/woff2", "woff": "font/woff",
    ]
    let type = types[file.pathExtension.lowercased()] ?? "application/octet-stream"
    return HTTPResponse(headers: ["Content-Type": type], body: data)
}

/// Makes a 200 HTML response for `document`, with the headers that Certif's pages carry.
private func page(_ document: Node) -> HTTPResponse {
    var response = HTTPResponse.html(document.render())
    response.headers.add(name: "Content-Security-Policy", value: TestSite.contentSecurityPolicy)
    response.headers.add(name: "X-Content-Type-Options", value: "nosniff")
    response.headers.add(name: "Referrer-Policy", value: "same-origin")
    return response
}
