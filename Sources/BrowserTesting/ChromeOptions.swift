/// The settings with which chromedriver starts Chromium: the executable, its command-line
/// switches and the session's timeouts.
///
/// The default switches run a headless browser that works as root (as in CI), at a fixed
/// window size and in French. It contacts no host of its own accord: no sync, no component or
/// extension updates, no metrics, no proxy. Every host name but `localhost` and `127.0.0.1`
/// fails to resolve, so tests load pages from 127.0.0.1 only.
public struct ChromeOptions: Sendable {
    /// Debian's Chromium executable. `/usr/bin/chromium` is a shell wrapper that adds switches
    /// of its own, among them `--enable-remote-extensions`, and exports the API keys that
    /// turn on Google's services, so the tests start the executable behind it.
    public static let debianBinary = "/usr/lib/chromium/chromium"

    public var binary: String
    /// The size of the viewport in CSS pixels, which is also the size of every screenshot of
    /// it. The window is given this size at start, then `WebDriverSession.create` enlarges it
    /// by the height of the browser's own bars so that the viewport has it.
    public var windowWidth: Int
    public var windowHeight: Int
    /// The language of the pages' requests (`Accept-Language`, `navigator.language`) and of
    /// the browser's own texts, such as the file input's button. Those texts come from the
    /// Debian package chromium-l10n, and Chromium on Linux takes their language from the
    /// `LANGUAGE` variable in `environment` rather than from `--lang`.
    public var language: String
    /// Switches added after the defaults, such as `--force-prefers-reduced-motion`.
    public var extraArguments: [String]
    public var timeouts: WebDriverTimeouts

    public init(
        binary: String = ChromeOptions.debianBinary,
        windowWidth: Int = 1280,
        windowHeight: Int = 900,
        language: String = "fr-FR",
        extraArguments: [String] = [],
        timeouts: WebDriverTimeouts = WebDriverTimeouts()
    ) {
        self.binary = binary
        self.windowWidth = windowWidth
        self.windowHeight = windowHeight
        self.language = language
        self.extraArguments = extraArguments
        self.timeouts = timeouts
    }

    /// The variables that the browser's process needs, which `Browser.launch` gives to
    /// chromedriver: `LANGUAGE`, "fr_FR:fr" for "fr-FR".
    public var environment: [String: String] {
        let full = language.replacingOccurrences(of: "-", with: "_")
        return ["LANGUAGE": primaryLanguage == language ? language : full + ":" + primaryLanguage]
    }

    /// "fr" for "fr-FR".
    private var primaryLanguage: String {
        language.split(separator: "-").first.map(String.init) ?? language
    }

    /// Returns the command-line switches, with the browser profile in `userDataFolder`.
    public func arguments(userDataFolder: String) -> [String] {
        [
            "--headless=new",
            // Chromium refuses to start as root with its sandbox, and CI runs as root.
            "--no-sandbox",
            "--disable-gpu",
            // Docker gives a container 64 MB of /dev/shm by default, too little for the
            // renderer, so Chromium keeps its shared memory in /tmp.
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-default-apps",
            "--disable-extensions",
            "--disable-domain-reliability",
            "--disable-client-side-phishing-detection",
            "--disable-breakpad",
            "--disable-features=Translate,OptimizationHints,MediaRouter,"
                + "AutofillServerCommunication,CertificateTransparencyComponentUpdater",
            "--metrics-recording-only",
            "--no-pings",
            "--no-proxy-server",
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
            "--password-store=basic",
            // Keeps screenshots' colours the same from one machine to the next, and their width
            // free of a scroll bar.
            "--force-color-profile=srgb",
            "--hide-scrollbars",
            "--user-data-dir=" + userDataFolder,
            "--window-size=\(windowWidth),\(windowHeight)",
            "--lang=" + language,
        ] + extraArguments
    }

    /// Returns the W3C capabilities of a new session, with `goog:chromeOptions`.
    public func capabilities(userDataFolder: String) -> JSONValue {
        let acceptLanguages =
            primaryLanguage == language ? language : language + "," + primaryLanguage
        let chromeOptions: JSONValue = [
            "binary": .string(binary),
            "args": .array(arguments(userDataFolder: userDataFolder).map(JSONValue.string)),
            "prefs": [
                "intl.accept_languages": .string(acceptLanguages),
                // The password manager would offer to save the password after a login and
                // send it to Google's leak check.
                "credentials_enable_service": false,
                "profile.password_manager_enabled": false,
                "profile.password_manager_leak_detection": false,
            ],
        ]
        return [
            "capabilities": [
                "alwaysMatch": [
                    "browserName": "chrome",
                    "pageLoadStrategy": "normal",
                    "acceptInsecureCerts": false,
                    "unhandledPromptBehavior": "dismiss and notify",
                    "timeouts": timeouts.json,
                    "goog:chromeOptions": chromeOptions,
                ]
            ]
        ]
    }
}

/// The session's timeouts, which the driver applies to each command.
public struct WebDriverTimeouts: Sendable, Equatable {
    /// How long finding an element keeps trying before "no such element". Finding elements
    /// (plural) waits as long before returning an empty list, so a check that something is
    /// absent costs this much.
    public var implicitWait: Duration
    /// How long a navigation may take to load the page.
    public var pageLoad: Duration
    /// How long a script may run, axe-core's included.
    public var script: Duration

    public init(
        implicitWait: Duration = .seconds(2),
        pageLoad: Duration = .seconds(30),
        script: Duration = .seconds(30)
    ) {
        self.implicitWait = implicitWait
        self.pageLoad = pageLoad
        self.script = script
    }

    /// The timeouts object of the protocol, in milliseconds.
    var json: JSONValue {
        [
            "implicit": .number(Double(implicitWait.milliseconds)),
            "pageLoad": .number(Double(pageLoad.milliseconds)),
            "script": .number(Double(script.milliseconds)),
        ]
    }
}

extension Duration {
    /// The duration in whole milliseconds, rounded down.
    var milliseconds: Int64 {
        let parts = components
        return parts.seconds * 1000 + parts.attoseconds / 1_000_000_000_000_000
    }
}
