import CertifDomain
import Foundation
import Testing

@testable import CertifSynthetic

struct GenerationTests {
    @Test func totalsArePreservedPerLine() throws {
        let reference = try Fixtures.reference()
        let volumes = Fixtures.mixedVolumes()

        let candidates = try SyntheticCandidates.generate(volumes, reference: reference)

        let byLine = Fixtures.count(candidates) { "\($0.diploma) \($0.route.rawValue)" }
        #expect(byLine["DEAF VAE"] == 19)
        #expect(byLine["DETISF VAE"] == 48)
        #expect(byLine["DEMF VAE"] == 21)
        #expect(byLine["DEIS VAE"] == 50)
        #expect(byLine["DEAES formation"] == 510)
        #expect(byLine["DETISF formation"] == 40)
        #expect(candidates.count == 19 + 48 + 21 + 50 + 510 + 40)
    }

    @Test func totalsArePreservedPerTerritory() throws {
        let reference = try Fixtures.reference()
        let volumes = Fixtures.mixedVolumes()

        let candidates = try SyntheticCandidates.generate(volumes, reference: reference)

        let deaes = candidates.filter { $0.diploma == DiplomaCode("DEAES") }
        let deaesByTerritory = Fixtures.count(deaes) { $0.territory.rawValue }
        #expect(deaesByTerritory == ["11": 300, "84": 210])

        let detisfTraining = candidates.filter {
            $0.diploma == DiplomaCode("DETISF") && $0.route == .training
        }
        let listed: Set<String> = ["76", "02", "975"]
        #expect(detisfTraining.allSatisfy { listed.contains($0.territory.rawValue) })

        for line in volumes.lines where line.total != nil {
            let lineCandidates = candidates.filter {
                $0.diploma == line.diploma && $0.route == line.route
            }
            let expected = SyntheticCandidates.territoryCounts(of: line, reference: reference)
            let actual = Fixtures.count(lineCandidates) { $0.territory }
            for (territory, count) in expected {
                #expect(actual[territory, default: 0] == count, "\(line.diploma) \(territory)")
            }
            #expect(expected.reduce(0) { $0 + $1.count } == line.total)
        }
    }

    @Test func populationSpreadMatchesHandCount() throws {
        // Quotas 7 × 5/10, 7 × 3/10, 7 × 2/10 are 3.5, 2.1 and 1.4: floors 3, 2 and 1, and the
        // leftover unit goes to the largest remainder, Île-de-France's.
        let reference = try Fixtures.reference(populations: ["11": 5, "84": 3, "93": 2])
        let volumes = Volumes(
            year: 2025,
            seed: 1,
            monthlyProfile: Fixtures.flatProfile,
            lines: [Volumes.Line(diploma: DiplomaCode("DEAF"), route: .vae, total: 7)]
        )

        let candidates = try SyntheticCandidates.generate(volumes, reference: reference)

        let byTerritory = Fixtures.count(candidates) { $0.territory.rawValue }
        #expect(byTerritory == ["11": 4, "84": 2, "93": 1])
    }

    @Test func equalRemaindersGoToLowerCode() throws {
        let reference = try Fixtures.reference(populations: ["11": 1, "84": 1, "93": 1])
        let volumes = Volumes(
            year: 2025,
            seed: 1,
            monthlyProfile: Fixtures.flatProfile,
            lines: [Volumes.Line(diploma: DiplomaCode("DEAF"), route: .vae, total: 2)]
        )

        let candidates = try SyntheticCandidates.generate(volumes, reference: reference)

        let byTerritory = Fixtures.count(candidates) { $0.territory.rawValue }
        #expect(byTerritory == ["11": 1, "84": 1])
    }

    @Test func monthTotalsFollowProfileExactly() throws {
        let reference = try Fixtures.reference()
        let profile: [Double] = [4, 3, 4, 4, 6, 22, 16, 1, 4, 5, 7, 24]
        let volumes = Volumes(
            year: 2025,
            seed: 3,
            monthlyProfile: profile,
            lines: [Volumes.Line(diploma: DiplomaCode("DEAES"), route: .training, total: 1_234)]
        )

        let candidates = try SyntheticCandidates.generate(volumes, reference: reference)

        let byMonth = Fixtures.count(candidates) { $0.availableFrom.month }
        // 1,234 × 4/100 = 49.36 and so on; the leftover units go to the largest remainders.
        let expected = [49, 37, 49, 49, 74, 272, 198, 12, 49, 62, 87, 296]
        #expect(expected.reduce(0, +) == 1_234)
        for month in 1...12 {
            #expect(byMonth[month, default: 0] == expected[month - 1], "month \(month)")
        }
    }

