import CertifAuth
import CertifDomain
import Foundation
import Testing

/// One row of the rights table: an action, with what each role may do.
struct RightsRow: Sendable {
    var name: String
    var action: Action
    var administrator: Bool
    var officer: Bool
    var reader: Bool
}

/// One account requesting one action, with the expected result.
struct RightsCase: Sendable, CustomTestStringConvertible {
    var account: Account
    var action: Action
    var expected: Bool
    var description: String

    var testDescription: String { description }
}

@Suite("Rights")
struct RightsTests {
    /// The officer's own territory, Auvergne-Rhône-Alpes.
    static let own = TerritoryCode("84")
    /// Another territory, Île-de-France.
    static let other = TerritoryCode("11")
    /// A third territory, Occitanie.
    static let third = TerritoryCode("76")

    static let table: [RightsRow] = [
        RightsRow(
            name: "view statistics",
            action: .viewStatistics,
            administrator: true,
            officer: true,
            reader: true
        ),
        RightsRow(
            name: "view candidate living in the territory",
            action: .viewCandidate(CandidateAccess(homeTerritory: own)),
            administrator: true,
            officer: true,
            reader: false
        ),
        RightsRow(
            name: "view candidate living in the territory, examined elsewhere",
            action: .viewCandidate(CandidateAccess(homeTerritory: own, sessionOrganizers: [third])),
            administrator: true,
            officer: true,
            reader: false
        ),
        RightsRow(
            name: "view candidate in a session the service organises",
            action: .viewCandidate(CandidateAccess(homeTerritory: other, sessionOrganizers: [own])),
            administrator: true,
            officer: true,
            reader: false
        ),
        RightsRow(
            name: "view candidate of another territory",
            action: .viewCandidate(CandidateAccess(homeTerritory: other)),
            administrator: true,
            officer: false,
            reader: false
        ),
        RightsRow(
            name: "view candidate in another territory's session",
            action: .viewCandidate(
                CandidateAccess(homeTerritory: other, sessionOrganizers: [third])
            ),
            administrator: true,
            officer: false,
            reader: false
        ),
        RightsRow(
            name: "view session the service organises",
            action: .viewSession(SessionAccess(organizer: own, candidateTerritories: [other])),
            administrator: true,
            officer: true,
            reader: false
        ),
        RightsRow(
            name: "view session with a candidate of the territory",
            action: .viewSession(
                SessionAccess(organizer: other, candidateTerritories: [own, other])
            ),
            administrator: true,
            officer: true,
            reader: false
        ),
        RightsRow(
            name: "view session of another territory",
            action: .viewSession(
                SessionAccess(organizer: other, candidateTerritories: [other, third])
            ),
            administrator: true,
            officer: false,
            reader: false
        ),
        RightsRow(
            name: "write reference data",
            action: .write(.referenceData),
            administrator: true,
            officer: false,
            reader: false
        ),
        RightsRow(
            name: "write settings",
            action: .write(.settings),
            administrator: true,
            officer: false,
            reader: false
        ),
        RightsRow(
            name: "write accounts",
            action: .write(.accounts),
            administrator: true,
            officer: false,
            reader: false
        ),
        RightsRow(
            name: "write candidates of the territory",
            action: .write(.candidates(territory: own)),
            administrator: true,
            officer: true,
            reader: false
        ),
        RightsRow(
            name: "write candidates of another territory",
            action: .write(.candidates(territory: other)),
            administrator: true,
            officer: false,
            reader: false
        ),
        RightsRow(
            name: "write plans of the territory",
            action: .write(.plans(territory: own)),
            administrator: true,
            officer: true,
            reader: false
        ),
        RightsRow(
            name: "write plans of another territory",
            action: .write(.plans(territory: other)),
            administrator: true,
            officer: false,
            reader: false
        ),
    ]

    static let administrator = Account(
        id: AccountID(1),
        login: "admin.national",
        displayName: "Claire Bernard",
        role: .nationalAdministrator
    )
    static let officer = Account(
        id: AccountID(2),
        login: "marie.dupont",
        displayName: "Marie Dupont",
        role: .regionalOfficer(territory: own)
    )
    static let reader = Account(
        id: AccountID(3),
        login: "lecteur.national",
        displayName: "Paul Girard",
        role: .nationalReader
    )

    static func inactive(_ account: Account) -> Account {
        var account = account
        account.isActive = false
        return account
    }

