import CertifDomain
import CertifHTTP
import CertifStore
import CertifWeb
import Foundation
import Testing

@Suite("Candidate page")
struct CandidateDetailTests {
    @Test("shows identity, route, deadline and its computation")
    func showsIdentityAndDeadline() async throws {
        let web = try WebHarness()
        _ = try web.store().importCandidates(
            [sampleCandidate("C-1", birthName: "LEFÈVRE", givenNames: "Élodie")],
            actor: testActor
        )
        try await web.login("agent-hdf")

        let page = try await web.get("/candidats/C-1", as: "agent-hdf")

        #expect(page.status == .ok)
        #expect(page.bodyText.contains("<h1>LEFÈVRE Élodie</h1>"))
        #expect(page.bodyText.contains("<title>LEFÈVRE Élodie"))
        #expect(page.bodyText.contains("02/06/1985"))
        #expect(page.bodyText.contains("DEAF – "))
        #expect(page.bodyText.contains("Hauts-de-France (32)"))
        #expect(page.bodyText.contains("15/04/2025"))
        #expect(
            page.bodyText.contains("dossier de validation déposé le 15/01/2025, plus 3 mois (R4)")
        )
        #expect(page.bodyText.contains("le candidat n’est dans aucune session fixée"))
        #expect(page.bodyText.contains("href=\"/candidats/C-1/modifier\""))
        #expect(page.bodyText.contains("Création"))
    }

    @Test("shows the exam day of a scheduled candidate")
    func showsExamDay() async throws {
        let web = try WebHarness()
        let store = try web.store()
        _ = try store.importCandidates(
            [sampleCandidate("C-1"), sampleCandidate("C-2", territory: "11")],
            actor: testActor
        )
        let sessionID = try store.schedule(["C-1", "C-2"], organizer: "32")
        try await web.login("agent-hdf")

        let page = try await web.get("/candidats/C-2", as: "agent-hdf")

        #expect(page.status == .ok)
        #expect(page.bodyText.contains("href=\"/sessions/\(Paths.segment(sessionID))\""))
        #expect(page.bodyText.contains("20/03/2025"))
        #expect(page.bodyText.contains("n° 1"))
        #expect(page.bodyText.contains("10:00"))
        #expect(page.bodyText.contains("60 minutes"))
        #expect(page.bodyText.contains("À distance, par visioconférence"))
        // The organiser sees him, but only his home service may edit him.
        #expect(!page.bodyText.contains("/candidats/C-2/modifier"))
    }

    @Test("another territory's candidate is not found for officer and reader")
    func otherTerritoryNotFound() async throws {
        let web = try WebHarness()
        _ = try web.store().importCandidates(
            [sampleCandidate("IDF-1", birthName: "SECRET", territory: "11")],
            actor: testActor
        )
        try await web.login("agent-hdf")
        try await web.login("lecteur")
        try await web.login("admin")

        let officer = try await web.get("/candidats/IDF-1", as: "agent-hdf")
        let reader = try await web.get("/candidats/IDF-1", as: "lecteur")
        let missing = try await web.get("/candidats/NOBODY", as: "agent-hdf")
        let admin = try await web.get("/candidats/IDF-1", as: "admin")

        #expect(officer.status == .notFound)
        #expect(reader.status == .notFound)
        #expect(!officer.bodyText.contains("SECRET"))
        #expect(
            officer.bodyText
                == missing.bodyText.replacingOccurrences(
                    of: try #require(Self.reference(in: missing.bodyText)),
                    with: try #require(Self.reference(in: officer.bodyText))
                )
        )
        #expect(admin.status == .ok)
        #expect(admin.bodyText.contains("SECRET"))
    }

    @Test("identifier with reserved characters routes back to its page")
    func identifierWithReservedCharacters() async throws {
        let web = try WebHarness()
        _ = try web.store().importCandidates([sampleCandidate("2025/A 1")], actor: testActor)
        try await web.login("admin")

        let list = try await web.get("/candidats", as: "admin")
        let page = try await web.get("/candidats/2025%2FA%201", as: "admin")

        #expect(list.bodyText.contains("href=\"/candidats/2025%2FA%201\""))
        #expect(page.status == .ok)
        #expect(page.bodyText.contains("2025/A 1"))
    }

    @Test(
        "path segments escape as Foundation does",
        arguments: ["C-001", "2025/A 1", "Élodie_~.", "a%b?c#d", "ＩＤ１", "😀", ""]
    )
    func pathSegments(_ id: String) {
        var allowed = CharacterSet()
        allowed.insert(
            charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~"
        )

        #expect(Paths.segment(id) == id.addingPercentEncoding(withAllowedCharacters: allowed))
    }

    /// The request reference that an error page shows, which differs between two requests.
    private static func reference(in html: String) -> String? {
        guard let range = html.range(of: "Référence : ") else { return nil }
        return String(html[range.upperBound...].prefix(16))
    }
}
