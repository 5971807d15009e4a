import CertifPlanning
import Foundation

/// Reads and writes the plan file, format "certif-plan/1" (docs/plan-file.md).
enum PlanFile {
    static func encode(_ plan: Plan) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(plan)
    }

    static func decode(_ data: Data, path: String) throws -> Plan {
        let plan: Plan
        do {
            plan = try JSONDecoder().decode(Plan.self, from: data)
        } catch let error as DecodingError {
            throw CommandFailure.data("'\(path)' is not a plan file: \(describe(error))")
        } catch {
            throw CommandFailure.data("'\(path)' is not a plan file: \(error.localizedDescription)")
        }
        guard plan.format == Plan.formatName else {
            throw CommandFailure.data(
                "'\(path)' has format '\(plan.format)'; expected '\(Plan.formatName)'"
            )
        }
        return plan
    }

    /// Says where a plan file is wrong, as a path of keys: "missing key 'format'",
    /// "sessions[2].days[0].date: invalid date '2025-02-30'".
    static func describe(_ error: DecodingError) -> String {
        func place(_ path: [any CodingKey]) -> String {
            path.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined()
                .trimmingCharacters(in: CharacterSet(charactersIn: "."))
        }
        switch error {
        case .keyNotFound(let key, let context):
            let at = place(context.codingPath)
            return "missing key '\(key.stringValue)'" + (at.isEmpty ? "" : " in \(at)")
        case .typeMismatch(let type, let context):
            return "\(place(context.codingPath)): expected \(type)"
        case .valueNotFound(let type, let context):
            return "\(place(context.codingPath)): missing \(type) value"
        case .dataCorrupted(let context):
            let at = place(context.codingPath)
            return (at.isEmpty ? "" : at + ": ") + context.debugDescription
        @unknown default:
            return "invalid JSON"
        }
    }
}
