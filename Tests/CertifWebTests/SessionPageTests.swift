import CertifDomain
import CertifHTTP
import CertifPlanning
import CertifStore
import CertifWeb
import Foundation
import Testing

@Suite("Session pages")
struct SessionPageTests {
    /// Accepts every session of a new plan and returns the plan's id.
    private func acceptedPlan(_ fixture: PlanningFixture) async throws -> Int {
        let id = try await fixture.runPlan()
        let response = try await fixture.web.post(
            Paths.plan(id) + "/accepter",
            [("portee", "tout")],
            as: "admin"
        )
        try #require(response.status == .seeOther)
        return id
    }

    @Test("Session page lists placements")
    func sessionDetail() async throws {
        let fixture = try await PlanningFixture()
        let id = try await acceptedPlan(fixture)
        let session = try #require(try fixture.web.store().fixedSessions().first)
        let day = try #require(session.days.first)
        let remote = try #require(day.candidates.first { $0.mode == .remote })
        let candidate = try #require(fixture.candidates[remote.id])

        let page = try await fixture.web.get(Paths.session(session.id), as: "admin")
        let text = page.bodyText

        #expect(page.status == .ok)
        #expect(text.contains("<h1>Session \(session.id)</h1>"))
        #expect(text.contains("href=\"\(Paths.plan(id))\""))
        #expect(text.contains(day.date.french))
        #expect(text.contains(French.count(day.commissions, "commission")))
        #expect(text.contains(WebHarness.htmlEscaped(candidate.birthName)))
        #expect(text.contains("À distance, accueilli par"))
        #expect(text.contains(remote.start))
        #expect(text.contains("Libérer la session…"))
    }

    @Test("Release confirms then frees")
    func releaseConfirmation() async throws {
        let fixture = try await PlanningFixture()
        _ = try await acceptedPlan(fixture)
        let session = try #require(try fixture.web.store().fixedSessions().first)
        let path = Paths.session(session.id) + "/liberer"

        let confirmation = try await fixture.web.get(path, as: "admin")
        let stillThere = try fixture.web.store().fixedSession(id: session.id)
        let released = try await fixture.web.post(path, [], as: "admin")
        let list = try await fixture.web.get("/sessions", as: "admin")
        let waiting = try fixture.web.store().waitingCandidates().map(\.id)

        #expect(confirmation.status == .ok)
        #expect(confirmation.bodyText.contains("Cette action supprime la session"))
        #expect(confirmation.bodyText.contains("Confirmer la libération"))
        #expect(stillThere != nil)
        #expect(released.status == .seeOther)
        #expect(list.bodyText.contains("La session \(session.id) est libérée"))
        #expect(try fixture.web.store().fixedSession(id: session.id) == nil)
        for placed in session.days.flatMap(\.candidates) {
            #expect(waiting.contains(placed.id))
        }
    }

