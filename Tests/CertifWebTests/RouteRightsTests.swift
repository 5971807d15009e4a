import CertifDomain
import CertifHTTP
import CertifStore
import CertifWeb
import Foundation
import Testing

/// Every route of the router, for every role, with objects of another territory: what rule
/// R15 forbids gets 404, as for an object that does not exist, and nothing is written.
@Suite("Every route for every role")
struct RouteRightsTests {
    /// Routes that a person without a session may open.
    static let openRoutes: Set<String> = [
        "GET /connexion", "POST /connexion", "GET /accessibilite", "GET /static/certif.css",
        "GET /static/dsfr/*path",
    ]
    /// Routes that every logged-in person may use, a national reader included.
    static let everybodyRoutes: Set<String> = [
        "GET /", "GET /compte", "POST /compte/mot-de-passe", "POST /deconnexion",
    ]

    /// The data: the example year planned and accepted, so that fixed sessions exist, and
    /// the ids that each route's parameters take.
    struct World {
        let fixture: PlanningFixture
        /// Objects that the officer of Hauts-de-France (32) may not see.
        let foreign: [String: String]

        init() async throws {
            fixture = try await PlanningFixture()
            let planID = try await fixture.runPlan()
            let accepted = try await fixture.web.post(
                "/planification/plans/\(planID)/accepter",
                [("portee", "tout")],
                as: "admin"
            )
            try #require(accepted.status == .seeOther, "acceptance: \(accepted.bodyText)")
            let store = try fixture.web.store()
            let hdf = TerritoryCode(rawValue: "32")
            let idf = TerritoryCode(rawValue: "11")
            let sessions = try store.fixedSessions()
            let byID = fixture.candidates
            let foreignSession = try #require(
                sessions.first { session in
                    session.organizer != hdf
                        && session.days.flatMap(\.candidates).allSatisfy {
                            byID[$0.id]?.territory != hdf
                        }
                },
                "a session organised elsewhere without candidates of Hauts-de-France"
            )
            let foreignCandidate = try #require(
                byID.values.sorted { $0.id < $1.id }.first { candidate in
                    candidate.territory == idf
                        && !sessions.contains { session in
                            session.organizer == hdf
                                && session.days.flatMap(\.candidates).contains {
                                    $0.id == candidate.id
                                }
                        }
                }
            )
            let admin = try #require(try store.account(login: "admin")).account
            foreign = [
                "candidats": foreignCandidate.id,
                "sessions": foreignSession.id,
                "comptes": admin.id.description,
                "plans": String(planID),
            ]
        }

        /// Returns the route's path with each parameter replaced by an object of another territory.
        func path(for pattern: String) -> String? {
            let segments = pattern.split(separator: "/", omittingEmptySubsequences: false)
            var result: [String] = []
            for (index, segment) in segments.enumerated() {
                if segment.hasPrefix("*") {
                    return nil
                }
                guard segment.hasPrefix(":") else {
                    result.append(String(segment))
                    continue
                }
                let section = String(segments[index - 1])
                switch String(segment.dropFirst()) {
                case "diplome": result.append("DEAF")
                case "voie": result.append("vae")
                case "jeton": result.append("1")
                default:
                    guard let id = foreign[section] else {
                        Issue.record("no object for the parameter of \(pattern)")
                        return nil
                    }
                    result.append(Paths.segment(id))
                }
            }
            return result.joined(separator: "/")
        }
    }

    static func key(_ route: Router.Route) -> String {
        "\(route.method.rawValue) \(route.pattern)"
    }

    static func isPageRoute(_ route: Router.Route) -> Bool {
        !route.pattern.hasPrefix("/api/") && !openRoutes.contains(key(route))
            && route.pattern != "/healthz" && route.pattern != "/readyz"
    }

    @Test("Anonymous requests go to login")
    func anonymous() async throws {
        let world = try await World()
        let web = world.fixture.web
        var checked = 0
        defer { #expect(checked >= 5, "only \(checked) routes checked") }
        for route in web.router.routes where Self.isPageRoute(route) {
            guard let path = world.path(for: route.pattern) else { continue }
            checked += 1
            let response =
                route.method == .post
                ? try await web.post(path, [], as: nil) : try await web.get(path)
            #expect(response.status == .seeOther, "\(Self.key(route))")
            #expect(
                response.headers["Location"]?.hasPrefix("/connexion") == true,
                "\(Self.key(route))"
            )
        }
    }

    @Test("A national reader gets 404 everywhere but his dashboard and account")
    func reader() async throws {
        let world = try await World()
        let web = world.fixture.web
        var checked = 0
        defer { #expect(checked >= 5, "only \(checked) routes checked") }
        let before = try web.store().auditLog(limit: 10_000).count
        for route in web.router.routes
        where Self.isPageRoute(route) && !Self.everybodyRoutes.contains(Self.key(route)) {
            guard let path = world.path(for: route.pattern) else { continue }
            checked += 1
            let response =
                route.method == .post
                ? try await web.post(path, [], as: "lecteur")
                : try await web.get(path, as: "lecteur")
            #expect(response.status == .notFound, "\(Self.key(route))")
        }
        #expect(try web.store().auditLog(limit: 10_000).count == before, "nothing is written")
    }

    @Test("An officer gets 404 for another territory's objects and for national pages")
    func officerOfAnotherTerritory() async throws {
        let world = try await World()
        let web = world.fixture.web
        var checked = 0
        defer { #expect(checked >= 5, "only \(checked) routes checked") }
        let before = try web.store().auditLog(limit: 10_000).count
        // Plans are national: an officer may open every plan, filtered (see PlanningRightsTests).
        let allowed = Self.everybodyRoutes.union([
            "GET /candidats", "GET /candidats/nouveau", "POST /candidats/nouveau",
            "GET /candidats/import", "POST /candidats/import", "POST /candidats/import/confirmer",
            "GET /planification", "POST /planification", "GET /planification/comparer",
            "GET /planification/plans/:id", "GET /planification/plans/:id/calendrier",
            "GET /planification/plans/:id/export.csv", "GET /planification/plans/:id/export.xlsx",
            "GET /candidats/export.csv", "GET /candidats/export.xlsx",
            "POST /planification/plans/:id/accepter", "GET /sessions", "GET /sessions/nouvelle",
            "POST /sessions/nouvelle", "GET /journal",
        ])
        for route in web.router.routes
        where Self.isPageRoute(route) && !allowed.contains(Self.key(route)) {
            guard let path = world.path(for: route.pattern) else { continue }
            checked += 1
            let response =
                route.method == .post
                ? try await web.post(path, [], as: "agent-hdf")
                : try await web.get(path, as: "agent-hdf")
            #expect(response.status == .notFound, "\(Self.key(route)) as agent-hdf")
        }
        #expect(try web.store().auditLog(limit: 10_000).count == before, "nothing is written")
    }

    @Test("Every posted form without its CSRF token is refused")
    func csrfEverywhere() async throws {
        let world = try await World()
        let web = world.fixture.web
        var checked = 0
        defer { #expect(checked >= 5, "only \(checked) routes checked") }
        for route in web.router.routes
        where route.method == .post && Self.isPageRoute(route) {
            guard let path = world.path(for: route.pattern) else { continue }
            checked += 1
            let response = try await web.post(path, [], as: "admin", csrf: false)
            #expect(response.status == .forbidden, "\(Self.key(route))")
        }
    }
}
