import CertifDomain
import CertifPlanning
import CertifStore
import Foundation
import Testing

@Suite("National scheme changes and plans")
struct ReferenceSchemePlanTests {
    /// Plans the waiting candidates of `store` over the example year, with the reference data
    /// built as `certif plan` builds it.
    static func plan(_ store: CertifStore) throws -> Plan {
        let reference = try store.effectiveReference(bundled: try ReferenceData.bundled())
        let problem = PlanningProblem(
            today: CivilDate(year: 2024, month: 12, day: 2) ?? CivilDate(daysSinceEpoch: 0),
            from: CivilDate(year: 2025, month: 1, day: 1) ?? CivilDate(daysSinceEpoch: 0),
            to: CivilDate(year: 2026, month: 3, day: 31) ?? CivilDate(daysSinceEpoch: 0),
            candidates: try store.waitingCandidates(),
            settings: try store.settings(),
            reference: reference,
            calendar: WorkingCalendar(
                holidays: reference.holidays,
                territories: reference.territories
            ),
            fixedSessions: try store.fixedSessions()
        )
        return Planner.plan(problem)
    }

    /// Returns the organiser of the planned session of each candidate whose id is in `ids`.
    static func organizers(in plan: Plan, of ids: Set<String>) -> [String: TerritoryCode] {
        var organizers: [String: TerritoryCode] = [:]
        for session in plan.sessions {
            for day in session.days {
                for candidate in day.candidates where ids.contains(candidate.id) {
                    organizers[candidate.id] = session.organizer
                }
            }
        }
        return organizers
    }

    @Test("Next plan applies a scheme changed on the page")
    func nextPlanAppliesSchemeChange() async throws {
        let web = try WebHarness()
        let candidates = try AdminPagesFixtures.importExample(into: web)
        let moved = Set(
            candidates.filter {
                $0.diploma == DiplomaCode("DEAF")
                    && ["32", "11"].contains($0.territory.rawValue)
            }.map(\.id)
        )
        let others = Set(
            candidates.filter {
                $0.diploma == DiplomaCode("DEAF")
                    && !["32", "11"].contains($0.territory.rawValue)
            }.map(\.id)
        )
        try #require(moved.count == 5)
        let before = Self.organizers(in: try Self.plan(try web.store()), of: moved)
        try await web.login("admin")

        let response = try await web.post(
            "/referentiel/dispositif/DEAF/VAE",
            [
                ("organisateur", "32"), ("portee", "liste"), ("territoires", "32"),
                ("territoires", "11"),
            ],
            as: "admin"
        )
        let after = try Self.plan(try web.store())

        #expect(response.status == .seeOther)
        // With the shipped scheme, every DEAF candidate goes to Pays de la Loire.
        #expect(before.count == moved.count)
        #expect(Set(before.values) == [TerritoryCode("52")])
        let movedOrganizers = Self.organizers(in: after, of: moved)
        #expect(movedOrganizers.count == moved.count)
        #expect(Set(movedOrganizers.values) == [TerritoryCode("32")])
        // The other DEAF candidates are out of the scheme now, so no R5 reason places them.
        let placed = after.sessions.flatMap(\.days).flatMap(\.candidates)
        let otherRules = placed.filter { others.contains($0.id) }.flatMap(\.reasons)
        #expect(!otherRules.contains { $0.rule == "R5" })
        for candidate in placed where moved.contains(candidate.id) {
            let schemeReason = candidate.reasons.first { $0.rule == "R5" }
            #expect(
                schemeReason?.text.contains("DREETS Hauts-de-France") == true,
                "\(candidate.id)"
            )
        }
    }

    @Test("Effective reference merges overrides in order")
    func effectiveReferenceMergesOverrides() throws {
        let web = try WebHarness()
        let store = try web.store()
        let bundled = try ReferenceData.bundled()
        let actor = StoreActor(name: "test")

        let added = try store.setNationalSchemeRules(
            [
                NationalPoolingRule(
                    diploma: DiplomaCode("CAFERUIS"),
                    route: .vae,
                    homeTerritories: nil,
                    organizer: TerritoryCode("11")
                )
            ],
            diploma: DiplomaCode("CAFERUIS"),
            route: .vae,
            bundled: bundled,
            actor: actor
        )
        let replaced = try store.setNationalSchemeRules(
            [
                NationalPoolingRule(
                    diploma: DiplomaCode("DETISF"),
                    route: .vae,
                    homeTerritories: [TerritoryCode("84")],
                    organizer: TerritoryCode("84")
                )
            ],
            diploma: DiplomaCode("DETISF"),
            route: .vae,
            bundled: bundled,
            actor: actor
        )
        let scheme = try store.effectiveReference(bundled: bundled).scheme

        #expect(added)
        #expect(replaced)
        #expect(
            scheme.rules.map(\.diploma.rawValue) == ["DEAF", "DETISF", "DEMF", "DEIS", "CAFERUIS"]
        )
        #expect(scheme.rules[1].organizer == TerritoryCode("84"))
        #expect(
            scheme.rule(diploma: DiplomaCode("DETISF"), route: .vae, home: TerritoryCode("76"))
                == nil
        )
        #expect(
            scheme.rule(diploma: DiplomaCode("CAFERUIS"), route: .vae, home: TerritoryCode("04"))?
                .organizer == TerritoryCode("11")
        )
    }

    @Test("Store rejects rules of another pair or territory")
    func storeRejectsInvalidRules() throws {
        let web = try WebHarness()
        let store = try web.store()
        let bundled = try ReferenceData.bundled()
        let actor = StoreActor(name: "test")
        let unknownTerritory = NationalPoolingRule(
            diploma: DiplomaCode("DEAF"),
            route: .vae,
            homeTerritories: nil,
            organizer: TerritoryCode("987")
        )
        let otherPair = NationalPoolingRule(
            diploma: DiplomaCode("DEMF"),
            route: .vae,
            homeTerritories: nil,
            organizer: TerritoryCode("52")
        )

        for rule in [unknownTerritory, otherPair] {
            #expect(throws: StoreError.self) {
                try store.setNationalSchemeRules(
                    [rule],
                    diploma: DiplomaCode("DEAF"),
                    route: .vae,
                    bundled: bundled,
                    actor: actor
                )
            }
        }

        #expect(try store.nationalSchemeOverrides().isEmpty)
        #expect(try store.auditLog().allSatisfy { $0.action != .nationalSchemeUpdate })
    }
}
