/// A link of the main navigation or of the footer.
public struct NavigationLink: Sendable, Equatable {
    /// The text of the link, in French.
    public var title: String
    /// The URL path that the link leads to, such as `/candidats`.
    public var path: String

    public init(_ title: String, path: String) {
        self.title = title
        self.path = path
    }

    /// Returns the `aria-current` value for this link on the page at `currentPath`: `page` on the
    /// link's own page, `true` on a page under it (`/candidats/42` under `/candidats`), and nil
    /// elsewhere. The root path `/` is current on itself only.
    func ariaCurrent(at currentPath: String?) -> String? {
        guard let currentPath else { return nil }
        if currentPath == path { return "page" }
        let section = path.hasSuffix("/") ? path : path + "/"
        if path != "/" && currentPath.hasPrefix(section) { return "true" }
        return nil
    }
}
