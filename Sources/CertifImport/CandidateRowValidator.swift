import CertifDomain
import Foundation

/// The checker of the rows of a candidate file, one row at a time. It stores the identifiers
/// already seen, so that a later row that reuses one is rejected.
struct CandidateRowValidator {
    /// The minimum age on the availability date. It is a plausibility check of Certif's own,
    /// which catches a mistyped birth year, and not an age set by regulation.
    static let minimumAge = 16
    /// The earliest year of birth accepted. An earlier one, such as 1800, is a mistyped year.
    static let earliestBirthYear = 1900
    /// The years of the availability dates and deadlines accepted. Others, such as 9999 or
    /// 0001, are mistyped years or a spreadsheet's placeholder for "no date".
    static let planningYears = 2000...2100

    let reference: ReferenceData
    let header: CandidateFileHeader
    let delimiter: Character
    let today: CivilDate
    /// The first row of each identifier key, with the identifier as written on that row.
    private var firstRowByIdentifierKey: [String: (line: Int, identifier: String)] = [:]
    private var territoryByText: [String: TerritoryLookup] = [:]

    init(
        reference: ReferenceData,
        header: CandidateFileHeader,
        delimiter: Character,
        today: CivilDate
    ) {
        self.reference = reference
        self.header = header
        self.delimiter = delimiter
        self.today = today
    }

    /// Checks one row. Returns the candidate when the row has no issue, else every issue found.
    mutating func validate(_ record: DelimitedRecord) -> Result<Candidate, RowIssues> {
        var row = RowReader(record: record, header: header)

        if let field = record.unterminatedField {
            let openingLine = record.unterminatedLine ?? record.line
            row.report(
                .unterminatedQuote,
                column: header.name(at: field),
                value: nil,
                message: """
                    Le guillemet ouvert ligne \(openingLine) n'est jamais refermé, si bien que \
                    toute la suite du fichier a été lue comme une seule valeur. Fermez ce \
                    guillemet, et doublez chaque guillemet qui fait partie d'une valeur ("").
                    """
            )
            return .failure(RowIssues(issues: row.issues))
        }
        guard record.fields.count == header.names.count else {
            row.report(
                .wrongFieldCount,
                column: nil,
                value: nil,
                message: fieldCountMessage(found: record.fields.count)
            )
            return .failure(RowIssues(issues: row.issues))
        }

        let identifier = readIdentifier(&row)
        let birthName = row.text(.birthName)
        let usageName = row.text(.usageName)
        let givenNames = row.text(.givenNames)
        let birthDate = readDate(&row, .birthDate)
        let diploma = readDiploma(&row)
        let route = row.route()
        if let diploma, let route, diploma.formats[route] == nil {
            reportRouteNotOffered(&row, diploma: diploma, route: route)
        }
        let territory = readTerritory(&row)
        let availableFrom = readDate(&row, .availableFrom)
        let deadline = readDate(&row, .deadline)
        let remoteAllowed = row.remoteAllowed()
        let extraTimePercent = row.extraTimePercent()
        checkDates(&row, birthDate: birthDate, availableFrom: availableFrom, deadline: deadline)

        guard row.issues.isEmpty, let identifier, let birthName, let givenNames, let birthDate,
            let diploma, let route, let territory, let availableFrom, let remoteAllowed,
            let extraTimePercent
        else {
            return .failure(RowIssues(issues: row.issues))
        }
        return .success(
            Candidate(
                id: identifier,
                birthName: birthName,
                usageName: usageName,
                givenNames: givenNames,
                birthDate: birthDate,
                diploma: diploma.code,
                route: route,
                territory: territory.code,
                availableFrom: availableFrom,
                explicitDeadline: deadline,
                remoteAllowed: remoteAllowed,
                extraTimePercent: extraTimePercent
            )
        )
    }

    private func fieldCountMessage(found: Int) -> String {
        let expected = header.names.count
        let separator = delimiter == "\t" ? "la tabulation" : "« \(delimiter) »"
        let cause =
            found > expected
            ? "une valeur contient sans doute le séparateur \(separator) sans être entre guillemets"
            : "il manque sans doute un séparateur \(separator) ou une valeur"
        return """
            La ligne compte \(found) champs alors que l'en-tête compte \(expected) colonnes : \
            \(cause). Chaque ligne doit avoir autant de champs que l'en-tête.
            """
    }

