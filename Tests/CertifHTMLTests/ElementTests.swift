import Testing

@testable import CertifHTML

@Suite struct ElementTests {
    @Test func booleanAttributesWrittenWithoutValue() {
        let html = input(type: .checkbox, .name("accord"), .checked, .required, .disabled)
            .render()

        #expect(html == #"<input type="checkbox" name="accord" checked required disabled>"#)
    }

    @Test func falseBooleanAttributeOmitted() {
        let html = input(type: .checkbox, .checked(false), .required(true), .hidden(false))
            .render()

        #expect(html == #"<input type="checkbox" required>"#)
    }

    @Test func booleanAttributeCanBeAnyName() {
        let html = details(.open, Attribute.boolean("inert")) { summary { "Détail" } }.render()

        #expect(html == "<details open inert><summary>Détail</summary></details>")
    }

    @Test(arguments: [
        (input(type: .text, .name("nom")), #"<input type="text" name="nom">"#),
        (img(src: "/logo.png", alt: "Logo"), #"<img src="/logo.png" alt="Logo">"#),
        (br(), "<br>"),
        (hr(), "<hr>"),
        (meta(charset: "utf-8"), #"<meta charset="utf-8">"#),
        (meta(name: "robots", content: "noindex"), #"<meta name="robots" content="noindex">"#),
        (link(rel: "stylesheet", href: "/a.css"), #"<link rel="stylesheet" href="/a.css">"#),
    ])
    func voidElementHasNoClosingTag(node: Node, expected: String) {
        #expect(node.render() == expected)
    }

    @Test func emptyElementKeepsClosingTag() {
        #expect(div().render() == "<div></div>")
        #expect(td().render() == "<td></td>")
        #expect(script(src: "/a.js").render() == #"<script src="/a.js"></script>"#)
    }

    @Test func documentStartsWithDoctypeInFrench() {
        let html = document { head { title("Accueil") } }.render()

        #expect(
            html == #"<!DOCTYPE html><html lang="fr"><head><title>Accueil</title></head></html>"#
        )
    }

    @Test func languageHelpers() {
        #expect(html(lang: "en") { "" }.render() == #"<html lang="en"></html>"#)
        #expect(span(.lang("en")) { "draft" }.render() == #"<span lang="en">draft</span>"#)
    }

    @Test func ariaAndDataHelpers() {
        let html = div(.aria("describedby", "champ-nom-erreur"), .data("ligne", "12")).render()

        #expect(html == #"<div aria-describedby="champ-nom-erreur" data-ligne="12"></div>"#)
    }

    @Test func attributesKeepOrderGiven() {
        let html = a(href: "/x", .title("T"), .id("i"), .class("c"), .rel("next")) { "x" }
            .render()

        #expect(html == #"<a href="/x" title="T" id="i" class="c" rel="next">x</a>"#)
    }

    @Test func repeatedClassesJoined() {
        let html = div(.class("fr-btn"), .id("b"), .class("", "fr-btn--secondary")).render()

        #expect(html == #"<div class="fr-btn fr-btn--secondary" id="b"></div>"#)
    }

    @Test func repeatedAttributeKeepsFirst() {
        let html = div(.id("premier"), .id("second")).render()

        #expect(html == #"<div id="premier"></div>"#)
    }

    @Test func builderControlFlow() {
        let names = ["Camille", "Alex"]
        let showsCount = true
        let missing: String? = nil

        let html = ul {
            for name in names {
                li { name }
            }
            if showsCount {
                li { "2 candidats" }
            } else {
                li { "aucun" }
            }
            if let missing {
                li { missing }
            }
            names.map { name in li { name.uppercased() } }
        }.render()

        #expect(
            html == "<ul><li>Camille</li><li>Alex</li><li>2 candidats</li>"
                + "<li>CAMILLE</li><li>ALEX</li></ul>"
        )
    }

    @Test func formControls() {
        let html = form(action: "/candidats", .multipartFormData) {
            label(for: "fichier") { "Fichier" }
            input(type: .file, .id("fichier"), .name("fichier"), .accept(".csv"))
            select(name: "voie") {
                option("VAE", value: "vae", selected: true)
                option("Formation", value: "formation")
            }
            button(type: .submit, .class("fr-btn")) { "Envoyer" }
        }.render()

        #expect(
            html == #"<form action="/candidats" method="post" enctype="multipart/form-data">"#
                + #"<label for="fichier">Fichier</label>"#
                + #"<input type="file" id="fichier" name="fichier" accept=".csv">"#
                + #"<select name="voie"><option value="vae" selected>VAE</option>"#
                + #"<option value="formation">Formation</option></select>"#
                + #"<button type="submit" class="fr-btn">Envoyer</button></form>"#
        )
    }

    @Test func textareaKeepsLeadingLineBreak() {
        #expect(textarea(name: "n", text: "a").render() == #"<textarea name="n">a</textarea>"#)
        #expect(
            textarea(name: "n", text: "\nb").render() == "<textarea name=\"n\">\n\nb</textarea>"
        )
    }

    @Test func tableHeaderCellsHaveScope() {
        let html = dataTable(caption: "Sessions") {
            thead { tr { th(scope: .col) { "Date" } } }
            tbody { tr { th(scope: .row) { "15/03/2025" } } }
        }.render()

        #expect(
            html == #"<div class="fr-table"><div class="fr-table__wrapper">"#
                + #"<div class="fr-table__container" tabindex="0" role="region" "#
                + #"aria-label="Sessions"><div class="fr-table__content"><table>"#
                + #"<caption>Sessions</caption><thead><tr><th scope="col">Date</th></tr></thead>"#
                + #"<tbody><tr><th scope="row">15/03/2025</th></tr></tbody></table></div></div>"#
                + "</div></div>"
        )
    }

    @Test func textLevelElements() {
        let html = p {
            small { "a" }
            strong { "b" }
            em { "c" }
            abbr(title: "Validation des acquis de l’expérience") { "VAE" }
            time(datetime: "2025-03-15") { "15/03/2025" }
        }.render()

        #expect(
            html == "<p><small>a</small><strong>b</strong><em>c</em>"
                + #"<abbr title="Validation des acquis de l’expérience">VAE</abbr>"#
                + #"<time datetime="2025-03-15">15/03/2025</time></p>"#
        )
    }
}

@Suite struct AttributeNameTests {
    @Test(arguments: ["id", "class", "aria-describedby", "data-ligne-2", "accept-charset"])
    func nameAllowed(name: String) {
        #expect(Attribute.isAllowedName(name))
    }

    @Test(arguments: [
        "", "onclick", "onload", "style", "srcset", "http-equiv", "Class", "1a", "-a", "data x",
        "a\"b", "a=b", "a>b", "a/b", "é",
    ])
    func nameRejected(name: String) {
        #expect(!Attribute.isAllowedName(name))
    }

    @Test(arguments: ["onclick", "style", "data-x\" onload=\"y"])
    func rejectedNameStopsProgram(name: String) async {
        await #expect(processExitsWith: .failure) { [name] in
            _ = Attribute(name, "x")
        }
    }

    @Test func dataHelperChecksItsName() async {
        await #expect(processExitsWith: .failure) {
            _ = Attribute.data("Nom Complet", "x")
        }
    }
}
