/// One segment of a route pattern.
enum RouteSegment: Sendable, Equatable {
    case literal(String)
    case parameter(String)
    case remainder(String)

    /// The segment with parameter names left out: two patterns of one shape match the same
    /// paths.
    var shape: String {
        switch self {
        case .literal(let text): return "/" + text
        case .parameter: return ":"
        case .remainder: return "*"
        }
    }

    /// The precedence of the segment when several routes match: literal, then parameter,
    /// then remainder.
    var rank: Int {
        switch self {
        case .literal: return 2
        case .parameter: return 1
        case .remainder: return 0
        }
    }

    static func parse(pattern: String) -> [RouteSegment] {
        precondition(pattern.hasPrefix("/"), "the route pattern \"\(pattern)\" must start with /")
        let parts = pattern.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        var names: Set<Substring> = []
        return parts.enumerated().map { index, part in
            guard let marker = part.first, marker == ":" || marker == "*" else {
                return .literal(String(part))
            }
            let name = part.dropFirst()
            precondition(
                !name.isEmpty && names.insert(name).inserted,
                "the route pattern \"\(pattern)\" has an empty or repeated parameter name"
            )
            if marker == ":" {
                return .parameter(String(name))
            }
            precondition(
                index == parts.count - 1,
                "the route pattern \"\(pattern)\" has a remainder *\(name) before its end"
            )
            return .remainder(String(name))
        }
    }
}

extension Router.Route {
    /// The parameters and the rank vector when the route matches the decoded `path`
    /// segments, or nil.
    func match(_ path: [String]) -> ([String: String], [Int])? {
        var parameters: [String: String] = [:]
        for (index, segment) in segments.enumerated() {
            switch segment {
            case .literal(let text):
                guard index < path.count, path[index] == text else {
                    return nil
                }
            case .parameter(let name):
                guard index < path.count, !path[index].isEmpty else {
                    return nil
                }
                parameters[name] = path[index]
            case .remainder(let name):
                let rest = path[min(index, path.count)...].joined(separator: "/")
                guard !rest.isEmpty else {
                    return nil
                }
                parameters[name] = rest
                return (parameters, segments.map(\.rank))
            }
        }
        guard segments.count == path.count else {
            return nil
        }
        return (parameters, segments.map(\.rank))
    }
}
