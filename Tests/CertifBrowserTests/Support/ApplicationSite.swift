import CertifAuth
import CertifDomain
import CertifHTTP
import CertifStore
import CertifWeb
import Foundation

/// Certif's own web application on 127.0.0.1, on a fresh database, with the DSFR style when
/// `make dsfr` installed it, and the plan date of the example candidates.
final class ApplicationSite: Sendable {
    static let password = "Correct-Horse-Battery-9"

    let folder: URL
    let server: HTTPServer

    /// Starts the site with the national administrator `admin` and the officer `agent-hdf`
    /// of Hauts-de-France (32).
    init() throws {
        folder = FileManager.default.temporaryDirectory
            .appending(path: "certif-browser-app-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let databasePath = folder.appending(path: "certif.sqlite").path
        let hasher = PasswordHasher(parameters: .minimum)
        let store = try CertifStore(path: databasePath)
        let accounts: [(String, String, Role)] = [
            ("admin", "Anne Admin", .nationalAdministrator),
            (
                "agent-hdf", "Hélène Nord",
                .regionalOfficer(territory: TerritoryCode(rawValue: "32"))
            ),
        ]
        for (login, name, role) in accounts {
            _ = try store.createAccount(
                login: login,
                displayName: name,
                role: role,
                passwordHash: try hasher.hash(Self.password),
                actor: StoreActor(name: "test")
            )
        }
        try store.close()
        let application = try WebApplication(
            configuration: WebConfiguration(
                databasePath: databasePath,
                dsfrDirectory: BrowserTestSettings.dsfrFolder?.path,
                passwordHasher: hasher,
                fixedToday: CivilDate(year: 2024, month: 12, day: 2)
            ),
            reference: try ReferenceData.bundled(),
            logger: Logger(label: "certif.browser-app", logLevel: .warning)
        )
        server = try HTTPServer(
            configuration: application.serverConfiguration(address: "127.0.0.1:0"),
            router: application.router()
        )
    }

    func url(_ path: String) -> String {
        "http://127.0.0.1:\(server.boundPort)\(path)"
    }

    func stop() async {
        await server.stop(gracePeriod: .seconds(1))
        try? FileManager.default.removeItem(at: folder)
    }
}
