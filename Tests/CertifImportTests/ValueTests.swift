import CertifDomain
import Foundation
import Testing

@testable import CertifImport

@Suite struct ValueTests {
    @Test func defaultRowReadInFull() throws {
        let result = try Fixtures.readRow([
            "nom_usage": "EXEMPLE",
            "date_limite": "2025-04-30",
            "distanciel": "NON",
            "majoration": "33 %",
            "territoire": "Pays de la Loire",
        ])
        let parsed = try #require(result.candidates.first)

        #expect(result.issues.isEmpty)
        #expect(result.rowCount == 1)
        #expect(result.invalidLines.isEmpty)
        #expect(parsed.line == 2)
        #expect(parsed.candidate.id == "C001")
        #expect(parsed.candidate.birthName == "FICTIF")
        #expect(parsed.candidate.usageName == "EXEMPLE")
        #expect(parsed.candidate.givenNames == "Camille")
        #expect(parsed.candidate.birthDate == (try Fixtures.date("1985-04-12")))
        #expect(parsed.candidate.diploma == DiplomaCode("DEAF"))
        #expect(parsed.candidate.route == .vae)
        #expect(parsed.candidate.territory == TerritoryCode("52"))
        #expect(parsed.candidate.availableFrom == (try Fixtures.date("2025-01-15")))
        #expect(parsed.candidate.explicitDeadline == (try Fixtures.date("2025-04-30")))
        #expect(!parsed.candidate.remoteAllowed)
        #expect(parsed.candidate.extraTimePercent == 33)
    }

    @Test(arguments: [
        "identifiant", "nom_naissance", "prenoms", "date_naissance", "diplome", "voie",
        "territoire", "disponible_le",
    ])
    func emptyRequiredValueReported(column: String) throws {
        let result = try Fixtures.readRow([column: "  "])
        let issue = try Fixtures.onlyIssue(result)

        #expect(result.candidates.isEmpty)
        #expect(issue.code == .missingValue)
        #expect(issue.line == 2)
        #expect(issue.column == column)
        #expect(issue.value == "")
        #expect(issue.identifier == (column == "identifiant" ? nil : "C001"))
        #expect(issue.message.hasPrefix("Valeur obligatoire manquante. Attendu : "))
    }

