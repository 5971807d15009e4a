import Foundation
import Testing

@testable import CertifHTML

@Suite struct LayoutTests {
    static let layout = PageLayout(
        style: .dsfr,
        navigation: [
            NavigationLink("Tableau de bord", path: "/"),
            NavigationLink("Candidats", path: "/candidats"),
            NavigationLink("Sessions", path: "/sessions"),
        ],
        footerLinks: [
            NavigationLink("Accessibilité : non conforme", path: "/accessibilite"),
            NavigationLink("Mentions légales", path: "/mentions-legales"),
        ]
    )

    static func render(_ layout: PageLayout, currentPath: String? = "/candidats") -> String {
        let tools = ul(.class("fr-btns-group")) {
            li {
                form(action: "/deconnexion") {
                    csrfInput(token: "jeton")
                    button(type: .submit, .class("fr-btn")) { "Se déconnecter" }
                }
            }
        }
        return layout.page(title: "Candidats", currentPath: currentPath, headerTools: tools) {
            h1 { "Candidats" }
        }.render()
    }

    /// Returns the offset of `fragment` in `html`, or nil when it is missing.
    static func offset(of fragment: String, in html: String) -> Int? {
        guard let range = html.range(of: fragment) else { return nil }
        return html.distance(from: html.startIndex, to: range.lowerBound)
    }

    @Test func landmarksInOrder() throws {
        let html = Self.render(Self.layout)

        let skipLinks = try #require(Self.offset(of: #"<div class="fr-skiplinks">"#, in: html))
        let header = try #require(Self.offset(of: #"<header class="fr-header">"#, in: html))
        let navigation = try #require(
            Self.offset(
                of: #"<nav class="fr-nav" id="navigation-principale" aria-label="Menu principal">"#,
                in: html
            )
        )
        let main = try #require(Self.offset(of: #"<main id="contenu">"#, in: html))
        let footer = try #require(
            Self.offset(of: #"<footer class="fr-footer" id="pied-de-page">"#, in: html)
        )
        #expect(html.hasPrefix(#"<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">"#))
        #expect(skipLinks < header)
        #expect(header < navigation)
        #expect(navigation < main)
        #expect(main < footer)
        #expect(html.hasSuffix("</footer></body></html>"))
    }

    @Test func skipLinksLeadToLandmarks() {
        let html = Self.render(Self.layout)

        #expect(html.contains(#"<nav class="fr-container" aria-label="Accès rapide">"#))
        #expect(html.contains(##"<a href="#contenu" class="fr-link">Contenu</a>"##))
        #expect(html.contains(##"<a href="#navigation-principale" class="fr-link">Menu</a>"##))
        #expect(html.contains(##"<a href="#pied-de-page" class="fr-link">Pied de page</a>"##))
    }

    @Test func stateBrandOnDSFRPage() {
        let html = Self.render(Self.layout)

        #expect(
            html.contains(
                #"<div class="fr-header__logo"><p class="fr-logo">République<br>française</p>"#
            )
        )
        #expect(html.contains(#"<p class="fr-header__service-title">Certif</p>"#))
        #expect(
            html.contains(
                #"<p class="fr-header__service-tagline">"#
                    + "Certification des diplômes du travail social</p>"
            )
        )
        #expect(
            html.contains(
                #"<a href="https://legifrance.gouv.fr" class="fr-footer__content-link">"#
            )
        )
        #expect(html.contains(#"<link rel="stylesheet" href="/static/dsfr/dsfr.min.css">"#))
        #expect(
            html.contains(
                #"<link rel="stylesheet" href="/static/dsfr/utility/icons/icons.min.css">"#
            )
        )
        #expect(!html.contains(FallbackStylesheet.path))
    }

    @Test func fallbackPageShowsNoStateBrand() {
        var layout = Self.layout
        layout.style = .fallback

        let html = Self.render(layout)

        #expect(html.contains(#"<link rel="stylesheet" href="/static/certif.css">"#))
        #expect(!html.contains("/static/dsfr/"))
        #expect(!html.contains("République"))
        #expect(!html.contains("fr-logo"))
        #expect(!html.contains("gouv.fr"))
        #expect(!html.contains("#000091"))
        #expect(html.contains(#"<main id="contenu">"#))
        #expect(html.contains(#"<p class="fr-header__service-title">Certif</p>"#))
    }

    @Test func pageTitleEndsWithServiceName() {
        let html = Self.render(Self.layout)

        #expect(html.contains("<title>Candidats — Certif</title>"))
    }

    @Test func currentPageMarkedInNavigation() {
        let onList = Self.render(Self.layout, currentPath: "/candidats")
        let onDetail = Self.render(Self.layout, currentPath: "/candidats/42")
        let onHome = Self.render(Self.layout, currentPath: "/")

        #expect(onList.contains(#"<a href="/candidats" class="fr-nav__link" aria-current="page">"#))
        #expect(
            onDetail.contains(#"<a href="/candidats" class="fr-nav__link" aria-current="true">"#)
        )
        #expect(onHome.contains(#"<a href="/" class="fr-nav__link" aria-current="page">"#))
        #expect(!onDetail.contains(#"<a href="/" class="fr-nav__link" aria-current"#))
        #expect(onList.components(separatedBy: "aria-current").count - 1 == 1)
    }

    @Test func headerToolsAndFooterLinksShown() {
        let html = Self.render(Self.layout)

        #expect(
            html.contains(#"<div class="fr-header__tools"><div class="fr-header__tools-links">"#)
        )
        #expect(html.contains(#"<div class="fr-header__menu-links"><ul class="fr-btns-group">"#))
        #expect(html.components(separatedBy: #"value="jeton""#).count - 1 == 2)
        #expect(html.contains(#"<a href="/mentions-legales" class="fr-footer__bottom-link">"#))
    }

    @Test func emptyNavigationLeavesNoMenu() {
        let layout = PageLayout(style: .dsfr)

        let html = layout.page(title: "Connexion") { h1 { "Connexion" } }.render()

        #expect(!html.contains("fr-header__menu"))
        #expect(!html.contains("#navigation-principale"))
        #expect(!html.contains("fr-header__tools"))
        #expect(!html.contains("fr-footer__bottom"))
    }

    @Test(arguments: [PageStyle.dsfr, PageStyle.fallback])
    func pageHasNoInlineScriptOrStyle(style: PageStyle) {
        var layout = Self.layout
        layout.style = style

        let html = Self.render(layout)

        #expect(!html.contains("<script"))
        #expect(!html.contains("<style"))
        #expect(!html.contains(" style="))
        #expect(html.range(of: #" on[a-z]+="#, options: .regularExpression) == nil)
        #expect(!html.contains("javascript:"))
    }

    @Test func fallbackStylesheetIsNeutral() {
        let css = FallbackStylesheet.css.lowercased()

        #expect(!css.contains("marianne"))
        #expect(!css.contains("#000091"))
        #expect(!css.contains("#e1000f"))
        #expect(!css.contains("url("))
        #expect(!css.contains("@import"))
    }

    @Test(arguments: [
        "fr-skiplinks", "fr-container", "fr-header", "fr-header__service-title", "fr-nav__link",
        "fr-btn", "fr-input-group--error", "fr-input--error", "fr-select-group--error",
        "fr-error-text", "fr-hint-text", "fr-label", "fr-table", "fr-footer__bottom-list",
    ])
    func fallbackStylesheetStylesClass(name: String) {
        let selector = #"\."# + name + #"(?![A-Za-z0-9_-])"#

        #expect(FallbackStylesheet.css.range(of: selector, options: .regularExpression) != nil)
    }
}
