extension PageLayout {
    /// The State sites that a DSFR footer links to, as in django-dsfr 3.6.1's footer template.
    static let stateSites: [NavigationLink] = [
        NavigationLink("info.gouv.fr", path: "https://www.info.gouv.fr"),
        NavigationLink("service-public.gouv.fr", path: "https://service-public.gouv.fr"),
        NavigationLink("legifrance.gouv.fr", path: "https://legifrance.gouv.fr"),
        NavigationLink("data.gouv.fr", path: "https://data.gouv.fr"),
    ]

    /// Builds the DSFR footer: the logo and the State's sites on `.dsfr` pages, the
    /// description, and the footer links.
    func pageFooter() -> Node {
        footer(.class("fr-footer"), .id(Self.footerID)) {
            div(.class("fr-container")) {
                div(.class("fr-footer__body")) {
                    if style == .dsfr {
                        div(.class("fr-footer__brand", "fr-enlarge-link")) {
                            a(href: homePath, .title("Retour à l’accueil — " + serviceName)) {
                                stateLogo()
                            }
                        }
                    }
                    div(.class("fr-footer__content")) {
                        p(.class("fr-footer__content-desc")) { footerDescription }
                        if style == .dsfr {
                            ul(.class("fr-footer__content-list")) {
                                for site in Self.stateSites {
                                    li(.class("fr-footer__content-item")) {
                                        a(href: site.path, .class("fr-footer__content-link")) {
                                            site.title
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                if !footerLinks.isEmpty {
                    div(.class("fr-footer__bottom")) {
                        ul(.class("fr-footer__bottom-list")) {
                            for item in footerLinks {
                                li(.class("fr-footer__bottom-item")) {
                                    a(href: item.path, .class("fr-footer__bottom-link")) {
                                        item.title
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
