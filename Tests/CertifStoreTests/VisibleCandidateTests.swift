import CertifAuth
import CertifDomain
import Foundation
import Testing

@testable import CertifStore

@Suite("Visible candidates")
struct VisibleCandidateTests {
    /// Stores a candidate of 53, three of 28, and two fixed sessions: one organised by 53
    /// with C-28-IN-53 and one organised by 52 with C-28-IN-52.
    private func storeCandidatesOf53And28(_ store: CertifStore) throws {
        _ = try store.importCandidates(
            [
                makeCandidate("C-53", birthName: "Bernard", territory: "53"),
                makeCandidate("C-28-IN-53", birthName: "Albert", territory: "28"),
                makeCandidate("C-28-ALONE", birthName: "Carré", territory: "28"),
                makeCandidate("C-28-IN-52", birthName: "Durand", territory: "28"),
            ],
            actor: tester
        )
        let planID = try store.saveDraft(
            makePlan([
                makeSession("S1", candidates: ["C-28-IN-53"], organizer: "53"),
                makeSession("S2", candidates: ["C-28-IN-52"], organizer: "52"),
            ]),
            actor: tester
        )
        _ = try store.acceptPlan(id: planID, actor: tester)
    }

    @Test("officer of 53 sees home and organised candidates")
    func officerSeesHomeAndOrganised() throws {
        try withTemporaryStore { store, _ throws in
            try storeCandidatesOf53And28(store)
            let visibility = officer("53").candidateVisibility

            let page = try store.candidates(visibleTo: visibility)

            #expect(page.rows.map(\.id) == ["C-28-IN-53", "C-53"])
            #expect(page.total == 2)
            #expect(try store.candidate(id: "C-53", visibleTo: visibility)?.id == "C-53")
            #expect(try store.candidate(id: "C-28-IN-53", visibleTo: visibility) != nil)
            #expect(try store.candidate(id: "C-28-ALONE", visibleTo: visibility) == nil)
            #expect(try store.candidate(id: "C-28-IN-52", visibleTo: visibility) == nil)
            #expect(try store.candidate(id: "C-404", visibleTo: visibility) == nil)
        }
    }

    @Test(
        "visibility of each role",
        arguments: [
            (officer("28"), ["C-28-IN-53", "C-28-ALONE", "C-28-IN-52"]),
            (officer("52"), ["C-28-IN-52"]),
            (officer("84"), []),
            (.nationalAdministrator, ["C-28-IN-53", "C-53", "C-28-ALONE", "C-28-IN-52"]),
            (.nationalReader, []),
        ]
    )
    func visibilityOfEachRole(_ role: Role, expected: [String]) throws {
        try withTemporaryStore { store, _ throws in
            try storeCandidatesOf53And28(store)

            let page = try store.candidates(visibleTo: role.candidateVisibility)

            #expect(page.rows.map(\.id) == expected)
            #expect(page.total == expected.count)
        }
    }

    @Test("inactive account sees nothing")
    func inactiveAccountSeesNothing() throws {
        try withTemporaryStore { store, _ throws in
            try storeCandidatesOf53And28(store)
            let account = Account(
                id: AccountID(1),
                login: "marie",
                displayName: "Marie Dupont",
                role: .nationalAdministrator,
                isActive: false
            )

            let page = try store.candidates(visibleTo: account.candidateVisibility)

            #expect(page.rows.isEmpty)
            #expect(page.total == 0)
            #expect(try store.candidate(id: "C-53", visibleTo: account.candidateVisibility) == nil)
        }
    }

    @Test(
        "search ignores case and accents",
        arguments: [
            ("lefevre", ["C-001"]),
            ("LEFÈVRE", ["C-001"]),
            ("ÉLODIE", ["C-001"]),
            ("Ele\u{301}onore", ["C-001"]),
            ("marie lefevre", ["C-001"]),
            ("ndiaye", ["C-002"]),
            ("N’Diaye", ["C-002"]),
            ("jean-pierre", ["C-002"]),
            ("Jean Pierre", ["C-002"]),
            ("pierre", ["C-002"]),
            ("oeuvray", ["C-003"]),
            ("anais", ["C-003"]),
            ("c-004", ["C-004"]),
            ("C004", ["C-004"]),
            ("00", ["C-004", "C-001", "C-002", "C-003"]),
            ("marie dupont", []),
            ("  ", ["C-004", "C-001", "C-002", "C-003"]),
            ("%", ["C-004", "C-001", "C-002", "C-003"]),
            ("'; DROP TABLE candidates; --", []),
        ]
    )
    func searchIgnoresCaseAndAccents(_ search: String, expected: [String]) throws {
        try withTemporaryStore { store, _ throws in
            _ = try store.importCandidates(
                [
                    makeCandidate(
                        "C-001",
                        birthName: "Lefèvre",
                        givenNames: "Élodie Marie Éléonore"
                    ),
                    makeCandidate(
                        "C-002",
                        birthName: "Martin",
                        usageName: "N'Diaye",
                        givenNames: "Jean-Pierre"
                    ),
                    makeCandidate("C-003", birthName: "Œuvray", givenNames: "Anaïs"),
                    makeCandidate("C-004", birthName: "DUPONT", givenNames: "Claire"),
                ],
                actor: tester
            )

            let page = try store.candidates(visibleTo: .all, search: search)

            #expect(page.rows.map(\.id) == expected)
            #expect(page.total == expected.count)
            #expect(try store.rowCount("candidates") == 4)
        }
    }

