import CertifSynthetic
import Foundation

/// `certif generate VOLUMES`: writes a synthetic candidate file from yearly volumes.
struct GenerateCommand: CertifCommand {
    static let spec = CommandSpec(
        name: "generate",
        summary: "Write a synthetic candidate file from yearly volumes (JSON).",
        positionals: ["VOLUMES"],
        options: [
            .option("--output", "FILE", "Candidate file to write (default: standard output)."),
            .option("--seed", "N", "Seed of the random choices, overriding the volumes file's."),
        ],
        discussion: """
            The volumes file gives, per diploma, route and territory, the yearly number of
            candidates and a monthly profile (format certif-volumes/1, see examples/). The
            numbers are kept exactly; the seed only draws days, names and birth dates. Every
            identifier starts with SYN- so that synthetic people are never taken for real ones.
            """
    )

    func run(_ context: CommandContext) throws {
        let path = try context.arguments.positional(0)
        let reference = try context.reference()
        var volumes: Volumes
        do {
            volumes = try SyntheticCandidates.decodeVolumes(
                try context.readFile(path),
                reference: reference
            )
        } catch let error as CommandFailure {
            throw error
        } catch {
            throw CommandFailure.data("\(path): \(error)")
        }
        if let text = context.arguments.value("--seed") {
            guard let seed = UInt64(text) else {
                throw context.arguments.usage(
                    "invalid seed '\(text)': expected a whole number from 0 to \(UInt64.max)"
                )
            }
            volumes.seed = seed
        }
        let candidates = try SyntheticCandidates.generate(volumes, reference: reference)
        let csv = SyntheticCandidates.csv(candidates)
        if let output = context.arguments.value("--output") {
            try context.writeFile(output, Data(csv.utf8))
            context.console.print(
                "\(output): \(candidates.count) synthetic candidate(s) written (seed \(volumes.seed))"
            )
        } else {
            context.console.print(csv, terminator: "")
        }
    }
}
