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
        } catch {
            throw CommandFailure.data("'\(path)' is not a plan file: \(error)")
        }
        guard plan.format == Plan.formatName else {
            throw CommandFailure.data(
                "'\(path)' has format '\(plan.format)'; expected '\(Plan.formatName)'"
            )
        }
        return plan
    }
}
