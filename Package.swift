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
        .target(
            name: "CertifDomain",
            resources: [.copy("Reference")]
        ),
        .target(name: "CertifImport", dependencies: ["CertifDomain"]),
        .target(name: "CertifPlanning", dependencies: ["CertifDomain"]),
        .target(name: "CertifStore", dependencies: ["CertifDomain", "CertifPlanning", "CSQLite"]),
        .target(name: "CertifSynthetic", dependencies: ["CertifDomain"]),
        .target(
            name: "CertifCommands",
            dependencies: [
                "CertifDomain", "CertifImport", "CertifPlanning", "CertifStore", "CertifSynthetic",
            ]
        ),
        .executableTarget(name: "certif", dependencies: ["CertifCommands"]),
        .executableTarget(
            name: "CertifBench",
            dependencies: ["CertifDomain", "CertifPlanning", "CertifSynthetic"]
        ),
        .testTarget(name: "CertifDomainTests", dependencies: ["CertifDomain"]),
        .testTarget(name: "CertifImportTests", dependencies: ["CertifImport"]),
        .testTarget(name: "CertifPlanningTests", dependencies: ["CertifPlanning"]),
        .testTarget(name: "CertifStoreTests", dependencies: ["CertifStore"]),
        .testTarget(
            name: "CertifCLITests",
            dependencies: ["CertifCommands", "CertifPlanning", "CertifStore"]
        ),
        .testTarget(name: "CertifSyntheticTests", dependencies: ["CertifSynthetic"]),
    ],
    swiftLanguageModes: [.v6]
)
