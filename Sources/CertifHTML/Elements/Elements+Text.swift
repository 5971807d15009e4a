// Sections, grouping, text-level elements and images.

public func header(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    .element("header", attributes, content())
}

public func nav(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    .element("nav", attributes, content())
}

public func main(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    .element("main", attributes, content())
}

public func footer(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    .element("footer", attributes, content())
}

public func section(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    .element("section", attributes, content())
}

public func article(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    .element("article", attributes, content())
}

public func aside(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    .element("aside", attributes, content())
}

public func div(
    _ attributes: Attribute...,
    @NodeBuilder content: () -> [Node] = { [] }
) -> Node {
    .element("div", attributes, content())
}

public func span(
    _ attributes: Attribute...,
    @NodeBuilder content: () -> [Node] = { [] }
) -> Node {
    .element("span", attributes, content())
}

public func p(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    .element("p", attributes, content())
}

/// Builds a link to `href`, checked by `URLSafety`.
public func a(
    href: String,
    _ attributes: Attribute...,
    @NodeBuilder content: () -> [Node]
) -> Node {
    .element("a", [.href(href)] + attributes, content())
}

public func h1(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    .element("h1", attributes, content())
}

public func h2(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    .element("h2", attributes, content())
}

public func h3(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    .element("h3", attributes, content())
}

public func h4(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    .element("h4", attributes, content())
}

public func ul(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    .element("ul", attributes, content())
}

public func ol(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    .element("ol", attributes, content())
}

public func li(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    .element("li", attributes, content())
}

/// Builds a description list, whose children are `dt` terms each followed by `dd` details.
public func dl(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    .element("dl", attributes, content())
}

public func dt(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    .element("dt", attributes, content())
}

public func dd(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    .element("dd", attributes, content())
}

public func small(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    .element("small", attributes, content())
}

public func strong(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    .element("strong", attributes, content())
}

public func em(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    .element("em", attributes, content())
}

public func code(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    .element("code", attributes, content())
}

/// Builds an abbreviation, with its expansion in `title`.
public func abbr(
    title: String,
    _ attributes: Attribute...,
    @NodeBuilder content: () -> [Node]
) -> Node {
    .element("abbr", [.title(title)] + attributes, content())
}

/// Builds a date or time shown as text, with its machine-readable form in `datetime`
/// (`2025-03-15`, `14:30`, `2025-03-15T14:30+01:00`).
public func time(
    datetime: String,
    _ attributes: Attribute...,
    @NodeBuilder content: () -> [Node]
) -> Node {
    .element("time", [Attribute("datetime", datetime)] + attributes, content())
}

/// Builds a disclosure box that the browser opens and closes without script. Its first child
/// should be `summary`.
public func details(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    .element("details", attributes, content())
}

public func summary(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    .element("summary", attributes, content())
}

/// Builds an image loaded from `src`, checked by `URLSafety`. `alt` is required, and an image
/// that is only decoration gets an empty one.
public func img(src: String, alt: String, _ attributes: Attribute...) -> Node {
    .voidElement("img", [.src(src), Attribute("alt", alt)] + attributes)
}

/// Builds a line break, for breaks that belong to the text, such as in an address.
public func br() -> Node {
    .voidElement("br", [])
}

public func hr(_ attributes: Attribute...) -> Node {
    .voidElement("hr", attributes)
}
