import CertifDomain
import Foundation
import Testing

@Suite("ReferenceData")
struct ReferenceDataTests {
    @Test("bundled data loads")
    func bundledDataLoads() throws {
        let reference = try ReferenceData.bundled()

        #expect(!reference.territories.isEmpty)
        #expect(reference.publishedFigures.figures.count == 4)
        #expect(reference.excludedTerritories.count == 3)
    }

    @Test("bundle matches the source files")
    func bundleMatchesSource() throws {
        let bundled = try ReferenceData.bundled()
        let source = try ReferenceData.load(from: sourceReferenceDirectory)

        #expect(bundled.territories.map(\.code) == source.territories.map(\.code))
        #expect(bundled.diplomas.map(\.code) == source.diplomas.map(\.code))
    }

    @Test("19 served territories")
    func servedTerritories() throws {
        let reference = try ReferenceData.bundled()
        let codes = reference.territories.map(\.code.rawValue)
        let expected: Set = [
            "84", "27", "53", "24", "94", "44", "32", "11", "28", "75", "76", "52", "93",
            "01", "02", "03", "04", "06", "975",
        ]

        #expect(codes.count == 19)
        #expect(Set(codes).count == codes.count)
        #expect(Set(codes) == expected)
    }

    @Test("every time zone is known")
    func timeZonesKnown() throws {
        let reference = try ReferenceData.bundled()

        for territory in reference.territories {
            #expect(TimeZone(identifier: territory.timeZone) != nil, "\(territory.code)")
        }
    }

    @Test(
        "overseas flag and time zone",
        arguments: [
            ("11", false, "Europe/Paris"),
            ("94", false, "Europe/Paris"),
            ("01", true, "America/Guadeloupe"),
            ("02", true, "America/Martinique"),
            ("03", true, "America/Cayenne"),
            ("04", true, "Indian/Reunion"),
            ("06", true, "Indian/Mayotte"),
            ("975", true, "America/Miquelon"),
        ]
    )
    func overseasFlag(code: String, overseas: Bool, timeZone: String) throws {
        let territory = try #require(try ReferenceData.bundled().territory(TerritoryCode(code)))

        #expect(territory.overseas == overseas)
        #expect(territory.timeZone == timeZone)
    }

