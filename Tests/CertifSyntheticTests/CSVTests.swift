import CertifDomain
import Foundation
import Testing

@testable import CertifSynthetic

struct CSVTests {
    static let header =
        "identifiant;nom_naissance;nom_usage;prenoms;date_naissance;diplome;voie;territoire;disponible_le;date_limite;distanciel;majoration"

    @Test func csvHasHeaderAndOneLinePerCandidate() throws {
        let reference = try Fixtures.reference()
        let candidates = try SyntheticCandidates.generate(
            Fixtures.mixedVolumes(),
            reference: reference
        )

        let text = SyntheticCandidates.csv(candidates)

        #expect(text.hasSuffix("\r\n"))
        let records = text.components(separatedBy: "\r\n").dropLast()
        #expect(records.first == Self.header)
        #expect(records.count == candidates.count + 1)
        for (record, candidate) in zip(records.dropFirst(), candidates) {
            let fields = record.split(separator: ";", omittingEmptySubsequences: false)
            #expect(fields.count == 12, "\(candidate.id)")
            #expect(fields.first.map(String.init) == candidate.id)
        }
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }

    @Test func csvWritesFrenchFieldFormats() throws {
        let candidate = Candidate(
            id: "SYN-2025-DEAF-VAE-000001",
            birthName: "GUÉRIN",
            givenNames: "Émilie",
            birthDate: try #require(CivilDate(year: 1980, month: 2, day: 29)),
            diploma: DiplomaCode("DEAF"),
            route: .vae,
            territory: TerritoryCode("04"),
            availableFrom: try #require(CivilDate(year: 2025, month: 3, day: 5)),
            remoteAllowed: false,
            extraTimePercent: 33
        )

        let text = SyntheticCandidates.csv([candidate])

        #expect(
            text == Self.header + "\r\n"
                + "SYN-2025-DEAF-VAE-000001;GUÉRIN;;Émilie;29/02/1980;DEAF;VAE;04;05/03/2025;;non;33\r\n"
        )
    }

    @Test func csvWritesDeadlineAndUsageName() throws {
        let deadline = try #require(CivilDate(year: 2025, month: 12, day: 1))
        let candidate = Candidate(
            id: "C-1",
            birthName: "MARTIN",
            usageName: "DURAND",
            givenNames: "Marie",
            birthDate: try #require(CivilDate(year: 1990, month: 1, day: 31)),
            diploma: DiplomaCode("DEAES"),
            route: .training,
            territory: TerritoryCode("975"),
            availableFrom: try #require(CivilDate(year: 2025, month: 6, day: 30)),
            explicitDeadline: deadline
        )

        let record = SyntheticCandidates.csv([candidate]).components(separatedBy: "\r\n")[1]

        #expect(
            record
                == "C-1;MARTIN;DURAND;Marie;31/01/1990;DEAES;formation;975;30/06/2025;01/12/2025;oui;0"
        )
    }

    @Test(arguments: [
        ("DE; LA TOUR", #""DE; LA TOUR""#),
        (#"Jean "Jo""#, #""Jean ""Jo""""#),
        ("A\nB", "\"A\nB\""),
        ("A\r\nB", "\"A\r\nB\""),
        ("A\rB", "\"A\rB\""),
        ("D'ALMEIDA", "D'ALMEIDA"),
    ])
    func csvQuotesSpecialFields(_ name: String, _ field: String) throws {
        let candidate = Candidate(
            id: "C-1",
            birthName: name,
            givenNames: "Marie",
            birthDate: try #require(CivilDate(year: 1990, month: 1, day: 31)),
            diploma: DiplomaCode("DEAES"),
            route: .training,
            territory: TerritoryCode("11"),
            availableFrom: try #require(CivilDate(year: 2025, month: 6, day: 30))
        )

        let text = SyntheticCandidates.csv([candidate])

        #expect(text.hasPrefix(Self.header + "\r\nC-1;" + field + ";;Marie;"))
    }

    @Test func csvOfNoCandidatesIsHeader() {
        #expect(SyntheticCandidates.csv([]) == Self.header + "\r\n")
    }
}
