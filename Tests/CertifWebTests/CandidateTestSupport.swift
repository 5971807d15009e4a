import CertifDomain
import CertifHTTP
import CertifImport
import CertifPlanning
import CertifStore
import Foundation
import Testing

/// A candidate of DEAF by VAE, available from 15/01/2025, so that his deadline is 15/04/2025
/// with the default settings.
func sampleCandidate(
    _ id: String,
    birthName: String = "MARTIN",
    givenNames: String = "Claire",
    diploma: String = "DEAF",
    route: AccessRoute = .vae,
    territory: String = "32",
    availableFrom: String = "2025-01-15"
) -> Candidate {
    Candidate(
        id: id,
        birthName: birthName,
        givenNames: givenNames,
        birthDate: CivilDate(year: 1985, month: 6, day: 2) ?? CivilDate(daysSinceEpoch: 0),
        diploma: DiplomaCode(diploma),
        route: route,
        territory: TerritoryCode(territory),
        availableFrom: CivilDate(parsing: availableFrom) ?? CivilDate(daysSinceEpoch: 0)
    )
}

let testActor = StoreActor(name: "test")

extension CertifStore {
    /// Places the candidates in one fixed session of DEAF on 20/03/2025, organised by
    /// `organizer`, through a plan that the test accepts. Returns the fixed session's id.
    @discardableResult
    func schedule(_ candidateIDs: [String], organizer: String) throws -> String {
        let placed = candidateIDs.enumerated().map { offset, id in
            PlacedCandidate(
                id: id,
                mode: .remote,
                host: TerritoryCode("32"),
                commission: 1,
                start: "\(9 + offset):00",
                durationMinutes: 60,
                travels: false,
                reasons: []
            )
        }
        let day = try #require(CivilDate(parsing: "2025-03-20"))
        let session = PlannedSession(
            id: "S1",
            diploma: DiplomaCode("DEAF"),
            organizer: TerritoryCode(organizer),
            fixed: false,
            pooled: true,
            days: [PlannedDay(date: day, commissions: 1, remoteOnly: true, candidates: placed)],
            rules: []
        )
        let plan = Plan(
            today: try #require(CivilDate(parsing: "2024-12-02")),
            from: try #require(CivilDate(parsing: "2025-03-01")),
            to: try #require(CivilDate(parsing: "2025-04-30")),
            settings: Settings(),
            sessions: [session],
            unplanned: [],
            summary: PlanSummary(
                candidates: placed.count,
                planned: placed.count,
                unplanned: 0,
                meanWaitDays: 0
            )
        )
        let planID = try saveDraft(plan, actor: testActor)
        return try #require(try acceptPlan(id: planID, actor: testActor).first)
    }
}

extension WebHarness {
    /// POSTs a multipart form with `fields` and one file as `login`, with a valid CSRF token.
    func postFile(
        _ path: String,
        fields: [(String, String)] = [],
        fileField: String = "fichier",
        filename: String,
        data: Data,
        as login: String
    ) async throws -> HTTPResponse {
        let boundary = "certif-test-\(UUID().uuidString)"
        var body = Data()
        let allFields = fields + [("csrf_token", try csrfToken(for: path, as: login))]
        for (name, value) in allFields {
            body.append(Data("--\(boundary)\r\n".utf8))
            body.append(Data("Content-Disposition: form-data; name=\"\(name)\"\r\n\r\n".utf8))
            body.append(Data(value.utf8))
            body.append(Data("\r\n".utf8))
        }
        body.append(Data("--\(boundary)\r\n".utf8))
        body.append(
            Data(
                ("Content-Disposition: form-data; name=\"\(fileField)\"; "
                    + "filename=\"\(filename)\"\r\nContent-Type: text/csv\r\n\r\n").utf8
            )
        )
        body.append(data)
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        var headers: HTTPHeaders = [
            "Content-Type": "multipart/form-data; boundary=\(boundary)"
        ]
        if let cookie = cookiesForTest[login] {
            headers.add(name: "Cookie", value: "certif_session=\(cookie)")
        }
        return try await send(HTTPRequest(method: .post, path: path, headers: headers, body: body))
    }
}

extension String {
    /// How many times `needle` occurs, counting occurrences that do not overlap.
    func occurrences(of needle: String) -> Int {
        components(separatedBy: needle).count - 1
    }
}

/// The header line of a candidate file.
let candidateFileHeader =
    "identifiant;nom_naissance;nom_usage;prenoms;date_naissance;diplome;voie;territoire;"
    + "disponible_le;date_limite;distanciel;majoration"
