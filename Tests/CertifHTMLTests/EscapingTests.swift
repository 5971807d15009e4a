import Foundation
import Testing

@testable import CertifHTML

@Suite struct EscapingTests {
    @Test(arguments: [
        ("&", "&amp;"),
        ("<", "&lt;"),
        (">", "&gt;"),
        ("\"", "&quot;"),
        ("'", "&#39;"),
    ])
    func specialCharacterEscapedInText(character: String, reference: String) {
        let html = p { "a" + character + "b" }.render()

        #expect(html == "<p>a\(reference)b</p>")
    }

    @Test(arguments: [
        ("&", "&amp;"),
        ("<", "&lt;"),
        (">", "&gt;"),
        ("\"", "&quot;"),
        ("'", "&#39;"),
    ])
    func specialCharacterEscapedInAttribute(character: String, reference: String) {
        let html = span(.title("a" + character + "b")).render()

        #expect(html == #"<span title="a\#(reference)b"></span>"#)
    }

    @Test func otherCharactersKeptAsWritten() {
        let text = "Élodie N’Diaye, 15/03/2025 à 9 h 30 — 100 % ✓ \u{1F600}"

        let html = p(.title(text)) { text }.render()

        #expect(html == #"<p title="\#(text)">\#(text)</p>"#)
    }

    @Test func consecutiveSpecialCharactersAllEscaped() {
        let html = Node.text("<<&&>>\"\"''").render()

        #expect(html == "&lt;&lt;&amp;&amp;&gt;&gt;&quot;&quot;&#39;&#39;")
    }

    @Test func existingReferencesEscapedAgain() {
        let html = Node.text("&lt;script&gt; &amp; &#39;").render()

        #expect(html == "&amp;lt;script&amp;gt; &amp;amp; &amp;#39;")
    }

    @Test func rawHTMLWrittenUnescaped() {
        let html = div { Node.raw(unsafe: "<b>déjà sûr</b>") }.render()

        #expect(html == "<div><b>déjà sûr</b></div>")
    }
}

/// A script payload and the places it can appear, rendered and checked for markup that the
/// payload could have added.
@Suite struct ScriptPayloadTests {
    static let payloads = [
        "<script>alert(1)</script>",
        "\"><script>alert(1)</script>",
        "'><img src=x onerror=alert(1)>",
        "\" onmouseover=\"alert(1)",
        "' autofocus onfocus='alert(1)",
        "</textarea><script>alert(1)</script>",
        "</title><script>alert(1)</script>",
        "</option></select><svg onload=alert(1)>",
        "<!--<script>",
        "<![CDATA[<script>alert(1)</script>]]>",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
    ]

    /// One place where a page shows text.
    struct Context: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let render: @Sendable (String) -> Node
    }

    static let contexts: [Context] = [
        Context(testDescription: "text") { payload in p { payload } },
        Context(testDescription: "title attribute") { payload in span(.title(payload)) },
        Context(testDescription: "data attribute") { payload in div(.data("nom", payload)) },
        Context(testDescription: "aria attribute") { payload in div(.aria("label", payload)) },
        Context(testDescription: "input value") { payload in
            input(type: .text, .name("nom"), .value(payload))
        },
        Context(testDescription: "document title") { payload in title(payload) },
        Context(testDescription: "textarea") { payload in textarea(name: "n", text: payload) },
        Context(testDescription: "option") { payload in option(payload, value: payload) },
        Context(testDescription: "relative link") { payload in
            a(href: "/recherche?q=" + payload) { payload }
        },
        Context(testDescription: "abbreviation") { payload in abbr(title: payload) { payload } },
        Context(testDescription: "image alt") { payload in img(src: "/logo.png", alt: payload) },
        Context(testDescription: "table cell") { payload in
            table {
                tbody {
                    tr {
                        th(scope: .row) { payload }; td { payload }
                    }
                }
            }
        },
        Context(testDescription: "form field") { payload in
            inputField(
                FormField(
                    name: "nom",
                    label: payload,
                    value: payload,
                    hint: payload,
                    error: payload
                )
            )
        },
        Context(testDescription: "select field") { payload in
            selectField(
                FormField(name: "diplome", label: payload, value: payload, error: payload),
                options: [SelectOption(value: payload, label: payload)],
                placeholder: payload
            )
        },
        Context(testDescription: "page layout") { payload in
            PageLayout(
                style: .dsfr,
                serviceName: payload,
                tagline: payload,
                footerDescription: payload,
                navigation: [NavigationLink(payload, path: "/" + payload)],
                footerLinks: [NavigationLink(payload, path: "/" + payload)]
            ).page(title: payload, currentPath: "/" + payload) { p { payload } }
        },
    ]

    /// Checks that the payload changes nothing but the text: the page rendered with it is the
    /// page rendered with a plain word, with the word replaced by the escaped payload.
    @Test(arguments: contexts, payloads)
    func payloadRenderedInert(context: Context, payload: String) {
        let placeholder = "MOTNEUTRE"
        let expected = context.render(placeholder).render()
            .replacingOccurrences(of: placeholder, with: Self.escaped(payload))

        let html = context.render(payload).render()

        #expect(html == expected)
        #expect(!html.contains(payload))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img src=x"))
        #expect(!html.contains("<svg"))
        #expect(!html.contains("<!--"))
    }

    /// Escapes `text` as the renderer should. It is written apart from the renderer so that a
    /// mistake in one does not hide in the other.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }
}