    @Test("eight diplomas")
    func eightDiplomas() throws {
        let reference = try ReferenceData.bundled()
        let codes = reference.diplomas.map(\.code.rawValue)

        #expect(codes.count == 8)
        #expect(
            Set(codes) == ["DEASS", "DEEJE", "DEAES", "DETISF", "DEAF", "DEMF", "DEIS", "CAFERUIS"]
        )
        for diploma in reference.diplomas {
            #expect(diploma.routes == [.training, .vae], "\(diploma.code)")
        }
    }

    @Test(
        "DEAF version by date",
        arguments: [
            ("2024-06-01", "2005", 3, 3),
            ("2025-03-31", "2005", 3, 3),
            ("2025-04-01", "2025", 4, 4),
            ("2026-01-01", "2025", 4, 4),
        ]
    )
    func deafVersion(text: String, id: String, level: Int, blocks: Int) throws {
        let deaf = try #require(try ReferenceData.bundled().diploma(DiplomaCode("DEAF")))

        let version = try #require(deaf.version(on: try civilDate(text)))

        #expect(version.id == id)
        #expect(version.level == level)
        #expect(version.blocks == blocks)
    }

    @Test("DEAF versions meet without gap")
    func deafVersionsMeet() throws {
        let deaf = try #require(try ReferenceData.bundled().diploma(DiplomaCode("DEAF")))
        let sorted = deaf.versions.sorted { $0.inForceFrom < $1.inForceFrom }

        #expect(sorted.count == 2)
        #expect(sorted.first?.inForceUntil == (try civilDate("2025-03-31")))
        #expect(sorted.last?.inForceFrom == (try civilDate("2025-04-01")))
        #expect(sorted.last?.inForceUntil == nil)
    }

    @Test(
        "national scheme covers every territory",
        arguments: [("DEAF", "52"), ("DEMF", "75"), ("DEIS", "44")]
    )
    func schemeForEveryTerritory(diploma: String, organizer: String) throws {
        let reference = try ReferenceData.bundled()

        for territory in reference.territories {
            let rule = reference.scheme.rule(
                diploma: DiplomaCode(diploma),
                route: .vae,
                home: territory.code
            )
            #expect(
                rule?.organizer == TerritoryCode(organizer),
                "\(diploma) from \(territory.code)"
            )
        }
    }

    @Test(
        "DETISF scheme covers five regions",
        arguments: [
            ("84", true), ("94", true), ("75", true), ("76", true), ("93", true),
            ("11", false), ("53", false), ("44", false), ("01", false), ("975", false),
        ]
    )
    func detisfScheme(home: String, covered: Bool) throws {
        let reference = try ReferenceData.bundled()

        let rule = reference.scheme.rule(
            diploma: DiplomaCode("DETISF"),
            route: .vae,
            home: TerritoryCode(home)
        )

        #expect(rule?.organizer == (covered ? TerritoryCode("76") : nil))
    }

    @Test("scheme leaves the training route alone")
    func schemeIgnoresTraining() throws {
        let reference = try ReferenceData.bundled()

        for diploma in reference.diplomas {
            for territory in reference.territories {
                let rule = reference.scheme.rule(
                    diploma: diploma.code,
                    route: .training,
                    home: territory.code
                )
                #expect(rule == nil, "\(diploma.code) from \(territory.code)")
            }
        }
    }

    @Test("scheme leaves other diplomas alone", arguments: ["DEASS", "DEEJE", "DEAES", "CAFERUIS"])
    func schemeIgnoresOtherDiplomas(diploma: String) throws {
        let reference = try ReferenceData.bundled()

        for territory in reference.territories {
            let rule = reference.scheme.rule(
                diploma: DiplomaCode(diploma),
                route: .vae,
                home: territory.code
            )
            #expect(rule == nil, "\(diploma) from \(territory.code)")
        }
    }

    @Test(
        "territory matching by name or code",
        arguments: [
            ("ile de france", "11"),
            ("Île-de-France", "11"),
            ("ÎLE-DE-FRANCE", "11"),
            ("4", "04"),
            ("04", "04"),
            ("975", "975"),
            ("PROVENCE ALPES COTE D'AZUR", "93"),
            ("Provence-Alpes-Côte d’Azur", "93"),
            ("la reunion", "04"),
            (" saint pierre et miquelon ", "975"),
            ("auvergne-rhone-alpes", "84"),
        ]
    )
    func territoryMatching(text: String, code: String) throws {
        let territory = try ReferenceData.bundled().territory(matching: text)

        #expect(territory?.code == TerritoryCode(code))
    }

    @Test(
        "territory matching rejects unknown text",
        arguments: ["", "  ", "-", "99", "5", "987", "Nouvelle-Calédonie", "France"]
    )
    func territoryMatchingRejects(text: String) throws {
        let territory = try ReferenceData.bundled().territory(matching: text)

        #expect(territory == nil)
    }

    @Test(
        "excluded territory matching",
        arguments: [
            ("987", "987"),
            ("Nouvelle-Calédonie", "988"),
            ("nouvelle caledonie", "988"),
            ("wallis et futuna", "986"),
            ("Polynésie française", "987"),
        ]
    )
    func excludedMatching(text: String, code: String) throws {
        let excluded = try ReferenceData.bundled().excludedTerritory(matching: text)

        #expect(excluded?.code == TerritoryCode(code))
        #expect(excluded?.reason.isEmpty == false)
    }

    @Test("excluded matching skips served territories", arguments: ["11", "Bretagne", ""])
    func excludedMatchingSkipsServed(text: String) throws {
        let excluded = try ReferenceData.bundled().excludedTerritory(matching: text)

        #expect(excluded == nil)
    }
}
