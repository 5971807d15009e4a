import Foundation

/// The paths of the application's objects, with each identifier percent-encoded so that any
/// character of an identifier gives a path that routes back to it.
public enum Paths {
    public static func candidate(_ id: String) -> String { "/candidats/" + segment(id) }
    public static func session(_ id: String) -> String { "/sessions/" + segment(id) }
    public static func plan(_ id: Int) -> String { "/planification/plans/\(id)" }

    /// `text` as one path segment: everything but unreserved ASCII characters escaped.
    public static func segment(_ text: String) -> String {
        var allowed = CharacterSet()
        allowed.insert(
            charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~"
        )
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}
