// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Certif",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "certif", targets: ["certif"])
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .systemLibrary(
            name: "CMicroHTTPD",
            pkgConfig: "libmicrohttpd",
            providers: [.apt(["libmicrohttpd-dev"])]
        ),
        .systemLibrary(
            name: "CSodium",
            pkgConfig: "libsodium",
            providers: [.apt(["libsodium-dev"])]
        ),
        .systemLibrary(
            name: "CXLSXWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        .target(
            name: "CertifDomain",
            resources: [.copy("Reference")]
        ),
        .target(name: "CertifImport", dependencies: ["CertifDomain"]),
        .target(name: "CertifPlanning", dependencies: ["CertifDomain"]),
        .target(
            name: "CertifStore",
            dependencies: ["CertifAuth", "CertifDomain", "CertifPlanning", "CSQLite"]
        ),
        .target(name: "CertifSynthetic", dependencies: ["CertifDomain"]),
        .target(
            name: "CertifDocuments",
            dependencies: ["CertifDomain", "CertifPlanning", "CXLSXWriter"]
        ),
        .target(name: "CertifHTML"),
        .target(name: "CertifHTTP", dependencies: ["CMicroHTTPD"]),
        .target(name: "CertifAuth", dependencies: ["CertifDomain", "CSodium"]),
        .target(
            name: "CertifServices",
            dependencies: [
                "CertifAuth", "CertifDomain", "CertifImport", "CertifPlanning", "CertifStore",
            ]
        ),
        .target(
            name: "CertifWeb",
            dependencies: [
                "CertifAuth", "CertifDocuments", "CertifDomain", "CertifHTML", "CertifHTTP",
                "CertifImport",
                "CertifPlanning", "CertifServices", "CertifStore",
            ]
        ),
        .target(
            name: "CertifCommands",
            dependencies: [
                "CertifAuth", "CertifDocuments", "CertifDomain", "CertifHTTP", "CertifImport",
                "CertifPlanning", "CertifServices", "CertifStore", "CertifSynthetic", "CertifWeb",
            ]
        ),
        .executableTarget(name: "certif", dependencies: ["CertifCommands"]),
        // libFuzzer targets for the body parsers, built by `make fuzz` with -sanitize=fuzzer.
        .target(name: "FuzzSupport"),
        .executableTarget(name: "FuzzFormBody", dependencies: ["CertifHTTP", "FuzzSupport"]),
        .executableTarget(name: "FuzzMultipartBody", dependencies: ["CertifHTTP", "FuzzSupport"]),
        // Drives Chromium over WebDriver and runs axe-core, for the browser tests only.
        .target(name: "BrowserTesting"),
        .executableTarget(
            name: "CertifBench",
            dependencies: ["CertifDomain", "CertifPlanning", "CertifSynthetic"]
        ),
        .testTarget(name: "CertifDomainTests", dependencies: ["CertifDomain"]),
        .testTarget(name: "CertifImportTests", dependencies: ["CertifImport"]),
        .testTarget(name: "CertifPlanningTests", dependencies: ["CertifPlanning"]),
        .testTarget(name: "CertifStoreTests", dependencies: ["CertifAuth", "CertifStore"]),
        .testTarget(
            name: "CertifCLITests",
            dependencies: ["CertifCommands", "CertifPlanning", "CertifStore"]
        ),
        .testTarget(name: "CertifSyntheticTests", dependencies: ["CertifSynthetic"]),
        .testTarget(name: "CertifHTMLTests", dependencies: ["CertifHTML"]),
        .testTarget(
            name: "CertifHTTPTests",
            dependencies: ["CertifHTTP"],
            exclude: ["FuzzCorpus"]
        ),
        .testTarget(name: "CertifAuthTests", dependencies: ["CertifAuth"]),
        .testTarget(
            name: "CertifWebTests",
            dependencies: [
                "BrowserTesting", "CSQLite", "CertifHTTP", "CertifServices", "CertifStore",
                "CertifWeb",
            ]
        ),
        .testTarget(
            name: "CertifDocumentsTests",
            dependencies: ["CertifDocuments", "CertifImport"]
        ),
        .testTarget(
            name: "CertifBrowserTests",
            dependencies: [
                "BrowserTesting", "CertifAuth", "CertifDomain", "CertifHTML", "CertifHTTP",
                "CertifStore", "CertifWeb",
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