    @Test func territoriesSpreadOverTheYear() throws {
        let reference = try Fixtures.reference()
        let volumes = Volumes(
            year: 2025,
            seed: 3,
            monthlyProfile: Fixtures.flatProfile,
            lines: [Volumes.Line(diploma: DiplomaCode("DEAES"), route: .training, total: 1_200)]
        )

        let candidates = try SyntheticCandidates.generate(volumes, reference: reference)

        // Île-de-France has about 218 of the 1,200 candidates, so about 18 a month.
        let paris = candidates.filter { $0.territory == TerritoryCode("11") }
        let byMonth = Fixtures.count(paris) { $0.availableFrom.month }
        for month in 1...12 {
            #expect((16...20).contains(byMonth[month, default: 0]), "month \(month)")
        }
    }

    @Test func sameSeedGivesIdenticalOutput() throws {
        let reference = try Fixtures.reference()

        let first = try SyntheticCandidates.generate(Fixtures.mixedVolumes(), reference: reference)
        let second = try SyntheticCandidates.generate(Fixtures.mixedVolumes(), reference: reference)

        #expect(first == second)
        #expect(SyntheticCandidates.csv(first) == SyntheticCandidates.csv(second))
    }

    @Test func otherSeedChangesDrawsNotCounts() throws {
        let reference = try Fixtures.reference()

        let first = try SyntheticCandidates.generate(
            Fixtures.mixedVolumes(seed: 1),
            reference: reference
        )
        let second = try SyntheticCandidates.generate(
            Fixtures.mixedVolumes(seed: 2),
            reference: reference
        )

        #expect(first.map(\.id) == second.map(\.id))
        let lineAndTerritory = { (candidate: Candidate) in
            "\(candidate.diploma) \(candidate.route.rawValue) \(candidate.territory)"
        }
        #expect(
            Fixtures.count(first, by: lineAndTerritory)
                == Fixtures.count(second, by: lineAndTerritory)
        )
        #expect(first.map(\.availableFrom.month) == second.map(\.availableFrom.month))
        #expect(first.map(\.availableFrom) != second.map(\.availableFrom))
        #expect(first.map(\.birthName) != second.map(\.birthName))
        #expect(first.map(\.givenNames) != second.map(\.givenNames))
        #expect(first.map(\.birthDate) != second.map(\.birthDate))
    }

    @Test func addingLineKeepsOtherCandidates() throws {
        let reference = try Fixtures.reference()
        var volumes = Fixtures.mixedVolumes()
        let before = try SyntheticCandidates.generate(volumes, reference: reference)

        volumes.lines.insert(
            Volumes.Line(diploma: DiplomaCode("DEASS"), route: .vae, total: 30),
            at: 0
        )
        let after = try SyntheticCandidates.generate(volumes, reference: reference)

        let kept = after.filter { $0.diploma != DiplomaCode("DEASS") }
        #expect(kept == before)
    }

    @Test func generatedCandidatesAreValid() throws {
        let reference = try Fixtures.reference()
        let volumes = Fixtures.mixedVolumes()

        let candidates = try SyntheticCandidates.generate(volumes, reference: reference)

        let served = Set(reference.territories.map(\.code))
        for candidate in candidates {
            let id = candidate.id
            #expect(id.hasPrefix("SYN-2025-\(candidate.diploma)-\(candidate.route.rawValue)-"))
            #expect(reference.diploma(candidate.diploma)?.formats[candidate.route] != nil, "\(id)")
            #expect(served.contains(candidate.territory), "\(id)")
            let available = candidate.availableFrom
            let birth = candidate.birthDate
            #expect(
                CivilDate(year: available.year, month: available.month, day: available.day) != nil
            )
            #expect(CivilDate(year: birth.year, month: birth.month, day: birth.day) != nil)
            #expect(available.year == 2025, "\(id)")
            let age = Fixtures.age(bornOn: birth, on: available)
            #expect(SyntheticCandidates.ageRange.contains(age), "\(id) is \(age)")
            #expect(FictitiousNames.birthNames.contains(candidate.birthName), "\(id)")
            #expect(FictitiousNames.givenNames.contains(candidate.givenNames), "\(id)")
            #expect(candidate.usageName == nil, "\(id)")
            #expect(candidate.explicitDeadline == nil, "\(id)")
            #expect([0, 33].contains(candidate.extraTimePercent), "\(id)")
        }
    }

    @Test func identifiersAreUniqueAndSorted() throws {
        let reference = try Fixtures.reference()

        let candidates = try SyntheticCandidates.generate(
            Fixtures.mixedVolumes(),
            reference: reference
        )

        let ids = candidates.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(ids == ids.sorted())
        #expect(ids.first == "SYN-2025-DEAES-formation-000001")
        #expect(ids.contains("SYN-2025-DEAF-VAE-000019"))
        #expect(!ids.contains("SYN-2025-DEAF-VAE-000020"))
    }

    @Test func identifiersFollowAvailabilityDates() throws {
        let reference = try Fixtures.reference()

        let candidates = try SyntheticCandidates.generate(
            Fixtures.mixedVolumes(),
            reference: reference
        )

        for (previous, next) in zip(candidates, candidates.dropFirst())
        where previous.diploma == next.diploma && previous.route == next.route {
            #expect(previous.availableFrom <= next.availableFrom, "\(previous.id), \(next.id)")
        }
    }

    @Test func ageRangeCoversBothEnds() throws {
        let reference = try Fixtures.reference()
        let volumes = Volumes(
            year: 2028,
            seed: 9,
            monthlyProfile: Fixtures.flatProfile,
            lines: [Volumes.Line(diploma: DiplomaCode("DEAES"), route: .training, total: 20_000)]
        )

        let candidates = try SyntheticCandidates.generate(volumes, reference: reference)

        let ages = candidates.map { Fixtures.age(bornOn: $0.birthDate, on: $0.availableFrom) }
        #expect(ages.min() == 20)
        #expect(ages.max() == 60)
        let days = Set(candidates.map(\.availableFrom))
        #expect(days.count == 366, "every day of the leap year 2028 is drawn")
    }

    @Test func drawnSharesStayNearTargets() throws {
        let reference = try Fixtures.reference()
        let volumes = Volumes(
            year: 2025,
            seed: 11,
            monthlyProfile: Fixtures.flatProfile,
            lines: [Volumes.Line(diploma: DiplomaCode("DEAES"), route: .training, total: 20_000)]
        )

        let candidates = try SyntheticCandidates.generate(volumes, reference: reference)

        // Expected 1,000 and 600; the bounds are about five standard deviations away.
        let local = candidates.filter { !$0.remoteAllowed }.count
        let extraTime = candidates.filter { $0.extraTimePercent == 33 }.count
        #expect((850...1_150).contains(local), "\(local) may not be examined remotely")
        #expect((480...720).contains(extraTime), "\(extraTime) have extra time")
    }

    @Test func zeroVolumesGiveNoCandidates() throws {
        let reference = try Fixtures.reference()
        let volumes = Volumes(
            year: 2025,
            seed: 1,
            monthlyProfile: Fixtures.flatProfile,
            lines: [
                Volumes.Line(diploma: DiplomaCode("DEAF"), route: .vae, total: 0),
                Volumes.Line(diploma: DiplomaCode("DEMF"), route: .vae, perTerritory: [:]),
            ]
        )

        let candidates = try SyntheticCandidates.generate(volumes, reference: reference)

        #expect(candidates.isEmpty)
    }

    @Test func nationalExampleGivesSixteenThousand() throws {
        let reference = try Fixtures.reference()
        let volumes = try SyntheticCandidates.decodeVolumes(
            try Fixtures.example("volumes-national.json"),
            reference: reference
        )

        let candidates = try SyntheticCandidates.generate(volumes, reference: reference)

        #expect(candidates.count == 16_000)
        let byDiploma = Fixtures.count(candidates) { $0.diploma.rawValue }
        #expect(byDiploma["DEAES"] == 6_500)
        #expect(byDiploma["DEEJE"] == 2_500)
        #expect(byDiploma["DEASS"] == 2_400)
        #expect(byDiploma["CAFERUIS"] == 1_500)
        #expect(byDiploma["DEAF"] == 1_300)
        #expect(byDiploma["DETISF"] == 1_200)
        #expect(byDiploma["DEIS"] == 300)
        #expect(byDiploma["DEMF"] == 300)
    }

    @Test func vaeExampleReplays2024Figures() throws {
        let reference = try Fixtures.reference()
        let volumes = try SyntheticCandidates.decodeVolumes(
            try Fixtures.example("volumes-vae-2024.json"),
            reference: reference
        )

        let candidates = try SyntheticCandidates.generate(volumes, reference: reference)

        let byDiploma = Fixtures.count(candidates) { $0.diploma }
        for row in reference.publishedFigures.figures {
            #expect(byDiploma[row.diploma] == row.candidates, "\(row.diploma)")
        }
        #expect(candidates.allSatisfy { $0.route == .vae })
        let august = candidates.filter { $0.availableFrom.month == 8 }.count
        let march = candidates.filter { $0.availableFrom.month == 3 }.count
        #expect(august < march)
    }
}
