import CertifDomain
import CertifPlanning
import Foundation

@testable import CertifStore

/// Opens a store on a new file in a temporary directory, runs `body`, and removes the
/// directory afterwards, whether `body` throws or not.
func withTemporaryStore(
    _ body: (_ store: CertifStore, _ path: String) throws -> Void
) throws {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("certif-store-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("certif.sqlite").path
    let clock = SteppingClock()
    let store = try CertifStore(path: path, now: clock.next)
    try body(store, path)
    try store.close()
}

/// Creates a new temporary directory, runs `body` with its path, and removes the directory
/// afterwards, whether `body` throws or not.
func withTemporaryDirectory(_ body: (_ directory: String) throws -> Void) throws {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("certif-store-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try body(directory.path)
}

/// A clock that moves one second forward at each reading, so that successive writes get
/// distinct timestamps.
final class SteppingClock {
    private var current = Date(timeIntervalSince1970: 1_740_000_000)

    func next() -> Date {
        current += 1
        return current
    }
}

let tester = StoreActor.commandLine(user: "tester")

/// The version after the latest of Certif's migrations, for migrations made up by a test.
let unreleasedVersion = (Schema.migrations.last?.version ?? 0) + 1

func date(_ text: String) -> CivilDate {
    guard let date = CivilDate(parsing: text) else {
        fatalError("invalid test date \(text)")
    }
    return date
}

func makeCandidate(
    _ id: String,
    birthName: String = "Martin",
    usageName: String? = nil,
    givenNames: String = "Claire Anne",
    diploma: String = "DEAF",
    route: AccessRoute = .vae,
    territory: String = "53",
    extraTimePercent: Int = 0
) -> Candidate {
    Candidate(
        id: id,
        birthName: birthName,
        usageName: usageName,
        givenNames: givenNames,
        birthDate: date("1985-06-02"),
        diploma: DiplomaCode(diploma),
        route: route,
        territory: TerritoryCode(territory),
        availableFrom: date("2025-01-15"),
        explicitDeadline: nil,
        remoteAllowed: true,
        extraTimePercent: extraTimePercent
    )
}

func makeSession(
    _ id: String,
    candidates candidateIDs: [String],
    on day: String = "2025-03-20",
    organizer: String = "52",
    fixed: Bool = false
) -> PlannedSession {
    let placed = candidateIDs.enumerated().map { offset, candidateID in
        PlacedCandidate(
            id: candidateID,
            mode: .remote,
            host: TerritoryCode("53"),
            commission: 1,
            start: "\(9 + offset):00",
            durationMinutes: 60,
            travels: false,
            reasons: [
                Reason(rule: "R5", text: "DEAF en VAE : session nationale en Pays de la Loire")
            ]
        )
    }
    return PlannedSession(
        id: id,
        diploma: DiplomaCode("DEAF"),
        organizer: TerritoryCode(organizer),
        fixed: fixed,
        pooled: true,
        days: [PlannedDay(date: date(day), commissions: 1, remoteOnly: true, candidates: placed)],
        rules: [
            RuleCheck(rule: "R1", met: false, detail: "R1 non atteint : \(placed.count) candidats")
        ]
    )
}

func makePlan(_ sessions: [PlannedSession]) -> Plan {
    var settings = Settings()
    settings.sessionTarget = 18
    return Plan(
        today: date("2025-02-01"),
        from: date("2025-03-01"),
        to: date("2025-04-30"),
        settings: settings,
        sessions: sessions,
        unplanned: [
            UnplannedCandidate(
                id: "C-900",
                cause: .noCapacity,
                reason: "aucune place libre",
                fix: "ajouter une commission",
                deadlineMissed: false
            )
        ],
        summary: PlanSummary(candidates: 4, planned: 3, unplanned: 1, meanWaitDays: 37.3)
    )
}

extension CertifStore {
    /// Counts the audit entries with `action`.
    func auditCount(_ action: AuditAction) throws -> Int {
        try auditLog(limit: 10_000).filter { $0.action == action }.count
    }

    /// Counts the rows of `table`, a name written in the test and never read from input.
    func rowCount(_ table: String) throws -> Int {
        try database.query(SQL(raw: "SELECT count(*) AS n FROM \(table)"))[0].int("n")
    }
}
