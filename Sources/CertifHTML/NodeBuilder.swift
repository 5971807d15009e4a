/// A result builder that collects the children of an element.
///
/// Each line of the closure may be a `Node`, a `String` (which becomes escaped text) or an
/// array of nodes such as `rows.map { row in tr { … } }`. `if`, `if let`, `switch` and `for`
/// work as in any result builder.
@resultBuilder
public enum NodeBuilder {
    public static func buildExpression(_ node: Node) -> [Node] {
        [node]
    }

    public static func buildExpression(_ text: String) -> [Node] {
        [.text(text)]
    }

    public static func buildExpression(_ nodes: [Node]) -> [Node] {
        nodes
    }

    public static func buildBlock(_ components: [Node]...) -> [Node] {
        components.flatMap { $0 }
    }

    public static func buildOptional(_ component: [Node]?) -> [Node] {
        component ?? []
    }

    public static func buildEither(first component: [Node]) -> [Node] {
        component
    }

    public static func buildEither(second component: [Node]) -> [Node] {
        component
    }

    public static func buildArray(_ components: [[Node]]) -> [Node] {
        components.flatMap { $0 }
    }

    public static func buildLimitedAvailability(_ component: [Node]) -> [Node] {
        component
    }

    /// Turns the collected nodes into one node, for a function or property marked
    /// `@NodeBuilder` that returns `Node`.
    public static func buildFinalResult(_ component: [Node]) -> Node {
        component.count == 1 ? component[0] : .fragment(component)
    }

    public static func buildFinalResult(_ component: [Node]) -> [Node] {
        component
    }
}
