// Tables.

/// The cells that a header cell applies to.
public enum TableScope: String, Sendable {
    case col
    case row
    case colgroup
    case rowgroup
}

public func table(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    .element("table", attributes, content())
}

/// Builds the table's title, which must be the table's first child.
public func caption(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    .element("caption", attributes, content())
}

public func thead(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    .element("thead", attributes, content())
}

public func tbody(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    .element("tbody", attributes, content())
}

public func tfoot(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    .element("tfoot", attributes, content())
}

public func tr(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    .element("tr", attributes, content())
}

/// Builds a header cell, with the cells it applies to in `scope` so that screen readers
/// announce it.
public func th(
    scope: TableScope,
    _ attributes: Attribute...,
    @NodeBuilder content: () -> [Node]
) -> Node {
    .element("th", [Attribute("scope", scope.rawValue)] + attributes, content())
}

public func td(
    _ attributes: Attribute...,
    @NodeBuilder content: () -> [Node] = { [] }
) -> Node {
    .element("td", attributes, content())
}
