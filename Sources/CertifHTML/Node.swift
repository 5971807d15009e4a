/// A piece of an HTML document: an element, escaped text, a fragment of several nodes, or raw
/// HTML that the caller vouches for.
///
/// Text and attribute values are escaped when the node is rendered, so a node built from user
/// data without `raw(unsafe:)` can't add markup. The element functions (`div`, `p`, `input` …)
/// build elements, and `NodeBuilder` lets their trailing closures list the children:
///
/// ```swift
/// let node = p(.class("fr-text--sm")) {
///     "Dossier de "
///     strong { candidate.name }
/// }
/// ```
///
/// No element takes text that the browser reads as script or style: `script` takes a `src`
/// only and there is no `style` element, so one escaping is enough for every text the module
/// renders.
public struct Node: Sendable, Equatable {
    enum Content: Sendable, Equatable {
        case element(Element)
        case text(String)
        case fragment([Node])
        case raw(String)
    }

    let content: Content

    init(_ content: Content) {
        self.content = content
    }

    /// Text, escaped when rendered.
    public static func text(_ text: String) -> Node {
        Node(.text(text))
    }

    /// Several nodes rendered one after the other, with nothing around them.
    public static func fragment(_ nodes: [Node]) -> Node {
        Node(.fragment(nodes))
    }

    /// Several nodes rendered one after the other, listed in a builder closure.
    public static func fragment(@NodeBuilder _ content: () -> [Node]) -> Node {
        Node(.fragment(content()))
    }

    /// A node that renders nothing.
    public static let empty = Node(.fragment([]))

    /// HTML written out exactly as given, without escaping.
    ///
    /// This is the one way around the escaping, so the caller must make sure that `html` comes
    /// from the code and never from user data.
    public static func raw(unsafe html: String) -> Node {
        Node(.raw(html))
    }
}

/// An element with its name, its attributes in the order given and its children.
struct Element: Sendable, Equatable {
    let name: String
    let attributes: [Attribute]
    let children: [Node]
    /// Whether the element is void (`input`, `img` …): written without a closing tag, and never
    /// with children.
    let isVoid: Bool

    init(name: String, attributes: [Attribute], children: [Node] = [], isVoid: Bool = false) {
        self.name = name
        self.attributes = Attribute.merged(attributes)
        self.children = children
        self.isVoid = isVoid
    }
}

extension Node {
    /// Builds an element. `name` must be one of the names that the element functions pass,
    /// which is why the function is internal.
    static func element(
        _ name: String,
        _ attributes: [Attribute],
        _ children: [Node] = []
    ) -> Node {
        Node(.element(Element(name: name, attributes: attributes, children: children)))
    }

    /// Builds an element whose children are listed in a builder closure.
    static func element(
        _ name: String,
        _ attributes: [Attribute],
        @NodeBuilder content: () -> [Node]
    ) -> Node {
        element(name, attributes, content())
    }

    /// Returns the element with `attributes` added after its own, or the node unchanged when it
    /// is not an element.
    public func addingAttributes(_ attributes: [Attribute]) -> Node {
        guard case .element(let element) = content else { return self }
        let combined = Element(
            name: element.name,
            attributes: element.attributes + attributes,
            children: element.children,
            isVoid: element.isVoid
        )
        return Node(.element(combined))
    }

    /// Builds a void element, which has no children and no closing tag.
    static func voidElement(_ name: String, _ attributes: [Attribute]) -> Node {
        Node(.element(Element(name: name, attributes: attributes, isVoid: true)))
    }
}
