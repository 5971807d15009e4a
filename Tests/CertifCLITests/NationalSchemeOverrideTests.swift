import CertifDomain
import CertifStore
import Foundation
import Testing

@Suite("National scheme stored in the database")
struct NationalSchemeOverrideTests {
    @Test("Plan command applies stored scheme")
    func planAppliesStoredScheme() throws {
        let harness = try CommandLineHarness()
        _ = harness.run(["import", CommandLineHarness.example("candidats-vae-2024.csv")])
        let plan = ["plan", "--from", "2025-01-01", "--to", "2026-03-31", "--today", "2024-12-02"]
        let shipped = harness.run(plan + ["--details"])
        let store = try CertifStore(path: harness.database)
        try store.setNationalSchemeRules(
            [
                NationalPoolingRule(
                    diploma: DiplomaCode("DEMF"),
                    route: .vae,
                    homeTerritories: nil,
                    organizer: TerritoryCode("11")
                )
            ],
            diploma: DiplomaCode("DEMF"),
            route: .vae,
            bundled: try ReferenceData.bundled(),
            actor: StoreActor(name: "web:admin")
        )
        try store.close()

        let changed = harness.run(plan + ["--details"])

        #expect(shipped.status == 0)
        #expect(shipped.output.contains("DEMF  organisée par la DREETS Nouvelle-Aquitaine"))
        #expect(!shipped.output.contains("DEMF  organisée par la DRIEETS Île-de-France"))
        #expect(changed.status == 0)
        #expect(changed.output.contains("DEMF  organisée par la DRIEETS Île-de-France"))
        #expect(!changed.output.contains("DEMF  organisée par la DREETS Nouvelle-Aquitaine"))
    }
}
