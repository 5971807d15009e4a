/// The stylesheets that the layout links: the French State's design system (DSFR) or Certif's
/// neutral fallback.
public enum PageStyle: Sendable, Equatable {
    /// The DSFR files that scripts/install-dsfr.sh installs, served under `dsfrURLPrefix`. Only
    /// in this style does the page show the State's brand: the "République française" block in
    /// the header and the footer, and the links to the State's sites.
    case dsfr
    /// The built-in stylesheet served at `FallbackStylesheet.path`, for a deployment without
    /// the DSFR files. It lays out the same classes without the State's logo, font or colours.
    case fallback

    /// The URL path under which the server serves the installed DSFR `dist` folder.
    public static let dsfrURLPrefix = "/static/dsfr/"

    /// The files that `.dsfr` pages link, relative to the DSFR folder. A server chooses `.dsfr`
    /// only when all of them exist.
    public static let dsfrLinkedFiles = [
        "dsfr.min.css",
        "utility/icons/icons.min.css",
        "favicon/apple-touch-icon.png",
        "favicon/favicon.svg",
        "favicon/favicon.ico",
    ]
}
