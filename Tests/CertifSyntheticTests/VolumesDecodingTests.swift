import CertifDomain
import Foundation
import Testing

@testable import CertifSynthetic

struct VolumesDecodingTests {
    /// Builds a volumes file from the text of its `lines`, of its first keys and of its
    /// monthly profile.
    static func volumesJSON(
        lines: String = #"[{ "diploma": "DEAF", "route": "VAE", "total": 19 }]"#,
        header: String = #""format": "certif-volumes/1", "year": 2025, "seed": 7"#,
        profile: String = "[1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]"
    ) -> Data {
        Data(#"{ \#(header), "monthlyProfile": \#(profile), "lines": \#(lines) }"#.utf8)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var json: Data
        var code: VolumesError.Code

        var testDescription: String { name }
    }

    static let structuralCases: [Case] = [
        Case(name: "not JSON", json: Data("{ lines".utf8), code: .invalidJSON),
        Case(
            name: "total as text",
            json: volumesJSON(lines: #"[{ "diploma": "DEAF", "route": "VAE", "total": "19" }]"#),
            code: .invalidJSON
        ),
        Case(
            name: "missing year",
            json: volumesJSON(header: #""format": "certif-volumes/1", "seed": 7"#),
            code: .invalidJSON
        ),
        Case(
            name: "misspelt key",
            json: volumesJSON(
                lines: #"[{ "diploma": "DEAF", "route": "VAE", "total": 19, "territory": null }]"#
            ),
            code: .unknownKey
        ),
        Case(
            name: "other format",
            json: volumesJSON(header: #""format": "certif-volumes/2", "year": 2025, "seed": 7"#),
            code: .unsupportedFormat
        ),
        Case(
            name: "year 1850",
            json: volumesJSON(header: #""format": "certif-volumes/1", "year": 1850, "seed": 7"#),
            code: .invalidYear
        ),
        Case(
            name: "route in lower case",
            json: volumesJSON(lines: #"[{ "diploma": "DEAF", "route": "vae", "total": 19 }]"#),
            code: .unknownRoute
        ),
        Case(
            name: "negative total",
            json: volumesJSON(lines: #"[{ "diploma": "DEAF", "route": "VAE", "total": -3 }]"#),
            code: .negativeVolume
        ),
        Case(
            name: "negative territory count",
            json: volumesJSON(
                lines: #"[{ "diploma": "DEAF", "route": "VAE", "perTerritory": { "11": -1 } }]"#
            ),
            code: .negativeVolume
        ),
        Case(
            name: "total over six digits",
            json: volumesJSON(
                lines: #"[{ "diploma": "DEAF", "route": "VAE", "total": 1000000 }]"#
            ),
            code: .volumeTooLarge
        ),
        Case(
            name: "neither total nor perTerritory",
            json: volumesJSON(lines: #"[{ "diploma": "DEAF", "route": "VAE" }]"#),
            code: .missingVolume
        ),
        Case(
            name: "both total and perTerritory",
            json: volumesJSON(
                lines:
                    #"[{ "diploma": "DEAF", "route": "VAE", "total": 3, "perTerritory": { "11": 3 } }]"#
            ),
            code: .conflictingVolume
        ),
        Case(
            name: "territories with perTerritory",
            json: volumesJSON(
                lines:
                    #"[{ "diploma": "DEAF", "route": "VAE", "territories": ["11"], "perTerritory": { "11": 3 } }]"#
            ),
            code: .conflictingVolume
        ),
        Case(
            name: "empty territories",
            json: volumesJSON(
                lines: #"[{ "diploma": "DEAF", "route": "VAE", "total": 3, "territories": [] }]"#
            ),
            code: .invalidTerritories
        ),
        Case(
            name: "territory listed twice",
            json: volumesJSON(
                lines:
                    #"[{ "diploma": "DEAF", "route": "VAE", "total": 3, "territories": ["11", "11"] }]"#
            ),
            code: .invalidTerritories
        ),
        Case(
            name: "same diploma and route twice",
            json: volumesJSON(
                lines:
                    #"[{ "diploma": "DEAF", "route": "VAE", "total": 3 }, { "diploma": "DEAF", "route": "VAE", "total": 4 }]"#
            ),
            code: .duplicateLine
        ),
        Case(
            name: "profile of 11 weights",
            json: volumesJSON(profile: "[1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]"),
            code: .invalidMonthlyProfile
        ),
        Case(
            name: "profile with a negative weight",
            json: volumesJSON(profile: "[1, 1, 1, 1, 1, 1, 1, -1, 1, 1, 1, 1]"),
            code: .invalidMonthlyProfile
        ),
        Case(
            name: "profile of zeros",
            json: volumesJSON(profile: "[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]"),
            code: .invalidMonthlyProfile
        ),
        Case(
            name: "profile too small to read",
            json: volumesJSON(profile: "[1e-9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]"),
            code: .invalidMonthlyProfile
        ),
        Case(
            name: "line profile of 13 weights",
            json: volumesJSON(
                lines:
                    #"[{ "diploma": "DEAF", "route": "VAE", "total": 3, "monthlyProfile": [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1] }]"#
            ),
            code: .invalidMonthlyProfile
        ),
    ]

    @Test(arguments: structuralCases)
    func decodingRejectsInvalidVolumes(_ example: Case) {
        let error = #expect(throws: VolumesError.self) {
            try SyntheticCandidates.decodeVolumes(example.json)
        }

        #expect(error?.code == example.code)
        #expect(error?.message.isEmpty == false)
    }

    static let referenceCases: [Case] = [
        Case(
            name: "unknown diploma",
            json: volumesJSON(lines: #"[{ "diploma": "DEES", "route": "VAE", "total": 3 }]"#),
            code: .unknownDiploma
        ),
        Case(
            name: "unknown territory in territories",
            json: volumesJSON(
                lines:
                    #"[{ "diploma": "DEAF", "route": "VAE", "total": 3, "territories": ["11", "987"] }]"#
            ),
            code: .unknownTerritory
        ),
        Case(
            name: "unknown territory in perTerritory",
            json: volumesJSON(
                lines: #"[{ "diploma": "DEAF", "route": "VAE", "perTerritory": { "4": 3 } }]"#
            ),
            code: .unknownTerritory
        ),
        Case(
            name: "route without exam format",
            json: volumesJSON(lines: #"[{ "diploma": "DEMF", "route": "VAE", "total": 3 }]"#),
            code: .routeNotOffered
        ),
    ]

    @Test(arguments: referenceCases)
    func referenceCheckRejectsUnknownCodes(_ example: Case) throws {
        var reference = try Fixtures.reference()
        reference.diplomas = reference.diplomas.map { diploma in
            var copy = diploma
            if copy.code == DiplomaCode("DEMF") {
                copy.formats[.vae] = nil
            }
            return copy
        }
        let volumes = try SyntheticCandidates.decodeVolumes(example.json)

        let decodeError = #expect(throws: VolumesError.self) {
            try SyntheticCandidates.decodeVolumes(example.json, reference: reference)
        }
        let generateError = #expect(throws: VolumesError.self) {
            try SyntheticCandidates.generate(volumes, reference: reference)
        }

        #expect(decodeError?.code == example.code)
        #expect(generateError?.code == example.code)
    }

    @Test func errorMessageNamesLineAndFix() {
        let json = Self.volumesJSON(
            lines:
                #"[{ "diploma": "DEAF", "route": "VAE", "total": 3 }, { "diploma": "DEIS", "route": "VAE", "total": -2 }]"#
        )

        let error = #expect(throws: VolumesError.self) {
            try SyntheticCandidates.decodeVolumes(json)
        }

        #expect(
            error?.message == "lines[1] (DEIS VAE): total is -2; expected 0 or more candidates"
        )
        #expect(error?.description.hasPrefix("invalid volumes (negative-volume): ") == true)
    }

    @Test func unknownKeyErrorGivesItsPath() {
        let json = Self.volumesJSON(
            lines: #"[{ "diploma": "DEAF", "route": "VAE", "total": 3, "Total": 4 }]"#
        )

        let error = #expect(throws: VolumesError.self) {
            try SyntheticCandidates.decodeVolumes(json)
        }

        #expect(error?.message.hasPrefix("lines[0].Total: unknown key;") == true)
    }

    @Test func nullOptionalKeysAreAccepted() throws {
        let json = Self.volumesJSON(
            lines:
                #"[{ "diploma": "DEAF", "route": "VAE", "total": 19, "territories": null, "monthlyProfile": null, "perTerritory": null }]"#
        )

        let volumes = try SyntheticCandidates.decodeVolumes(json)

        #expect(volumes.lines.count == 1)
        #expect(volumes.lines.first?.territories == nil)
        #expect(volumes.lines.first?.monthlyProfile == nil)
        #expect(volumes.note == nil)
    }

    @Test func encodingRoundTripsVolumes() throws {
        let volumes = Fixtures.mixedVolumes()

        let data = try JSONEncoder().encode(volumes)
        let decoded = try SyntheticCandidates.decodeVolumes(data)

        #expect(decoded == volumes)
    }

    @Test(arguments: ["volumes-vae-2024.json", "volumes-national.json"])
    func exampleFilesDecodeAndValidate(_ name: String) throws {
        let reference = try Fixtures.reference()
        let data = try Fixtures.example(name)

        let volumes = try SyntheticCandidates.decodeVolumes(data, reference: reference)

        #expect(volumes.format == Volumes.currentFormat)
        #expect(volumes.year == 2025)
        #expect(volumes.note?.contains("SYN-") == true)
    }
}
