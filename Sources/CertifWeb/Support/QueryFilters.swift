import CertifDomain
import CertifHTTP

/// The filters of a page read from its query string. A wrong value is dropped, and its French
/// message is kept by parameter name so that the page shows it next to the filter's field.
struct QueryFilters {
    let query: FormBody
    private(set) var errors: [String: String] = [:]

    init(_ query: FormBody) {
        self.query = query
    }

    /// Returns the value as sent, without the spaces around it, empty when the parameter is
    /// missing.
    func text(_ name: String) -> String {
        (query[name] ?? "").trimmingCharacters(in: .whitespaces)
    }

    /// Reads a diploma code of the reference data, in any case, or nil when the parameter is
    /// empty.
    mutating func diploma(_ name: String, reference: ReferenceData) -> DiplomaCode? {
        let value = text(name)
        guard !value.isEmpty else { return nil }
        guard let diploma = reference.diploma(DiplomaCode(value.uppercased())) else {
            errors[name] = "Le diplôme « \(value) » n’existe pas : choisissez-en un dans la liste."
            return nil
        }
        return diploma.code
    }

    /// Reads a territory's INSEE code of the reference data, or nil when the parameter is
    /// empty.
    mutating func territory(_ name: String, reference: ReferenceData) -> TerritoryCode? {
        let value = text(name)
        guard !value.isEmpty else { return nil }
        guard let territory = reference.territory(TerritoryCode(value)) else {
            errors[name] =
                "Le territoire « \(value) » n’existe pas : choisissez-en un dans la liste."
            return nil
        }
        return territory.code
    }

    /// Reads a month written AAAA-MM as its first day, or nil when the parameter is empty.
    mutating func month(_ name: String) -> CivilDate? {
        let value = text(name)
        guard !value.isEmpty else { return nil }
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
            parts.allSatisfy({ $0.utf8.allSatisfy { (48...57).contains($0) } }),
            let year = Int(parts[0]), let month = Int(parts[1]),
            let first = CivilDate(year: year, month: month, day: 1)
        else {
            errors[name] =
                "Le mois « \(value) » n’est pas valide : écrivez-le AAAA-MM, par exemple 2025-03."
            return nil
        }
        return first
    }

    /// Reads a plan number, a whole number from 1, or nil when the parameter is empty.
    mutating func planNumber(_ name: String) -> Int? {
        let value = text(name)
        guard !value.isEmpty else { return nil }
        guard value.utf8.allSatisfy({ (48...57).contains($0) }), let number = Int(value),
            number > 0
        else {
            errors[name] =
                "« \(value) » n’est pas un numéro de plan : choisissez un plan dans la liste."
            return nil
        }
        return number
    }

    /// Reads one of `choices`, keyed by the parameter's value, or `defaultValue` when the
    /// parameter is empty.
    mutating func choice<Value>(
        _ name: String,
        _ choices: [String: Value],
        default defaultValue: Value
    ) -> Value {
        let value = text(name)
        guard !value.isEmpty else { return defaultValue }
        guard let chosen = choices[value] else {
            errors[name] =
                "La valeur « \(value) » n’est pas proposée : choisissez-en une dans la liste."
            return defaultValue
        }
        return chosen
    }

    mutating func addError(_ message: String, for name: String) {
        errors[name] = message
    }
}