    @Test("search keeps visibility")
    func searchKeepsVisibility() throws {
        try withTemporaryStore { store, _ throws in
            try storeCandidatesOf53And28(store)

            let visible = try store.candidates(
                visibleTo: officer("53").candidateVisibility,
                search: "albert"
            )
            let hidden = try store.candidates(
                visibleTo: officer("53").candidateVisibility,
                search: "carre"
            )

            #expect(visible.rows.map(\.id) == ["C-28-IN-53"])
            #expect(hidden.rows.isEmpty)
            #expect(hidden.total == 0)
        }
    }

    @Test("order by folded birth name then id")
    func orderByFoldedBirthName() throws {
        try withTemporaryStore { store, _ throws in
            _ = try store.importCandidates(
                [
                    makeCandidate("C-1", birthName: "Zola"),
                    makeCandidate("C-2", birthName: "élie"),
                    makeCandidate("C-3", birthName: "Eliot"),
                    makeCandidate("C-5", birthName: "Dupont"),
                    makeCandidate("C-4", birthName: "DUPONT"),
                ],
                actor: tester
            )

            let page = try store.candidates(visibleTo: .all)

            #expect(page.rows.map(\.id) == ["C-4", "C-5", "C-2", "C-3", "C-1"])
        }
    }

    @Test("search columns follow an update")
    func searchColumnsFollowUpdate() throws {
        try withTemporaryStore { store, _ throws in
            _ = try store.importCandidates(
                [makeCandidate("C-001", birthName: "Martin")],
                actor: tester
            )

            _ = try store.importCandidates(
                [makeCandidate("C-001", birthName: "Lefèvre")],
                actor: tester
            )

            #expect(try store.candidates(visibleTo: .all, search: "lefevre").total == 1)
            #expect(try store.candidates(visibleTo: .all, search: "martin").total == 0)
        }
    }

    @Test("pagination totals")
    func paginationTotals() throws {
        try withTemporaryStore { store, _ throws in
            var candidates: [Candidate] = []
            for index in 0..<23 {
                let route: AccessRoute = index.isMultiple(of: 2) ? .vae : .training
                let diploma = index < 15 ? "DEAF" : "DEME"
                candidates.append(
                    makeCandidate(
                        String(format: "C-53-%03d", index),
                        diploma: diploma,
                        route: route,
                        territory: "53"
                    )
                )
            }
            for index in 0..<7 {
                candidates.append(
                    makeCandidate(String(format: "C-28-%03d", index), territory: "28")
                )
            }
            _ = try store.importCandidates(candidates, actor: tester)
            let visibility = officer("53").candidateVisibility

            let pages = try [0, 10, 20, 30].map {
                try store.candidates(visibleTo: visibility, limit: 10, offset: $0)
            }
            let deaf = try store.candidates(visibleTo: visibility, diploma: DiplomaCode("DEAF"))
            let deafTraining = try store.candidates(
                visibleTo: visibility,
                diploma: DiplomaCode("DEAF"),
                route: .training,
                limit: 3
            )

            #expect(pages.map(\.rows.count) == [10, 10, 3, 0])
            #expect(pages.map(\.total) == [23, 23, 23, 23])
            let ids = pages.flatMap(\.rows).map(\.id)
            #expect(ids == candidates.prefix(23).map(\.id))
            #expect(deaf.total == 15)
            #expect(deaf.rows.allSatisfy { $0.diploma == DiplomaCode("DEAF") })
            #expect(deafTraining.total == 7)
            #expect(deafTraining.rows.map(\.id) == ["C-53-001", "C-53-003", "C-53-005"])
        }
    }

    @Test(
        "invalid page rejected",
        arguments: [
            (-1, 0, nil as String?, "limit -1"),
            (10, -5, nil, "offset -5"),
            (10, 0, Array(repeating: "mot", count: 17).joined(separator: " "), "17 words"),
        ]
    )
    func invalidPageRejected(limit: Int, offset: Int, search: String?, expected: String) throws {
        try withTemporaryStore { store, _ throws in
            let error = #expect(throws: StoreError.self) {
                try store.candidates(visibleTo: .all, search: search, limit: limit, offset: offset)
            }

            #expect(error?.code == .invalidRequest)
            #expect(error?.message.contains(expected) == true)
        }
    }

    @Test("16,000 candidates listed 50 at a time")
    func sixteenThousandCandidatesPaged() throws {
        try withTemporaryStore { store, _ throws in
            let territories = ["53", "28", "84", "11"]
            let names = ["Martin", "Élodie", "Bernard", "Øster", "Lefèvre", "Dubois", "Zola"]
            let candidates = (0..<16_000).map { index in
                makeCandidate(
                    String(format: "C-%05d", index),
                    birthName: names[index % names.count] + String(index % 97),
                    territory: territories[index % territories.count]
                )
            }
            _ = try store.importCandidates(candidates, actor: tester)

            var listed: [Candidate] = []
            var totals = Set<Int>()
            var offset = 0
            while true {
                let page = try store.candidates(visibleTo: .all, limit: 50, offset: offset)
                totals.insert(page.total)
                guard !page.rows.isEmpty else { break }
                #expect(page.rows.count == 50)
                listed += page.rows
                offset += 50
            }
            let officerPage = try store.candidates(
                visibleTo: officer("53").candidateVisibility,
                search: "lefevre",
                limit: 50
            )

            #expect(offset == 16_000)
            #expect(totals == [16_000])
            #expect(Set(listed.map(\.id)).count == 16_000)
            let keys = listed.map { SearchKey.sortName(of: $0) }
            #expect(keys == keys.sorted())
            #expect(officerPage.rows.count == 50)
            #expect(officerPage.total == 572)
            #expect(officerPage.rows.allSatisfy { $0.territory == TerritoryCode("53") })
        }
    }
}
