import BrowserTesting
import Testing

@Suite struct ChromeOptionsTests {
    @Test func argumentsRunHeadlessAsRootInFrench() {
        let arguments = ChromeOptions().arguments(userDataFolder: "/tmp/profil")

        for required in [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--no-first-run", "--user-data-dir=/tmp/profil", "--window-size=1280,900",
            "--lang=fr-FR",
        ] {
            #expect(arguments.contains(required), "missing \(required)")
        }
    }

    @Test func argumentsTurnOffBackgroundTraffic() {
        let arguments = ChromeOptions().arguments(userDataFolder: "/tmp/profil")

        for required in [
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-default-apps", "--disable-extensions", "--no-proxy-server", "--no-pings",
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
        ] {
            #expect(arguments.contains(required), "missing \(required)")
        }
    }

    @Test(arguments: [("fr-FR", "fr_FR:fr"), ("fr", "fr"), ("en-GB", "en_GB:en")])
    func environmentSetsInterfaceLanguage(language: String, expected: String) {
        let options = ChromeOptions(language: language)

        #expect(options.environment == ["LANGUAGE": expected])
    }

    @Test func extraArgumentsComeLast() {
        let options = ChromeOptions(extraArguments: ["--force-prefers-reduced-motion"])

        let arguments = options.arguments(userDataFolder: "/tmp/profil")

        #expect(arguments.last == "--force-prefers-reduced-motion")
    }

    @Test func capabilitiesCarryChromeOptionsAndTimeouts() {
        let options = ChromeOptions(
            windowWidth: 800,
            windowHeight: 600,
            timeouts: WebDriverTimeouts(
                implicitWait: .milliseconds(1500),
                pageLoad: .seconds(20),
                script: .seconds(45)
            )
        )

        let capabilities = options.capabilities(userDataFolder: "/tmp/profil")

        let match = capabilities["capabilities"]?["alwaysMatch"]
        #expect(match?["browserName"] == "chrome")
        #expect(match?["timeouts"] == ["implicit": 1500, "pageLoad": 20000, "script": 45000])
        let chrome = match?["goog:chromeOptions"]
        #expect(chrome?["binary"] == .string(ChromeOptions.debianBinary))
        #expect(chrome?["args"]?.arrayValue?.contains("--window-size=800,600") == true)
        #expect(chrome?["prefs"]?["intl.accept_languages"] == "fr-FR,fr")
        #expect(chrome?["prefs"]?["credentials_enable_service"] == false)
    }
}
