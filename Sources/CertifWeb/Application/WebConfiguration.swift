import CertifAuth
import CertifDomain
import Foundation

/// What the web application needs besides its routes: where the database is, how it looks, and
/// the security policies.
public struct WebConfiguration: Sendable {
    /// The SQLite database, created and migrated when missing.
    public var databasePath: String
    /// The installed DSFR `dist` folder (scripts/install-dsfr.sh). When nil, or when a file
    /// that the pages link is missing, the pages use Certif's neutral stylesheet instead.
    public var dsfrDirectory: String?
    /// Marks the session cookie `Secure`: set it when a TLS reverse proxy serves Certif.
    public var secureCookies: Bool
    /// Takes the client's address from the last `X-Forwarded-For` entry, for login
    /// throttling by address: set it only behind a reverse proxy that writes that header.
    public var trustForwardedFor: Bool
    public var sessionPolicy: SessionLifetime.Policy
    public var passwordHasher: PasswordHasher
    public var throttlePolicy: LoginThrottlePolicy
    /// The clock of every request, replaced in tests.
    public var now: @Sendable () -> Date
    /// The plan date and "today" of every page, for a demonstration on past data; nil uses
    /// the clock.
    public var fixedToday: CivilDate?
    /// Database connections kept open for requests; a request waits when all are in use.
    public var storeConnections: Int

    public init(
        databasePath: String,
        dsfrDirectory: String? = nil,
        secureCookies: Bool = false,
        trustForwardedFor: Bool = false,
        sessionPolicy: SessionLifetime.Policy = SessionLifetime.Policy(),
        passwordHasher: PasswordHasher = PasswordHasher(),
        throttlePolicy: LoginThrottlePolicy = LoginThrottlePolicy(),
        now: @escaping @Sendable () -> Date = { Date() },
        fixedToday: CivilDate? = nil,
        storeConnections: Int = 8
    ) {
        self.databasePath = databasePath
        self.dsfrDirectory = dsfrDirectory
        self.secureCookies = secureCookies
        self.trustForwardedFor = trustForwardedFor
        self.sessionPolicy = sessionPolicy
        self.passwordHasher = passwordHasher
        self.throttlePolicy = throttlePolicy
        self.now = now
        self.fixedToday = fixedToday
        self.storeConnections = storeConnections
    }

    /// Today's civil date in Paris, where the national administration works, or `fixedToday`;
    /// plans made from the pages start from it.
    public var today: CivilDate {
        if let fixedToday {
            return fixedToday
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Paris") ?? .gmt
        let parts = calendar.dateComponents([.year, .month, .day], from: now())
        return CivilDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
            ?? CivilDate(daysSinceEpoch: 0)
    }
}
