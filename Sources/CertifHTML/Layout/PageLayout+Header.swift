extension PageLayout {
    /// Builds the DSFR header: the logo on `.dsfr` pages, the service name and tagline, the
    /// tools, and the main navigation when there is one.
    ///
    /// The tools are written twice, so they must not contain an `id`.
    func pageHeader(currentPath: String?, tools: Node) -> Node {
        header(.class("fr-header")) {
            div(.class("fr-header__body")) {
                div(.class("fr-container")) {
                    div(.class("fr-header__body-row")) {
                        headerBrand()
                        if tools != .empty {
                            div(.class("fr-header__tools")) {
                                div(.class("fr-header__tools-links")) { tools }
                            }
                        }
                    }
                }
            }
            if !navigation.isEmpty || tools != .empty {
                div(.class("fr-header__menu")) {
                    div(.class("fr-container")) {
                        // DSFR shows the tool area on wide screens only and expects its script
                        // to copy the tools into the menu on narrow ones. Writing them here too
                        // keeps them reachable without script, and the CSS shows one copy.
                        if tools != .empty {
                            div(.class("fr-header__menu-links")) { tools }
                        }
                        if !navigation.isEmpty {
                            mainNavigation(currentPath: currentPath)
                        }
                    }
                }
            }
        }
    }

    private func headerBrand() -> Node {
        div(.class("fr-header__brand", "fr-enlarge-link")) {
            if style == .dsfr {
                div(.class("fr-header__brand-top")) {
                    div(.class("fr-header__logo")) { stateLogo() }
                }
            }
            div(.class("fr-header__service")) {
                a(href: homePath, .title("Accueil — " + serviceName)) {
                    p(.class("fr-header__service-title")) { serviceName }
                }
                p(.class("fr-header__service-tagline")) { tagline }
            }
        }
    }

    private func mainNavigation(currentPath: String?) -> Node {
        nav(.class("fr-nav"), .id(Self.navigationID), .aria("label", "Menu principal")) {
            ul(.class("fr-nav__list")) {
                for item in navigation {
                    li(.class("fr-nav__item")) {
                        if let current = item.ariaCurrent(at: currentPath) {
                            a(href: item.path, .class("fr-nav__link"), .aria("current", current)) {
                                item.title
                            }
                        } else {
                            a(href: item.path, .class("fr-nav__link")) { item.title }
                        }
                    }
                }
            }
        }
    }
}