    @Test func unknownDiplomaListsCodes() throws {
        let result = try Fixtures.readRow(["diplome": "DEXX"])
        let issue = try Fixtures.onlyIssue(result)

        #expect(result.candidates.isEmpty)
        #expect(issue.code == .unknownDiploma)
        #expect(issue.line == 2)
        #expect(issue.column == "diplome")
        #expect(issue.value == "DEXX")
        #expect(issue.identifier == "C001")
        #expect(
            issue.message
                == "Code de diplôme inconnu. Codes attendus : "
                + "DEASS, DEEJE, DEAES, DETISF, DEAF, DEMF, DEIS, CAFERUIS."
        )
    }

    @Test(arguments: ["formation", "FORMATION", "vae", "VAE", "Vae"])
    func routeCaseIgnored(text: String) throws {
        let result = try Fixtures.readRow(["voie": text])

        #expect(result.issues.isEmpty)
        #expect(
            result.candidates.first?.candidate.route
                == AccessRoute(rawValue: text.count == 3 ? "VAE" : "formation")
        )
    }

    @Test func invalidRouteReported() throws {
        let result = try Fixtures.readRow(["voie": "apprentissage"])
        let issue = try Fixtures.onlyIssue(result)

        #expect(issue.code == .invalidRoute)
        #expect(issue.line == 2)
        #expect(issue.column == "voie")
        #expect(issue.value == "apprentissage")
        #expect(issue.message == "Voie d'accès inconnue. Attendu : formation ou VAE.")
    }

    @Test func routeNotOfferedReported() throws {
        var reference = try #require(Fixtures.reference)
        let index = try #require(reference.diplomas.firstIndex { $0.code == DiplomaCode("DEMF") })
        reference.diplomas[index].formats[.vae] = nil
        let text = Fixtures.text(rows: [Fixtures.row(["diplome": "demf", "voie": "vae"])])

        let result = CandidateFileReader.read(
            Data(text.utf8),
            reference: reference,
            today: Fixtures.today
        )
        let issue = try Fixtures.onlyIssue(result)

        #expect(result.candidates.isEmpty)
        #expect(issue.code == .routeNotOffered)
        #expect(issue.line == 2)
        #expect(issue.column == "voie")
        #expect(issue.value == "vae")
        #expect(issue.message.contains("La voie VAE n'est pas ouverte pour le diplôme DEMF"))
        #expect(issue.message.contains("Voies ouvertes : formation."))
    }

    @Test(arguments: [
        ("84", "84"), ("4", "04"), ("04", "04"), ("975", "975"), ("ile de france", "11"),
        ("Provence-Alpes-Côte d'Azur", "93"), ("LA RÉUNION", "04"),
    ])
    func territoryMatched(text: String, code: String) throws {
        let result = try Fixtures.readRow(["territoire": text])

        #expect(result.issues.isEmpty)
        #expect(result.candidates.first?.candidate.territory == TerritoryCode(code))
    }

    @Test func unknownTerritoryReported() throws {
        let result = try Fixtures.readRow(["territoire": "99"])
        let issue = try Fixtures.onlyIssue(result)

        #expect(issue.code == .unknownTerritory)
        #expect(issue.line == 2)
        #expect(issue.column == "territoire")
        #expect(issue.value == "99")
        #expect(
            issue.message.hasPrefix(
                "Territoire inconnu. Attendu : le code INSEE de la région ou son nom, parmi "
                    + "01 Guadeloupe, 02 Martinique, 03 Guyane, 04 La Réunion, 06 Mayotte, "
                    + "11 Île-de-France, 24 Centre-Val de Loire,"
            )
        )
        #expect(issue.message.contains(", 94 Corse, 975 Saint-Pierre-et-Miquelon. "))
        #expect(issue.message.hasSuffix("n'est pas un code de région."))
    }

    @Test(arguments: [
        ("988", "Nouvelle-Calédonie (988)"), ("polynesie francaise", "Polynésie française (987)"),
    ])
    func excludedTerritoryExplained(text: String, named: String) throws {
        let result = try Fixtures.readRow(["territoire": text])
        let issue = try Fixtures.onlyIssue(result)

        #expect(issue.code == .excludedTerritory)
        #expect(issue.line == 2)
        #expect(issue.column == "territoire")
        #expect(issue.value == text)
        #expect(issue.message.hasPrefix("\(named) n'est pas un territoire servi par Certif : "))
        #expect(issue.message.contains("ne relèvent pas des services régionaux de l'État"))
    }

    @Test(arguments: [
        ("31/02/2025", "en février 2025, les jours vont de 01 à 28"),
        ("29/02/2023", "en février 2023, les jours vont de 01 à 28"),
        ("2025-04-31", "en avril 2025, les jours vont de 01 à 30"),
        ("00/01/2025", "en janvier 2025, les jours vont de 01 à 31"),
        ("15/13/2025", "les mois vont de 01 à 12"),
        ("2025-00-10", "les mois vont de 01 à 12"),
        ("15/03/0000", "les années vont de 0001 à 9999"),
    ])
    func nonexistentDateReported(text: String, reason: String) throws {
        let result = try Fixtures.readRow(["disponible_le": text])
        let issue = try Fixtures.onlyIssue(result)

        #expect(issue.code == .nonexistentDate)
        #expect(issue.line == 2)
        #expect(issue.column == "disponible_le")
        #expect(issue.value == text)
        #expect(
            issue.message
                == "Ce jour n'existe pas : \(reason). Vérifiez le jour, le mois et l'année."
        )
    }

    @Test func leapDayAccepted() throws {
        let result = try Fixtures.readRow(["disponible_le": "29/02/2024"])

        #expect(result.issues.isEmpty)
        #expect(
            result.candidates.first?.candidate.availableFrom == (try Fixtures.date("2024-02-29"))
        )
    }

    @Test(arguments: [
        "15.03.2025", "15/03/25", "2025/03/15", "15 mars 2025", "45731", "15/03/2025 00:00",
        "2025-3-15T00:00",
    ])
    func invalidDateReported(text: String) throws {
        let result = try Fixtures.readRow(["date_naissance": text])
        let issue = try Fixtures.onlyIssue(result)

        #expect(issue.code == .invalidDate)
        #expect(issue.line == 2)
        #expect(issue.column == "date_naissance")
        #expect(issue.value == text)
        #expect(issue.message.contains("JJ/MM/AAAA"))
        #expect(issue.message.contains("AAAA-MM-JJ"))
    }

    @Test(arguments: ["5/3/2025", "2025-3-5"])
    func shortDayAndMonthAccepted(text: String) throws {
        let result = try Fixtures.readRow(["disponible_le": text])

        #expect(result.issues.isEmpty)
        #expect(
            result.candidates.first?.candidate.availableFrom == (try Fixtures.date("2025-03-05"))
        )
    }

    @Test func futureBirthDateReported() throws {
        let result = try Fixtures.readRow(["date_naissance": "02/06/2025"])
        let issue = try Fixtures.onlyIssue(result)

        #expect(issue.code == .birthDateInFuture)
        #expect(issue.line == 2)
        #expect(issue.column == "date_naissance")
        #expect(issue.value == "02/06/2025")
        #expect(issue.message.contains("(01/06/2025)"))
    }

    @Test func youngCandidateReported() throws {
        let result = try Fixtures.readRow([
            "date_naissance": "16/01/2009",
            "disponible_le": "15/01/2025",
        ])
        let issue = try Fixtures.onlyIssue(result)

        #expect(issue.code == .candidateTooYoung)
        #expect(issue.line == 2)
        #expect(issue.column == "date_naissance")
        #expect(issue.value == "16/01/2009")
        #expect(
            issue.message.hasPrefix(
                "Le candidat aurait 15 ans à sa date de disponibilité (15/01/2025)"
            )
        )
    }

    @Test func sixteenthBirthdayAccepted() throws {
        let result = try Fixtures.readRow([
            "date_naissance": "15/01/2009",
            "disponible_le": "15/01/2025",
        ])

        #expect(result.issues.isEmpty)
    }

    @Test func deadlineBeforeAvailabilityReported() throws {
        let result = try Fixtures.readRow([
            "disponible_le": "15/01/2025",
            "date_limite": "14/01/2025",
        ])
        let issue = try Fixtures.onlyIssue(result)

        #expect(issue.code == .deadlineBeforeAvailability)
        #expect(issue.line == 2)
        #expect(issue.column == "date_limite")
        #expect(issue.value == "14/01/2025")
        #expect(
            issue.message.hasPrefix("La date limite précède la date de disponibilité (15/01/2025).")
        )
    }

    @Test func deadlineOnAvailabilityAccepted() throws {
        let result = try Fixtures.readRow([
            "disponible_le": "15/01/2025",
            "date_limite": "2025-01-15",
        ])

        #expect(result.issues.isEmpty)
        #expect(
            result.candidates.first?.candidate.explicitDeadline == (try Fixtures.date("2025-01-15"))
        )
    }

    @Test func duplicateIdentifierNamesFirstLine() throws {
        let text = Fixtures.text(rows: [
            Fixtures.row(["identifiant": "A1"]),
            Fixtures.row(["identifiant": "B2"]),
            Fixtures.row(["identifiant": "A1"]),
        ])

        let result = try Fixtures.read(text)
        let issue = try Fixtures.onlyIssue(result)

        #expect(result.candidates.map(\.candidate.id) == ["A1", "B2"])
        #expect(issue.code == .duplicateIdentifier)
        #expect(issue.line == 4)
        #expect(issue.column == "identifiant")
        #expect(issue.value == "A1")
        #expect(issue.identifier == "A1")
        #expect(issue.message.hasPrefix("Identifiant déjà utilisé ligne 2."))
    }

    @Test(arguments: [("oui", true), ("OUI", true), ("Non", false), ("", true)])
    func remoteValueRead(text: String, allowed: Bool) throws {
        let result = try Fixtures.readRow(["distanciel": text])

        #expect(result.issues.isEmpty)
        #expect(result.candidates.first?.candidate.remoteAllowed == allowed)
    }

    @Test(arguments: ["o", "yes", "1", "peut-être"])
    func invalidRemoteReported(text: String) throws {
        let result = try Fixtures.readRow(["distanciel": text])
        let issue = try Fixtures.onlyIssue(result)

        #expect(issue.code == .invalidRemote)
        #expect(issue.line == 2)
        #expect(issue.column == "distanciel")
        #expect(issue.value == text)
        #expect(issue.message.contains("oui, non"))
    }

    @Test(arguments: [
        ("33", 33), ("33 %", 33), ("33%", 33), ("33\u{00A0}%", 33), ("33\u{202F}%", 33),
        ("0", 0), ("100", 100), ("", 0),
    ])
    func extraTimeRead(text: String, percent: Int) throws {
        let result = try Fixtures.readRow(["majoration": text])

        #expect(result.issues.isEmpty)
        #expect(result.candidates.first?.candidate.extraTimePercent == percent)
    }

    @Test(arguments: ["101", "-5", "33,5", "33.0", "%", "un tiers", "1000", "33 % %"])
    func invalidExtraTimeReported(text: String) throws {
        let result = try Fixtures.readRow(["majoration": text])
        let issue = try Fixtures.onlyIssue(result)

        #expect(issue.code == .invalidExtraTime)
        #expect(issue.line == 2)
        #expect(issue.column == "majoration")
        #expect(issue.value == text)
        #expect(issue.message.contains("pourcentage entier de 0 à 100"))
    }

    @Test func controlCharacterReported() throws {
        let result = try Fixtures.readRow(["nom_usage": "EXEMPLE\u{0007}"])
        let issue = try Fixtures.onlyIssue(result)

        #expect(issue.code == .controlCharacter)
        #expect(issue.line == 2)
        #expect(issue.column == "nom_usage")
        #expect(issue.value == "EXEMPLE\u{0007}")
        #expect(issue.message.contains("(U+0007)"))
    }

    @Test func longValueReported() throws {
        let name = String(repeating: "A", count: 201)

        let accepted = try Fixtures.readRow(["nom_naissance": String(name.dropLast())])
        let result = try Fixtures.readRow(["nom_naissance": name])
        let issue = try Fixtures.onlyIssue(result)

        #expect(accepted.issues.isEmpty)
        #expect(issue.code == .valueTooLong)
        #expect(issue.line == 2)
        #expect(issue.column == "nom_naissance")
        #expect(issue.value == name)
        #expect(
            issue.message.hasPrefix("Valeur trop longue : 201 caractères Unicode, 200 au plus.")
        )
    }

    @Test func longIdentifierReported() throws {
        let identifier = String(repeating: "9", count: 65)

        let accepted = try Fixtures.readRow(["identifiant": String(identifier.dropLast())])
        let result = try Fixtures.readRow(["identifiant": identifier])
        let issue = try Fixtures.onlyIssue(result)

        #expect(accepted.issues.isEmpty)
        #expect(issue.code == .valueTooLong)
        #expect(issue.column == "identifiant")
        #expect(issue.identifier == nil)
        #expect(
            issue.message.hasPrefix("Valeur trop longue : 65 caractères Unicode, 64 au plus.")
        )
    }

    @Test func everyIssueOfRowListed() throws {
        let text = Fixtures.text(rows: [
            Fixtures.row([
                "identifiant": "X9",
                "prenoms": "",
                "diplome": "DEZZ",
                "territoire": "988",
                "majoration": "200",
            ]),
            Fixtures.row(["identifiant": "X10"]),
        ])

        let result = try Fixtures.read(text)

        #expect(result.candidates.map(\.candidate.id) == ["X10"])
        #expect(
            result.issues.map(\.code) == [
                .missingValue, .unknownDiploma, .excludedTerritory, .invalidExtraTime,
            ]
        )
        #expect(result.issues.map(\.line) == [2, 2, 2, 2])
        #expect(result.issues.map(\.identifier) == ["X9", "X9", "X9", "X9"])
        #expect(result.invalidLines == [2])
    }

    @Test func descriptionLeavesValueOut() throws {
        let result = try Fixtures.readRow(["date_naissance": "31/02/1990"])
        let issue = try Fixtures.onlyIssue(result)

        #expect(!issue.description.contains("31/02/1990"))
        #expect(issue.description.hasPrefix("ligne 2, colonne date_naissance : "))
    }
}