    static let cases: [RightsCase] = table.flatMap { row in
        [
            (administrator, row.administrator, "national administrator"),
            (officer, row.officer, "regional officer"),
            (reader, row.reader, "national reader"),
            (inactive(administrator), false, "inactive national administrator"),
            (inactive(officer), false, "inactive regional officer"),
        ].map { account, expected, roleName in
            RightsCase(
                account: account,
                action: row.action,
                expected: expected,
                description: "\(roleName): \(row.name)"
            )
        }
    }

    @Test("rights table", arguments: cases)
    func rights(_ rightsCase: RightsCase) {
        #expect(rightsCase.account.isAllowed(rightsCase.action) == rightsCase.expected)
    }

    @Test("role alone ignores inactivity", arguments: table)
    func roleRights(_ row: RightsRow) {
        #expect(Role.nationalAdministrator.isAllowed(row.action) == row.administrator)
        #expect(Role.regionalOfficer(territory: Self.own).isAllowed(row.action) == row.officer)
        #expect(Role.nationalReader.isAllowed(row.action) == row.reader)
    }

    @Test("canSee and canWrite follow the table", arguments: cases)
    func shortcuts(_ rightsCase: RightsCase) {
        let account = rightsCase.account

        switch rightsCase.action {
        case .viewCandidate(let candidate):
            #expect(account.canSee(candidate) == rightsCase.expected)
            #expect(account.candidateVisibility.includes(candidate) == rightsCase.expected)
        case .write(let change):
            #expect(account.canWrite(change) == rightsCase.expected)
        case .viewStatistics, .viewSession:
            break
        }
    }

    @Test("candidate visibility per role")
    func visibility() {
        #expect(Self.administrator.candidateVisibility == .all)
        #expect(Self.officer.candidateVisibility == .homeOrOrganizer(Self.own))
        #expect(Self.reader.candidateVisibility == CandidateVisibility.none)
        #expect(Self.inactive(Self.administrator).candidateVisibility == CandidateVisibility.none)
    }

    @Test("visibility from a candidate record")
    func candidateRecord() throws {
        let birthDate = try #require(CivilDate(year: 1990, month: 4, day: 12))
        let availableFrom = try #require(CivilDate(year: 2025, month: 9, day: 1))
        let candidate = Candidate(
            id: "C-0001",
            birthName: "Martin",
            givenNames: "Léa",
            birthDate: birthDate,
            diploma: DiplomaCode("DEAF"),
            route: .vae,
            territory: Self.other,
            availableFrom: availableFrom
        )

        #expect(!Self.officer.canSee(CandidateAccess(candidate)))
        #expect(Self.officer.canSee(CandidateAccess(candidate, sessionOrganizers: [Self.own])))
    }

    @Test("table covers every kind of action")
    func tableCoverage() {
        let covered = Set(Self.table.map { Self.kind(of: $0.action) })

        #expect(covered == Self.allKinds)
    }

    static let allKinds: Set<String> = [
        "statistics", "candidate", "session", "reference data", "settings", "accounts",
        "candidates", "plans",
    ]

    /// Returns the kind of `action`. The switch has no default, so a new case of `Action` or
    /// `Change` stops the build here until the table and `allKinds` name it.
    static func kind(of action: Action) -> String {
        switch action {
        case .viewStatistics: return "statistics"
        case .viewCandidate: return "candidate"
        case .viewSession: return "session"
        case .write(.referenceData): return "reference data"
        case .write(.settings): return "settings"
        case .write(.accounts): return "accounts"
        case .write(.candidates): return "candidates"
        case .write(.plans): return "plans"
        }
    }
}

@Suite("Account")
struct AccountTests {
    @Test(
        "login normalisation",
        arguments: [
            ("Marie.Dupont", "marie.dupont"),
            ("  marie.dupont \n", "marie.dupont"),
            ("Ame\u{301}lie.Roux", "am\u{E9}lie.roux"),
        ]
    )
    func normalizedLogin(login: String, expected: String) {
        #expect(Account.normalizedLogin(login) == expected)
    }

    @Test("account JSON round trip")
    func accountCoding() throws {
        let account = Account(
            id: AccountID(42),
            login: "marie.dupont",
            displayName: "Marie Dupont",
            role: .regionalOfficer(territory: TerritoryCode("84")),
            isActive: false
        )

        let data = try JSONEncoder().encode(account)
        let decoded = try JSONDecoder().decode(Account.self, from: data)

        #expect(decoded == account)
    }
}
