import CertifAuth
import CertifDomain
import CertifHTML
import CertifHTTP
import CertifStore
import Foundation

/// Certif's web application: its routes, the pages' frame, the sessions and the database.
///
/// `router()` gives the routes to serve with `HTTPServer`, and `serverConfiguration(address:)`
/// the matching error pages and readiness check. Every route but the login page, `/healthz`,
/// `/readyz` and the static files requires a logged-in person, and every form posted carries
/// its CSRF token (see `WebRouter`).
public final class WebApplication: Sendable {
    public let configuration: WebConfiguration
    public let reference: ReferenceData
    public let logger: Logger
    let stores: StorePool
    let style: PageStyle
    let staticFiles: StaticFiles
    let throttle: LoginThrottleState
    let flash = FlashMessages()

    /// Opens the database (creating and migrating it when needed) to check that it can be
    /// used, and chooses the DSFR style when its files are installed.
    public init(
        configuration: WebConfiguration,
        reference: ReferenceData,
        logger: Logger = Logger(label: "certif.web")
    ) throws {
        self.configuration = configuration
        self.reference = reference
        self.logger = logger
        let clock = configuration.now
        _ = try CertifStore(path: configuration.databasePath, now: { clock() })
        stores = StorePool(
            path: configuration.databasePath,
            capacity: configuration.storeConnections,
            now: configuration.now
        )
        staticFiles = StaticFiles(dsfrDirectory: configuration.dsfrDirectory)
        style = staticFiles.hasDSFR ? .dsfr : .fallback
        throttle = LoginThrottleState(policy: configuration.throttlePolicy)
    }

    /// Whether the pages use the State's design system, or the neutral stylesheet.
    public var usesDSFR: Bool { style == .dsfr }

    /// Builds the table of all the application's routes.
    public func router() -> Router {
        var routes = WebRouter(application: self)
        staticFiles.addRoutes(to: &routes)
        addAuthenticationRoutes(to: &routes)
        addAccountRoutes(to: &routes)
        addDashboardRoutes(to: &routes)
        addPlanningRoutes(to: &routes)
        addSessionRoutes(to: &routes)
        addAPIRoutes(to: &routes)
        addPlanAPIRoutes(to: &routes)
        addCandidateAPIRoutes(to: &routes)
        addPlanExportRoutes(to: &routes)
        addCandidateExportRoutes(to: &routes)
        addReferenceRoutes(to: &routes)
        addJournalRoutes(to: &routes)
        addAccountsRoutes(to: &routes)
        addCandidateRoutes(to: &routes)
        return routes.router
    }

    /// The HTTP server's settings for this application: its error pages, and a readiness
    /// check that queries the database.
    public func serverConfiguration(
        address: String,
        threadPoolSize: Int = 4,
        logger: Logger? = nil
    ) -> HTTPServer.Configuration {
        HTTPServer.Configuration(
            address: address,
            threadPoolSize: threadPoolSize,
            readiness: { [stores] in
                (try? await stores.run { store in try store.schemaVersions().isEmpty == false })
                    ?? false
            },
            logger: logger ?? self.logger,
            errorResponse: { [self] status, message, requestID in
                errorPage(status: status, message: message, requestID: requestID)
            }
        )
    }
}
