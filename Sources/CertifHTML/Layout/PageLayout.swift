/// The frame of every Certif page, built with the markup and class names of the French State's
/// design system (DSFR): skip links, a header with the service name and the main navigation,
/// the page's content in `main#contenu`, and a footer.
///
/// The page contains no script and no `style` attribute, so it works under a Content Security
/// Policy without `'unsafe-inline'`. The navigation is a plain list of links that every screen
/// width shows, so it works without JavaScript too. DSFR's collapsible mobile menu would need
/// DSFR's script.
///
/// ```swift
/// let layout = PageLayout(
///     style: .fallback,
///     navigation: [NavigationLink("Candidats", path: "/candidats")]
/// )
/// let page = layout.page(title: "Candidats", currentPath: "/candidats") {
///     h1 { "Candidats" }
/// }
/// let html = page.render()
/// ```
public struct PageLayout: Sendable {
    public var style: PageStyle
    /// The service name shown in the header and at the end of each page's title.
    public var serviceName: String
    /// The line under the service name in the header.
    public var tagline: String
    /// The sentence at the top of the footer that describes the service.
    public var footerDescription: String
    /// The path of the home page, which the service name links to.
    public var homePath: String
    /// The main navigation, in the header. It may be empty, on the login page for instance.
    public var navigation: [NavigationLink]
    /// The links at the bottom of the footer: accessibility statement, legal notice,
    /// personal data.
    public var footerLinks: [NavigationLink]

    public init(
        style: PageStyle,
        serviceName: String = "Certif",
        tagline: String = "Certification des diplômes du travail social",
        footerDescription: String =
            "Certif est le système d’information des services régionaux de l’État qui "
            + "certifient les diplômes du travail social.",
        homePath: String = "/",
        navigation: [NavigationLink] = [],
        footerLinks: [NavigationLink] = []
    ) {
        self.style = style
        self.serviceName = serviceName
        self.tagline = tagline
        self.footerDescription = footerDescription
        self.homePath = homePath
        self.navigation = navigation
        self.footerLinks = footerLinks
    }

    /// The `id` of `main`, which the first skip link leads to.
    public static let contentID = "contenu"
    /// The `id` of the main navigation.
    public static let navigationID = "navigation-principale"
    /// The `id` of the footer.
    public static let footerID = "pied-de-page"

    /// Builds a whole document around `content`.
    ///
    /// - Parameters:
    ///   - title: The page's own title. The document's `title` adds the service name after it.
    ///     The content should start with an `h1` with the same text.
    ///   - currentPath: The path of the page. The navigation link to that path, or to a section
    ///     that contains it, gets `aria-current`.
    ///   - headerTools: Content of the header's tool area, on the right of the service name:
    ///     the user's name and the logout form, for instance. It is written twice, once for
    ///     wide screens and once in the menu for narrow ones, so it must not contain an `id`.
    public func page(
        title pageTitle: String,
        currentPath: String? = nil,
        headerTools: Node = .empty,
        @NodeBuilder content: () -> [Node]
    ) -> Node {
        document {
            documentHead(title: pageTitle)
            body {
                skipLinks()
                pageHeader(currentPath: currentPath, tools: headerTools)
                main(.id(Self.contentID)) {
                    div(.class("fr-container", "fr-my-6w")) {
                        content()
                    }
                }
                pageFooter()
            }
        }
    }

    func documentHead(title pageTitle: String) -> Node {
        head {
            meta(charset: "utf-8")
            meta(name: "viewport", content: "width=device-width, initial-scale=1")
            title(pageTitle + " — " + serviceName)
            switch style {
            case .dsfr:
                let prefix = PageStyle.dsfrURLPrefix
                link(rel: "stylesheet", href: prefix + "dsfr.min.css")
                link(rel: "stylesheet", href: prefix + "utility/icons/icons.min.css")
                meta(name: "theme-color", content: "#000091")
                link(rel: "apple-touch-icon", href: prefix + "favicon/apple-touch-icon.png")
                link(
                    rel: "icon",
                    href: prefix + "favicon/favicon.svg",
                    Attribute("type", "image/svg+xml")
                )
                link(
                    rel: "shortcut icon",
                    href: prefix + "favicon/favicon.ico",
                    Attribute("type", "image/x-icon")
                )
            case .fallback:
                link(rel: "stylesheet", href: FallbackStylesheet.path)
            }
        }
    }

    /// Builds the skip links, which DSFR hides until they get the keyboard focus.
    func skipLinks() -> Node {
        div(.class("fr-skiplinks")) {
            nav(.class("fr-container"), .aria("label", "Accès rapide")) {
                ul(.class("fr-skiplinks__list")) {
                    li { a(href: "#" + Self.contentID, .class("fr-link")) { "Contenu" } }
                    if !navigation.isEmpty {
                        li { a(href: "#" + Self.navigationID, .class("fr-link")) { "Menu" } }
                    }
                    li { a(href: "#" + Self.footerID, .class("fr-link")) { "Pied de page" } }
                }
            }
        }
    }

    /// Builds the "République française" block, which DSFR draws with the Marianne logo and the
    /// motto. It is the State's brand, so only `.dsfr` pages show it.
    func stateLogo() -> Node {
        p(.class("fr-logo")) {
            "République"
            br()
            "française"
        }
    }
}
