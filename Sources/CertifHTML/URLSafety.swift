/// The check on URLs written in `href`, `src`, `action` and the other URL attributes.
///
/// A URL is allowed when it is relative (`/candidats`, `?page=2`, `#contenu`, `//host/path`)
/// or when its scheme is http, https, mailto or tel. Any other scheme, `javascript:`, `data:`
/// and `vbscript:` among them, is replaced with `rejectedURL`, which a browser does not load.
public enum URLSafety {
    /// The schemes allowed in a URL attribute, in lowercase.
    public static let allowedSchemes: Set<String> = ["http", "https", "mailto", "tel"]

    /// The inert URL that replaces a rejected one, so that a rejected link stays visible on
    /// the page and leads nowhere.
    public static let rejectedURL = "about:invalid#rejected-url"

    /// Returns `url` when it is allowed, and `rejectedURL` otherwise.
    public static func sanitized(_ url: String) -> String {
        isAllowed(url) ? url : rejectedURL
    }

    /// Whether `url` is relative or has one of the `allowedSchemes`.
    ///
    /// The scheme is read as a browser reads it (WHATWG URL Standard, basic URL parser): after
    /// removing leading and trailing control characters and spaces and every tab, CR and LF,
    /// a scheme is an ASCII letter followed by ASCII letters, digits, `+`, `-` or `.`, ending
    /// at the first `:`. So `java\tscript:` and ` JavaScript:` are read as `javascript:`. A
    /// URL without such a prefix, `/a:b` or `ｊａｖａｓｃｒｉｐｔ:` for instance, is relative.
    public static func isAllowed(_ url: String) -> Bool {
        guard let scheme = scheme(of: url) else { return true }
        return allowedSchemes.contains(scheme)
    }

    /// The scheme of `url` in lowercase, or nil for a relative URL.
    static func scheme(of url: String) -> String? {
        var scalars = url.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }[...]
        while let first = scalars.first, first.value <= 0x20 {
            scalars.removeFirst()
        }
        guard let first = scalars.first, first.isASCII, first.properties.isAlphabetic else {
            return nil
        }
        var scheme = ""
        for scalar in scalars {
            if scalar == ":" {
                return scheme.lowercased()
            }
            let isSchemeCharacter =
                scalar.isASCII
                && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                    || scalar == "+" || scalar == "-" || scalar == ".")
            guard isSchemeCharacter else { return nil }
            scheme.unicodeScalars.append(scalar)
        }
        return nil
    }
}