    @Test("Officer sees and releases own")
    func officerSessions() async throws {
        let fixture = try await PlanningFixture()
        _ = try await acceptedPlan(fixture)
        let sessions = try fixture.web.store().fixedSessions()
        let hauts = TerritoryCode("32")
        let own = try #require(sessions.first { $0.organizer == hauts })
        let withCandidate = try #require(
            sessions.first { session in
                session.organizer != hauts
                    && session.days.flatMap(\.candidates).contains {
                        fixture.candidates[$0.id]?.territory == hauts
                    }
            }
        )
        let unrelated = try #require(
            sessions.first { session in
                session.organizer != hauts
                    && !session.days.flatMap(\.candidates).contains {
                        fixture.candidates[$0.id]?.territory == hauts
                    }
            }
        )

        let list = try await fixture.web.get("/sessions?periode=toutes", as: "agent-hdf")
        let ownPage = try await fixture.web.get(Paths.session(own.id), as: "agent-hdf")
        let otherPage = try await fixture.web.get(Paths.session(withCandidate.id), as: "agent-hdf")
        let unrelatedPage = try await fixture.web.get(Paths.session(unrelated.id), as: "agent-hdf")
        let confirmOther = try await fixture.web.get(
            Paths.session(withCandidate.id) + "/liberer",
            as: "agent-hdf"
        )
        let releaseOther = try await fixture.web.post(
            Paths.session(withCandidate.id) + "/liberer",
            [],
            as: "agent-hdf"
        )

        #expect(list.bodyText.contains(own.id))
        #expect(list.bodyText.contains(withCandidate.id))
        #expect(!list.bodyText.contains(unrelated.id))
        #expect(ownPage.status == .ok)
        #expect(ownPage.bodyText.contains("Libérer la session…"))
        #expect(otherPage.status == .ok)
        #expect(!otherPage.bodyText.contains("Libérer la session…"))
        #expect(otherPage.bodyText.contains("Candidat d’un autre territoire"))
        for placed in withCandidate.days.flatMap(\.candidates)
        where fixture.candidates[placed.id]?.territory != hauts {
            #expect(!otherPage.bodyText.contains(placed.id), "\(placed.id) stays unnamed")
        }
        #expect(unrelatedPage.status == .notFound)
        #expect(confirmOther.status == .notFound)
        #expect(releaseOther.status == .notFound)
        #expect(try fixture.web.store().fixedSession(id: withCandidate.id) != nil)
    }

    @Test("Organiser sees every name")
    func organizerSeesAll() async throws {
        let fixture = try await PlanningFixture()
        _ = try await acceptedPlan(fixture)
        let own = try #require(
            try fixture.web.store().fixedSessions().first { $0.organizer == TerritoryCode("32") }
        )

        let page = try await fixture.web.get(Paths.session(own.id), as: "agent-hdf")

        for placed in own.days.flatMap(\.candidates) {
            #expect(page.bodyText.contains(placed.id))
        }
        #expect(!page.bodyText.contains("Candidat d’un autre territoire"))
    }

    @Test("List filters sessions")
    func listFilters() async throws {
        let fixture = try await PlanningFixture()
        _ = try await acceptedPlan(fixture)
        let sessions = try fixture.web.store().fixedSessions()
        let deaf = sessions.filter { $0.diploma == DiplomaCode("DEAF") }.map(\.id)
        let others = sessions.filter { $0.diploma != DiplomaCode("DEAF") }.map(\.id)

        let byDiploma = try await fixture.web.get("/sessions?diplome=DEAF", as: "admin").bodyText
        let byOrganizer = try await fixture.web.get("/sessions?organisateur=44", as: "admin")
        let past = try await fixture.web.get("/sessions?periode=passees", as: "admin")

        for id in deaf {
            #expect(byDiploma.contains(id))
        }
        for id in others {
            #expect(!byDiploma.contains(id))
        }
        #expect(byOrganizer.bodyText.contains("S-DEIS-44-20250410"))
        #expect(!byOrganizer.bodyText.contains("S-DEAF-52-20250404"))
        #expect(past.bodyText.contains("Aucune session ne répond à ces critères."))
    }

    @Test(
        "Invalid filters rejected",
        arguments: [
            ("diplome=DEXX", "Le diplôme « DEXX » n’existe pas"),
            ("organisateur=99", "Le territoire « 99 » n’existe pas"),
            ("periode=demain", "La valeur « demain » n’est pas proposée"),
        ]
    )
    func listFilterErrors(query: String, message: String) async throws {
        let fixture = try await PlanningFixture()

        let page = try await fixture.web.get("/sessions?" + query, as: "admin")

        #expect(page.status == .badRequest)
        #expect(page.bodyText.contains(message))
    }

    @Test("Fixed session filled first")
    func fixSession() async throws {
        let fixture = try await PlanningFixture()

        let response = try await fixture.web.post(
            "/sessions/nouvelle",
            [
                ("diplome", "DEAF"), ("organisateur", "52"), ("identifiant", ""),
                ("lignes", "3"), ("jour-1-date", "20/03/2025"), ("jour-1-commissions", "2"),
                ("jour-2-date", ""), ("jour-2-commissions", "1"), ("etape", "enregistrer"),
            ],
            as: "admin"
        )
        let stored = try fixture.web.store().fixedSession(id: "C-DEAF-52-20250320")
        let id = try await fixture.runPlan()
        let planned = try fixture.plan(id).sessions.first { $0.id == "C-DEAF-52-20250320" }

        #expect(response.status == .seeOther)
        #expect(response.headers["Location"] == "/sessions/C-DEAF-52-20250320")
        #expect(stored?.days.map(\.date.iso) == ["2025-03-20"])
        #expect(stored?.days.first?.commissions == 2)
        #expect(planned?.fixed == true)
        #expect((planned?.candidateCount ?? 0) > 0)
        #expect(try fixture.web.store().auditLog().contains { $0.action == .sessionCreate })
    }

    @Test("Fix form shows field errors")
    func fixSessionErrors() async throws {
        let fixture = try await PlanningFixture()
        _ = try await fixture.web.post(
            "/sessions/nouvelle",
            [
                ("diplome", "DEAF"), ("organisateur", "52"), ("lignes", "1"),
                ("jour-1-date", "04/03/2025"), ("jour-1-commissions", "3"),
            ],
            as: "admin"
        )

        let response = try await fixture.web.post(
            "/sessions/nouvelle",
            [
                ("diplome", "DEMF"), ("organisateur", "52"), ("identifiant", "P9-x"),
                ("lignes", "5"), ("jour-1-date", "26/12/2025"), ("jour-1-commissions", "1"),
                ("jour-2-date", ""), ("jour-2-commissions", "1"),
                ("jour-3-date", "15/03/2025"), ("jour-3-commissions", "1"),
                ("jour-4-date", "04/03/2025"), ("jour-4-commissions", "2"),
                ("jour-5-date", "31/02/2025"), ("jour-5-commissions", "deux"),
            ],
            as: "admin"
        )
        let text = response.bodyText

        #expect(response.status == .unprocessableContent)
        #expect(text.contains("value=\"DEMF\" selected"))
        #expect(text.contains("La date « 31/02/2025 » n’est pas valide"))
        #expect(text.contains("Le 15/03/2025 tombe un week-end"))
        #expect(text.contains("réunit déjà 3 commissions le 04/03/2025"))
        #expect(text.contains("réservé aux sessions des plans acceptés"))
        #expect(text.contains("id=\"champ-jour-2-date-erreur\""), "filled rows move up")
        #expect(text.contains("id=\"champ-jour-4-date-erreur\""))
        #expect(text.contains("value=\"31/02/2025\""))
        #expect(try fixture.web.store().fixedSessions().count == 1)
    }

    @Test("Holiday rejected by name")
    func fixSessionHoliday() async throws {
        let fixture = try await PlanningFixture()

        let response = try await fixture.web.post(
            "/sessions/nouvelle",
            [
                ("diplome", "DEAF"), ("organisateur", "44"), ("lignes", "1"),
                ("jour-1-date", "26/12/2025"), ("jour-1-commissions", "1"),
            ],
            as: "admin"
        )

        #expect(response.status == .unprocessableContent)
        #expect(response.bodyText.contains("est férié pour la DREETS Grand Est (Saint-Étienne)"))
    }

    @Test("Adding a day saves nothing")
    func addDayRow() async throws {
        let fixture = try await PlanningFixture()

        let response = try await fixture.web.post(
            "/sessions/nouvelle",
            [
                ("diplome", "DEAF"), ("organisateur", "52"), ("lignes", "3"),
                ("jour-1-date", "20/03/2025"), ("jour-1-commissions", "2"), ("etape", "ajouter"),
            ],
            as: "admin"
        )

        #expect(response.status == .ok)
        #expect(response.bodyText.contains("name=\"jour-4-date\""))
        #expect(response.bodyText.contains("value=\"20/03/2025\""))
        #expect(try fixture.web.store().fixedSessions().isEmpty)
    }

    @Test("Officer fixes own sessions only")
    func officerFixesOwnOnly() async throws {
        let fixture = try await PlanningFixture()
        let fields: (String) -> [(String, String)] = { organizer in
            [
                ("diplome", "DETISF"), ("organisateur", organizer), ("lignes", "1"),
                ("jour-1-date", "20/03/2025"), ("jour-1-commissions", "1"),
            ]
        }

        let form = try await fixture.web.get("/sessions/nouvelle", as: "agent-hdf")
        let other = try await fixture.web.post("/sessions/nouvelle", fields("52"), as: "agent-hdf")
        let own = try await fixture.web.post("/sessions/nouvelle", fields("32"), as: "agent-hdf")

        #expect(form.status == .ok)
        #expect(form.bodyText.contains("value=\"32\" selected"))
        #expect(!form.bodyText.contains("value=\"52\""))
        #expect(other.status == .notFound)
        #expect(own.status == .seeOther)
        #expect(try fixture.web.store().fixedSessions().map(\.id) == ["C-DETISF-32-20250320"])
    }

    @Test("Taken id rejected")
    func takenID() async throws {
        let fixture = try await PlanningFixture()
        let fields = [
            ("diplome", "DEMF"), ("organisateur", "75"), ("lignes", "1"),
            ("jour-1-date", "10/06/2025"), ("jour-1-commissions", "1"),
        ]

        let first = try await fixture.web.post("/sessions/nouvelle", fields, as: "admin")
        let second = try await fixture.web.post("/sessions/nouvelle", fields, as: "admin")

        #expect(first.status == .seeOther)
        #expect(second.status == .unprocessableContent)
        #expect(second.bodyText.contains("porte déjà l’identifiant « C-DEMF-75-20250610 »"))
        #expect(second.bodyText.contains("id=\"champ-identifiant-erreur\""))
    }
}
