/// The violations that axe-core found on one page.
public struct AxeReport: Sendable, CustomStringConvertible {
    /// The version of axe-core that ran, "4.12.1".
    public var engineVersion: String
    /// The page's URL.
    public var url: String
    public var violations: [AxeViolation]

    public init(engineVersion: String, url: String, violations: [AxeViolation]) {
        self.engineVersion = engineVersion
        self.url = url
        self.violations = violations
    }

    /// Returns the violations whose impact is `impact` or worse. A violation without an impact is
    /// counted as minor.
    public func violations(atLeast impact: AxeImpact) -> [AxeViolation] {
        violations.filter { ($0.impact ?? .minor) >= impact }
    }

    /// One line per violation and one indented line per element, for a test's output.
    public var description: String {
        guard !violations.isEmpty else {
            return "axe-core \(engineVersion): no violation on \(url)"
        }
        var lines = ["axe-core \(engineVersion): \(violations.count) violation(s) on \(url)"]
        for violation in violations {
            lines.append(violation.description)
        }
        return lines.joined(separator: "\n")
    }
}

/// One rule that some elements of the page break.
public struct AxeViolation: Sendable, Equatable, Decodable, CustomStringConvertible {
    /// An element that breaks the rule.
    public struct Node: Sendable, Equatable, Decodable {
        /// CSS selectors that find the element. A part inside a frame or a shadow root is
        /// written with ` >>> ` between the selectors of each level.
        public var target: [String]
        /// The element's opening tag, as axe shortens it.
        public var html: String
        /// The fix that axe suggests, in English.
        public var failureSummary: String?

        public init(target: [String], html: String, failureSummary: String?) {
            self.target = target
            self.html = html
            self.failureSummary = failureSummary
        }
    }

    /// The rule's id, "image-alt".
    public var id: String
    /// How much the violation hinders a person, or nil when axe gives none.
    public var impact: AxeImpact?
    /// The rule's short description, "Images must have alternative text".
    public var help: String
    /// The rule's page on Deque University.
    public var helpURL: String
    /// The standards that the rule checks, "wcag2a", "wcag111".
    public var tags: [String]
    public var nodes: [Node]

    public init(
        id: String,
        impact: AxeImpact?,
        help: String,
        helpURL: String,
        tags: [String],
        nodes: [Node]
    ) {
        self.id = id
        self.impact = impact
        self.help = help
        self.helpURL = helpURL
        self.tags = tags
        self.nodes = nodes
    }

    enum CodingKeys: String, CodingKey {
        case id, impact, help, tags, nodes
        case helpURL = "helpUrl"
    }

    public var description: String {
        var lines = ["\(impact?.rawValue ?? "no impact") \(id): \(help) (\(helpURL))"]
        for node in nodes {
            lines.append("    " + node.target.joined(separator: ", ") + "  " + node.html)
        }
        return lines.joined(separator: "\n")
    }
}

/// axe-core's impact levels, from the mildest.
public enum AxeImpact: String, Sendable, Decodable, Comparable, CaseIterable {
    case minor, moderate, serious, critical

    private var rank: Int {
        switch self {
        case .minor: return 0
        case .moderate: return 1
        case .serious: return 2
        case .critical: return 3
        }
    }

    public static func < (left: AxeImpact, right: AxeImpact) -> Bool {
        left.rank < right.rank
    }
}
