import CertifDomain
import CertifPlanning
import CertifSynthetic
import Foundation

// `make bench`: plans the example years and prints wall time, peak memory and the plan's
// figures beside today's monthly practice and the lower bound on commission sittings.

struct BenchCase {
    var name: String
    var volumesPath: String
    var today: CivilDate
    var from: CivilDate
    var to: CivilDate
}

func date(_ text: String) -> CivilDate {
    guard let date = CivilDate(parsing: text) else {
        fatalError("invalid date in the bench: \(text)")
    }
    return date
}

/// Peak resident memory of this process so far, in MiB (Linux reports ru_maxrss in KiB).
func peakMemoryMiB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

func seconds(since start: DispatchTime) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
}

func format(_ value: Double, _ digits: Int = 2) -> String {
    String(format: "%.\(digits)f", value)
}

func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
}

func run(_ bench: BenchCase, reference: ReferenceData) throws {
    let data = try Data(contentsOf: URL(fileURLWithPath: bench.volumesPath))
    let volumes = try SyntheticCandidates.decodeVolumes(data, reference: reference)
    let candidates = try SyntheticCandidates.generate(volumes, reference: reference)
    let calendar = WorkingCalendar(holidays: reference.holidays, territories: reference.territories)
    let problem = PlanningProblem(
        today: bench.today,
        from: bench.from,
        to: bench.to,
        candidates: candidates,
        settings: Settings(),
        reference: reference,
        calendar: calendar
    )
    let memoryBefore = peakMemoryMiB()
    let start = DispatchTime.now()
    let plan = Planner.plan(problem)
    let wall = seconds(since: start)
    let memoryAfter = peakMemoryMiB()

    let score = PlanScorer(problem: problem).score(plan)
    let planned = Set(plan.sessions.flatMap(\.days).flatMap(\.candidates).map(\.id))
    let bounds = SittingLowerBound.compute(problem, plannedIDs: planned)
    let practice = PracticeBaseline.figures(problem)
    let figures = PlanFigures.byDiploma(plan, candidates: candidates, reference: reference)

    print(
        "== \(bench.name): \(candidates.count) candidates, \(bench.from.iso) to \(bench.to.iso), plan date \(bench.today.iso)"
    )
    print("planning wall time: \(format(wall)) s (target under 2 s)")
    print(
        "peak memory: \(format(memoryAfter, 0)) MiB for the whole process, \(format(memoryBefore, 0)) MiB before planning (target under 300 MB)"
    )
    for match in score.matches.filter(\.constraint.isHard).prefix(8) {
        print("  broken: \(match.constraint.rawValue): \(match.justification)")
    }
    print(
        "hard constraints broken: \(score.hard); unplanned: \(plan.summary.unplanned), deadlines missed: \(plan.summary.deadlinesMissed)"
    )
    print(
        pad("diploma", 9) + pad("candidates", 11) + pad("sessions", 9) + pad("sittings", 9)
            + pad("bound", 6)
            + pad("gap", 8) + pad("practice sessions", 18) + pad("practice sittings", 18)
            + pad("per day", 8)
            + "mean wait"
    )
    var totalSittings = 0
    var totalBound = 0
    for row in figures {
        let bound = bounds.first { $0.diploma == row.diploma }?.bound ?? 0
        let today = practice.first { $0.diploma == row.diploma }
        totalSittings += row.sittings
        totalBound += bound
        let gap = bound > 0 ? Double(row.sittings - bound) / Double(bound) * 100 : 0
        print(
            pad(row.diploma.rawValue, 9) + pad("\(row.candidates)", 11) + pad("\(row.sessions)", 9)
                + pad("\(row.sittings)", 9) + pad("\(bound)", 6) + pad(format(gap, 1) + " %", 8)
                + pad("\(today?.sessions ?? 0)", 18) + pad("\(today?.sittings ?? 0)", 18)
                + pad("\(row.perDayMin)-\(row.perDayMax)", 8) + format(row.meanWaitDays, 1)
        )
    }
    let gap = totalBound > 0 ? Double(totalSittings - totalBound) / Double(totalBound) * 100 : 0
    let practiceSittings = practice.reduce(0) { $0 + $1.sittings }
    let practiceSessions = practice.reduce(0) { $0 + $1.sessions }
    print(
        pad("TOTAL", 9) + pad("\(plan.summary.planned)", 11) + pad("\(plan.summary.sessions)", 9)
            + pad("\(totalSittings)", 9) + pad("\(totalBound)", 6) + pad(format(gap, 1) + " %", 8)
            + pad("\(practiceSessions)", 18) + pad("\(practiceSittings)", 18) + pad("", 8)
            + format(plan.summary.meanWaitDays, 1)
    )
    print("gap to the lower bound on sittings: \(format(gap, 1)) % (target under 10 %)")
    print()
}

let arguments = CommandLine.arguments.dropFirst()
let root = arguments.first ?? "."
do {
    let reference = try ReferenceData.bundled()
    let cases = [
        BenchCase(
            name: "VAE route of the four nationally pooled diplomas",
            volumesPath: root + "/examples/volumes-vae-2024.json",
            today: date("2024-12-02"),
            from: date("2025-01-01"),
            to: date("2026-03-31")
        ),
        BenchCase(
            name: "national year, eight diplomas, both routes",
            volumesPath: root + "/examples/volumes-national.json",
            today: date("2024-12-02"),
            from: date("2025-01-01"),
            to: date("2026-06-30")
        ),
    ]
    for bench in cases { try run(bench, reference: reference) }
} catch {
    FileHandle.standardError.write(Data("bench failed: \(error)\n".utf8))
    exit(1)
}
