import CertifDomain
import Foundation

/// The checker of the rows of a candidate file, one row at a time. It stores the identifiers
/// already seen, so that a later row that reuses one is rejected.
struct CandidateRowValidator {
    /// The minimum age on the availability date. It is a plausibility check of Certif's own,
    /// which catches a mistyped birth year, and not an age set by regulation.
    static let minimumAge = 16

    let reference: ReferenceData
    let header: CandidateFileHeader
    let delimiter: Character
    let today: CivilDate
    private var firstLineByIdentifier: [String: Int] = [:]
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
        let birthDate = row.date(.birthDate)
        let diploma = readDiploma(&row)
        let route = row.route()
        if let diploma, let route, diploma.formats[route] == nil {
            reportRouteNotOffered(&row, diploma: diploma, route: route)
        }
        let territory = readTerritory(&row)
        let availableFrom = row.date(.availableFrom)
        let deadline = row.date(.deadline)
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

    /// Reads the identifier and records it, so that a later row with the same one is rejected.
    private mutating func readIdentifier(_ row: inout RowReader) -> String? {
        guard let identifier = row.text(.identifier) else { return nil }
        row.identifier = identifier
        if let firstLine = firstLineByIdentifier[identifier] {
            row.report(
                .duplicateIdentifier,
                column: header.name(of: .identifier),
                value: identifier,
                message: """
                    Identifiant déjà utilisé ligne \(firstLine). Chaque candidat doit avoir un \
                    identifiant unique dans le fichier.
                    """
            )
        } else {
            firstLineByIdentifier[identifier] = row.line
        }
        return identifier
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
        let lookup = lookUpTerritory(text)
        switch lookup {
        case .served(let territory):
            return territory
        case .excluded(let excluded):
            row.report(
                .excludedTerritory,
                column: header.name(of: .territory),
                value: text,
                message: """
                    \(excluded.name) (\(excluded.code)) n'est pas un territoire servi par \
                    Certif : \(excluded.reason). Les candidats de ce territoire ne peuvent pas \
                    être importés.
                    """
            )
        case .unknown:
            let codes = reference.territories.map(\.code.rawValue).sorted()
            row.report(
                .unknownTerritory,
                column: header.name(of: .territory),
                value: text,
                message: """
                    Territoire inconnu. Attendu : le code INSEE de la région \
                    (\(codes.joined(separator: ", "))) ou son nom, par exemple 84 ou \
                    Auvergne-Rhône-Alpes.
                    """
            )
        }
        return nil
    }

    /// Finds the territory that a value designates, once per distinct value, because name
    /// matching folds every territory's name.
    private mutating func lookUpTerritory(_ text: String) -> TerritoryLookup {
        if let cached = territoryByText[text] {
            return cached
        }
        let lookup: TerritoryLookup
        if let territory = reference.territory(matching: text) {
            lookup = .served(territory)
        } else if let excluded = reference.excludedTerritory(matching: text) {
            lookup = .excluded(excluded)
        } else {
            lookup = .unknown
        }
        territoryByText[text] = lookup
        return lookup
    }

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
    case unknown
}
