import CertifDomain
import Foundation
import Testing

@testable import CertifImport

@Suite struct PlausibilityTests {
    @Test(arguments: ["+4", "-4", "+04", "4.0", "04,", "０４"])
    func signedTerritoryCodeRejected(text: String) throws {
        let result = try Fixtures.readRow(["territoire": text])
        let issue = try Fixtures.onlyIssue(result)

        #expect(result.candidates.isEmpty)
        #expect(issue.code == .unknownTerritory)
        #expect(issue.column == "territoire")
        #expect(issue.message.hasPrefix("Territoire inconnu."))
    }

    @Test(arguments: [
        ("971", "Guadeloupe", "01"),
        ("972", "Martinique", "02"),
        ("973", "Guyane", "03"),
        ("974", "La Réunion", "04"),
        ("976", "Mayotte", "06"),
    ])
    func overseasDepartmentCodeExplained(text: String, name: String, region: String) throws {
        let result = try Fixtures.readRow(["territoire": text])
        let issue = try Fixtures.onlyIssue(result)

        #expect(result.candidates.isEmpty)
        #expect(issue.code == .unknownTerritory)
        #expect(issue.line == 2)
        #expect(issue.column == "territoire")
        #expect(issue.value == text)
        #expect(
            issue.message
                == "Ce code est celui du département \(name), pas celui d'une région. Attendu : "
                + "le code de région \(region) ou le nom \(name)."
        )
        #expect(!issue.description.contains(text))
    }

    @Test(arguments: ["977", "978"])
    func collectivityCodeUnknown(text: String) throws {
        let result = try Fixtures.readRow(["territoire": text])
        let issue = try Fixtures.onlyIssue(result)

        #expect(issue.code == .unknownTerritory)
        #expect(issue.message.hasPrefix("Territoire inconnu. Attendu : "))
    }

    @Test(arguments: [
        ("disponible_le", "01/01/9999", "Date de disponibilité hors des années admises."),
        ("disponible_le", "0001-01-01", "Date de disponibilité hors des années admises."),
        ("disponible_le", "31/12/1999", "Date de disponibilité hors des années admises."),
        ("date_limite", "01/01/2101", "Date limite hors des années admises."),
        ("date_limite", "01/01/9999", "Date limite hors des années admises."),
    ])
    func planningDateOutOfRangeRejected(column: String, text: String, summary: String) throws {
        let result = try Fixtures.readRow([column: text])
        let issue = try Fixtures.onlyIssue(result)

        #expect(result.candidates.isEmpty)
        #expect(issue.code == .dateOutOfRange)
        #expect(issue.line == 2)
        #expect(issue.column == column)
        #expect(issue.value == text)
        #expect(issue.message.hasPrefix(summary))
        #expect(issue.message.contains("Attendu : une date du 01/01/2000 au 31/12/2100"))
        #expect(!issue.description.contains(text))
    }

    @Test(arguments: ["01/01/1800", "31/12/1899", "1066-10-14"])
    func earlyBirthDateRejected(text: String) throws {
        let result = try Fixtures.readRow(["date_naissance": text])
        let issue = try Fixtures.onlyIssue(result)

        #expect(result.candidates.isEmpty)
        #expect(issue.code == .dateOutOfRange)
        #expect(issue.column == "date_naissance")
        #expect(issue.value == text)
        #expect(
            issue.message
                == "Date de naissance antérieure au 01/01/1900. Attendu : une date du 01/01/1900 "
                + "à la date du jour (01/06/2025). Vérifiez l'année."
        )
    }

    @Test func boundaryDatesAccepted() throws {
        let result = try Fixtures.readRow([
            "date_naissance": "01/01/1900",
            "disponible_le": "01/01/2000",
            "date_limite": "31/12/2100",
        ])
        let candidate = try #require(result.candidates.first?.candidate)

        #expect(result.issues.isEmpty)
        #expect(candidate.birthDate == (try Fixtures.date("1900-01-01")))
        #expect(candidate.availableFrom == (try Fixtures.date("2000-01-01")))
        #expect(candidate.explicitDeadline == (try Fixtures.date("2100-12-31")))
    }

    @Test func outOfRangeAvailabilitySkipsAgeCheck() throws {
        // Year 0001 would give the candidate a negative age on that date. Only the range is
        // reported, because the age would follow from a date already known to be wrong.
        let result = try Fixtures.readRow(["disponible_le": "01/01/0001"])
        let issue = try Fixtures.onlyIssue(result)

        #expect(issue.code == .dateOutOfRange)
        #expect(issue.column == "disponible_le")
    }
}