    /// Reads the identifier and records its key, so that a later row with the same identifier,
    /// or one that differs only by case, spaces or character width, is rejected.
    private mutating func readIdentifier(_ row: inout RowReader) -> String? {
        guard let identifier = row.text(.identifier) else { return nil }
        if let disallowed = ValueCharacters.firstDisallowedInIdentifier(identifier) {
            row.report(
                .invalidIdentifier,
                column: header.name(of: .identifier),
                value: identifier,
                message: ValueCharacters.disallowedInIdentifierMessage(disallowed)
            )
            return nil
        }
        row.identifier = identifier

        let key = CandidateFileReader.identifierKey(identifier)
        guard let first = firstRowByIdentifierKey[key] else {
            firstRowByIdentifierKey[key] = (row.line, identifier)
            return identifier
        }
        let message =
            first.identifier == identifier
            ? """
            Identifiant déjà utilisé ligne \(first.line). Chaque candidat doit avoir un \
            identifiant unique dans le fichier.
            """
            : """
            Identifiant en double, à la casse et aux espaces près, de celui de la ligne \
            \(first.line). Deux candidats ne peuvent pas avoir des identifiants qui ne diffèrent \
            que par les majuscules, les espaces ou la largeur des caractères. Corrigez l'un des \
            deux identifiants.
            """
        row.report(
            .duplicateIdentifier,
            column: header.name(of: .identifier),
            value: identifier,
            message: message
        )
        return identifier
    }

    /// Reads a date and rejects a year outside the column's accepted range.
    private func readDate(_ row: inout RowReader, _ column: CandidateColumn) -> CivilDate? {
        guard let date = row.date(column) else { return nil }
        guard let message = outOfRangeMessage(date, column: column) else { return date }
        row.report(
            .dateOutOfRange,
            column: header.name(of: column),
            value: row.rawValue(column),
            message: message
        )
        return nil
    }

    /// Returns the French message for a date outside its column's accepted years, or nil for a
    /// date within them.
    private func outOfRangeMessage(_ date: CivilDate, column: CandidateColumn) -> String? {
        let first = Self.planningYears.lowerBound
        let last = Self.planningYears.upperBound
        switch column {
        case .birthDate where date.year < Self.earliestBirthYear:
            return """
                Date de naissance antérieure au 01/01/\(Self.earliestBirthYear). Attendu : une \
                date du 01/01/\(Self.earliestBirthYear) à la date du jour (\(today.french)). \
                Vérifiez l'année.
                """
        case .availableFrom where !Self.planningYears.contains(date.year):
            return """
                Date de disponibilité hors des années admises. Attendu : une date du \
                01/01/\(first) au 31/12/\(last). Vérifiez l'année.
                """
        case .deadline where !Self.planningYears.contains(date.year):
            return """
                Date limite hors des années admises. Attendu : une date du 01/01/\(first) au \
                31/12/\(last), ou une valeur vide pour que Certif la calcule.
                """
        default:
            return nil
        }
    }

    private func readDiploma(_ row: inout RowReader) -> Diploma? {
        guard let text = row.text(.diploma) else { return nil }
        let code = text.uppercased()
        if let diploma = reference.diplomas.first(where: { $0.code.rawValue.uppercased() == code })
        {
            return diploma
        }
        let known = reference.diplomas.map(\.code.rawValue).joined(separator: ", ")
        row.report(
            .unknownDiploma,
            column: header.name(of: .diploma),
            value: text,
            message: "Code de diplôme inconnu. Codes attendus : \(known)."
        )
        return nil
    }

    private func reportRouteNotOffered(
        _ row: inout RowReader,
        diploma: Diploma,
        route: AccessRoute
    ) {
        let offered =
            diploma.routes.isEmpty
            ? "Aucune voie n'est ouverte pour ce diplôme."
            : "Voies ouvertes : \(diploma.routes.map(\.rawValue).joined(separator: ", "))."
        row.report(
            .routeNotOffered,
            column: header.name(of: .route),
            value: row.rawValue(.route),
            message: """
                La voie \(route.rawValue) n'est pas ouverte pour le diplôme \(diploma.code) dans \
                les données de référence. \(offered)
                """
        )
    }

