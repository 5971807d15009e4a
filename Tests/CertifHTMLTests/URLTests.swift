import Testing

@testable import CertifHTML

@Suite struct URLTests {
    static let rejected = [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "  javascript:alert(1)",
        "\u{01}javascript:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "java\rscript:alert(1)",
        "javascript\t:alert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "DATA:image/svg+xml,<svg onload=alert(1)>",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "blob:https://example.org/0b2c",
        "about:blank",
        "ftp://example.org/",
        "x-custom+scheme.v1:anything",
    ]

    static let allowed = [
        "https://www.service-public.fr/particuliers",
        "HTTPS://WWW.LEGIFRANCE.GOUV.FR",
        "http://127.0.0.1:8080/healthz",
        "mailto:certification@example.fr",
        "tel:+33123456789",
        "/candidats?page=2&tri=nom",
        "candidats/42",
        "?page=3",
        "#contenu",
        "//example.org/image.png",
        "",
        "/sessions/2025:03",
        "./javascript:alert(1)",
        "jav&#x09;ascript:alert(1)",
        "\u{FF4A}\u{FF41}\u{FF56}\u{FF41}script:alert(1)",
    ]

    @Test(arguments: rejected)
    func schemeRejected(url: String) {
        #expect(!URLSafety.isAllowed(url))
        #expect(URLSafety.sanitized(url) == URLSafety.rejectedURL)
    }

    @Test(arguments: allowed)
    func urlAllowed(url: String) {
        #expect(URLSafety.isAllowed(url))
        #expect(URLSafety.sanitized(url) == url)
    }

    @Test(
        arguments: [
            ("javascript:alert(1)", "javascript"),
            ("HTTPS://x", "https"),
            (" \u{0B}mailto:a@b", "mailto"),
            ("a+b.c-d:x", "a+b.c-d"),
            ("/a:b", nil),
            ("1http:x", nil),
        ] as [(String, String?)]
    )
    func schemeReadAsBrowsersRead(url: String, expected: String?) {
        let scheme = URLSafety.scheme(of: url)

        #expect(scheme == expected)
    }

    /// Every element function and attribute that takes a URL, given a rejected one.
    static let urlContexts: [(String, @Sendable (String) -> Node)] = [
        ("a", { url in a(href: url) { "lien" } }),
        ("href attribute", { url in span(.href(url)) }),
        ("link", { url in link(rel: "stylesheet", href: url) }),
        ("script", { url in script(src: url) }),
        ("img", { url in img(src: url, alt: "") }),
        ("form", { url in form(action: url) { "" } }),
        ("formaction", { url in button(type: .submit, Attribute("formaction", url)) { "" } }),
        ("cite", { url in div(Attribute("cite", url)) }),
        ("poster", { url in div(Attribute("poster", url)) }),
        (
            "navigation link",
            { url in
                PageLayout(style: .fallback, navigation: [NavigationLink("Lien", path: url)])
                    .page(title: "Page") { "" }
            }
        ),
    ]

    @Test(arguments: urlContexts.map { $0.0 })
    func rejectedURLNeverRendered(context: String) throws {
        let render = try #require(Self.urlContexts.first { $0.0 == context }).1

        let html = render("javascript:alert(document.cookie)").render()

        #expect(!html.contains("javascript:"))
        #expect(html.contains(#"="about:invalid#rejected-url""#))
    }

    @Test func ampersandInURLEscaped() {
        let html = a(href: "/candidats?page=2&tri=nom") { "Page 2" }.render()

        #expect(html == #"<a href="/candidats?page=2&amp;tri=nom">Page 2</a>"#)
    }

    @Test func quoteInURLCannotCloseAttribute() {
        let html = a(href: #"/x" onclick="alert(1)"#) { "x" }.render()

        #expect(html == #"<a href="/x&quot; onclick=&quot;alert(1)">x</a>"#)
    }
}
