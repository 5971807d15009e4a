// The document, its head and its body.

/// Builds a whole HTML document: the doctype followed by `html` with the language given,
/// French by default.
public func document(
    lang language: String = "fr",
    _ attributes: Attribute...,
    @NodeBuilder content: () -> [Node]
) -> Node {
    .fragment([
        .raw(unsafe: "<!DOCTYPE html>"),
        .element("html", [.lang(language)] + attributes, content()),
    ])
}

/// Builds the `html` element, with the language given, French by default.
public func html(
    lang language: String = "fr",
    _ attributes: Attribute...,
    @NodeBuilder content: () -> [Node]
) -> Node {
    .element("html", [.lang(language)] + attributes, content())
}

public func head(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    .element("head", attributes, content())
}

public func body(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    .element("body", attributes, content())
}

/// Builds `<meta charset="…">`, which must come first in `head`.
public func meta(charset: String = "utf-8") -> Node {
    .voidElement("meta", [Attribute("charset", charset)])
}

/// Builds `<meta name="…" content="…">`.
public func meta(name: String, content: String) -> Node {
    .voidElement("meta", [.name(name), Attribute("content", content)])
}

public func title(_ text: String) -> Node {
    .element("title", [], [.text(text)])
}

/// Builds `<link rel="…" href="…">`, with `href` checked by `URLSafety`.
public func link(rel: String, href: String, _ attributes: Attribute...) -> Node {
    .voidElement("link", [.rel(rel), .href(href)] + attributes)
}

/// Builds a script element that loads `src`, checked by `URLSafety`. There is no way to
/// write an inline script, because the pages' Content Security Policy allows scripts from
/// the same origin only.
public func script(src: String, _ attributes: Attribute...) -> Node {
    .element("script", [.src(src)] + attributes)
}