    private mutating func readTerritory(_ row: inout RowReader) -> Territory? {
        guard let text = row.text(.territory) else { return nil }
        let code: CandidateFileIssue.Code
        let message: String
        switch lookUpTerritory(text) {
        case .served(let territory):
            return territory
        case .excluded(let excluded):
            code = .excludedTerritory
            message = """
                \(excluded.name) (\(excluded.code)) n'est pas un territoire servi par Certif : \
                \(excluded.reason). Les candidats de ce territoire ne peuvent pas être importés.
                """
        case .overseasDepartment(let department, let region):
            code = .unknownTerritory
            message = """
                Ce code est celui du département \(department), pas celui d'une région. \
                Attendu : le code de région \(region.code) ou le nom \(region.name).
                """
        case .unknown:
            let regions = reference.territories.sorted { $0.code < $1.code }
                .map { "\($0.code) \($0.name)" }
                .joined(separator: ", ")
            code = .unknownTerritory
            message = """
                Territoire inconnu. Attendu : le code INSEE de la région ou son nom, parmi \
                \(regions). Un numéro de département, comme 69 pour le Rhône, n'est pas un code \
                de région.
                """
        }
        row.report(code, column: header.name(of: .territory), value: text, message: message)
        return nil
    }

    /// Finds the territory that a value designates, once per distinct value, because name
    /// matching folds every territory's name.
    private mutating func lookUpTerritory(_ text: String) -> TerritoryLookup {
        if let cached = territoryByText[text] {
            return cached
        }
        let lookup: TerritoryLookup
        if text.unicodeScalars.contains(where: { $0.properties.numericType != nil })
            && !text.utf8.allSatisfy({ (0x30...0x39).contains($0) })
        {
            // The reference's matching keeps only letters and digits, so it would read "+4" or
            // "4.0" as 4, La Réunion. A value with a digit or another numeric character must be
            // a code of ASCII digits only.
            lookup = .unknown
        } else if let territory = reference.territory(matching: text) {
            lookup = .served(territory)
        } else if let excluded = reference.excludedTerritory(matching: text) {
            lookup = .excluded(excluded)
        } else if let department = Self.overseasDepartments[text],
            let region = reference.territory(TerritoryCode(department.regionCode))
        {
            lookup = .overseasDepartment(name: department.name, region: region)
        } else {
            lookup = .unknown
        }
        territoryByText[text] = lookup
        return lookup
    }

    /// The INSEE codes of the overseas departments that are also regions, with the code of their
    /// region, from INSEE's official geographic code. Saint-Barthélemy (977) and Saint-Martin
    /// (978) are collectivities, not departments, and have no region code.
    private static let overseasDepartments: [String: (name: String, regionCode: String)] = [
        "971": ("Guadeloupe", "01"),
        "972": ("Martinique", "02"),
        "973": ("Guyane", "03"),
        "974": ("La Réunion", "04"),
        "976": ("Mayotte", "06"),
    ]

    /// Checks the dates against each other and against today, once each is valid on its own.
    private func checkDates(
        _ row: inout RowReader,
        birthDate: CivilDate?,
        availableFrom: CivilDate?,
        deadline: CivilDate?
    ) {
        if let birthDate {
            if birthDate > today {
                row.report(
                    .birthDateInFuture,
                    column: header.name(of: .birthDate),
                    value: row.rawValue(.birthDate),
                    message: """
                        La date de naissance est postérieure à la date du jour \
                        (\(today.french)). Vérifiez l'année.
                        """
                )
            } else if let availableFrom,
                fullYears(from: birthDate, to: availableFrom) < Self.minimumAge
            {
                let age = max(0, fullYears(from: birthDate, to: availableFrom))
                row.report(
                    .candidateTooYoung,
                    column: header.name(of: .birthDate),
                    value: row.rawValue(.birthDate),
                    message: """
                        Le candidat aurait \(age) ans à sa date de disponibilité \
                        (\(availableFrom.french)), or \(Self.minimumAge) ans au moins sont \
                        attendus. Vérifiez la date de naissance et la date de disponibilité.
                        """
                )
            }
        }
        if let availableFrom, let deadline, deadline < availableFrom {
            row.report(
                .deadlineBeforeAvailability,
                column: header.name(of: .deadline),
                value: row.rawValue(.deadline),
                message: """
                    La date limite précède la date de disponibilité (\(availableFrom.french)). \
                    Attendu : une date limite égale ou postérieure à la date de disponibilité, \
                    ou une valeur vide pour que Certif la calcule.
                    """
            )
        }
    }

    private func fullYears(from start: CivilDate, to end: CivilDate) -> Int {
        let years = end.year - start.year
        return (end.month, end.day) < (start.month, start.day) ? years - 1 : years
    }
}

/// The issues of one invalid row.
struct RowIssues: Error {
    var issues: [CandidateFileIssue]
}

private enum TerritoryLookup {
    case served(Territory)
    case excluded(ExcludedTerritory)
    /// The code of an overseas department, which Certif does not take for its region's code.
    case overseasDepartment(name: String, region: Territory)
    case unknown
}
