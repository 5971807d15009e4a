import CertifDomain

/// The figures of one diploma in a plan or in a reference schedule, those of the 2024 table and
/// more.
public struct DiplomaFigures: Sendable, Codable, Hashable {
    public var diploma: DiplomaCode
    public var sessions = 0
    /// Commission sittings, the instruction's "juries".
    public var sittings = 0
    public var candidates = 0
    public var perSessionMin = 0
    public var perSessionMax = 0
    public var perDayMin = 0
    public var perDayMax = 0
    public var examinerDays = 0
    public var pooledCandidates = 0
    public var remoteCandidates = 0
    public var meanWaitDays = 0.0
    public var longestWaitDays = 0
    public var deadlinesMissed = 0

    public init(diploma: DiplomaCode) { self.diploma = diploma }
}

/// Per-diploma figures of a plan, for `certif report` and the benchmark.
public enum PlanFigures {
    /// Computes the figures of `plan`; `candidates` gives the availability dates for the waits
    /// and the routes whose commission sizes count the examiner-days.
    public static func byDiploma(
        _ plan: Plan,
        candidates: [Candidate],
        reference: ReferenceData
    )
        -> [DiplomaFigures]
    {
        let byID = Dictionary(
            candidates.map { ($0.id, $0) },
            uniquingKeysWith: { first, _ in first }
        )
        var figures: [DiplomaCode: DiplomaFigures] = [:]
        var waits: [DiplomaCode: [Int]] = [:]
        var sessionSizes: [DiplomaCode: [Int]] = [:]
        var daySizes: [DiplomaCode: [Int]] = [:]
        for session in plan.sessions where session.candidateCount > 0 {
            let code = session.diploma
            var row = figures[code] ?? DiplomaFigures(diploma: code)
            row.sessions += 1
            sessionSizes[code, default: []].append(session.candidateCount)
            for day in session.days {
                row.sittings += day.commissions
                var sizes: [Int: Int] = [:]
                for placed in day.candidates {
                    let route = byID[placed.id]?.route ?? .vae
                    let size = reference.diploma(code)?.formats[route]?.commissionSize ?? 2
                    sizes[placed.commission] = max(sizes[placed.commission] ?? 0, size)
                }
                row.examinerDays += sizes.values.reduce(0, +)
                daySizes[code, default: []].append(day.candidates.count)
                for placed in day.candidates {
                    row.candidates += 1
                    if placed.mode == .remote { row.remoteCandidates += 1 }
                    let home = byID[placed.id]?.territory ?? placed.host
                    if home != session.organizer { row.pooledCandidates += 1 }
                    if let candidate = byID[placed.id] {
                        waits[code, default: []].append(
                            candidate.availableFrom.days(until: day.date)
                        )
                    }
                }
            }
            figures[code] = row
        }
        for missed in plan.unplanned where missed.deadlineMissed {
            guard let code = byID[missed.id]?.diploma else { continue }
            figures[code, default: DiplomaFigures(diploma: code)].deadlinesMissed += 1
        }
        for code in figures.keys {
            figures[code]?.perSessionMin = sessionSizes[code]?.min() ?? 0
            figures[code]?.perSessionMax = sessionSizes[code]?.max() ?? 0
            figures[code]?.perDayMin = daySizes[code]?.min() ?? 0
            figures[code]?.perDayMax = daySizes[code]?.max() ?? 0
            if let values = waits[code], !values.isEmpty {
                let mean = Double(values.reduce(0, +)) / Double(values.count)
                figures[code]?.meanWaitDays = (mean * 10).rounded() / 10
                figures[code]?.longestWaitDays = values.max() ?? 0
            }
        }
        return figures.values.sorted { $0.diploma < $1.diploma }
    }

    /// Adds the rows into one row named `diploma`; minimums and maximums are taken over the rows
    /// that have candidates.
    public static func total(
        _ rows: [DiplomaFigures],
        named diploma: DiplomaCode = DiplomaCode("TOTAL")
    )
        -> DiplomaFigures
    {
        var total = DiplomaFigures(diploma: diploma)
        let filled = rows.filter { $0.candidates > 0 }
        var waitSum = 0.0
        for row in rows {
            total.sessions += row.sessions
            total.sittings += row.sittings
            total.candidates += row.candidates
            total.examinerDays += row.examinerDays
            total.pooledCandidates += row.pooledCandidates
            total.remoteCandidates += row.remoteCandidates
            total.deadlinesMissed += row.deadlinesMissed
            total.longestWaitDays = max(total.longestWaitDays, row.longestWaitDays)
            waitSum += row.meanWaitDays * Double(row.candidates)
        }
        total.perSessionMin = filled.map(\.perSessionMin).min() ?? 0
        total.perSessionMax = filled.map(\.perSessionMax).max() ?? 0
        total.perDayMin = filled.map(\.perDayMin).min() ?? 0
        total.perDayMax = filled.map(\.perDayMax).max() ?? 0
        if total.candidates > 0 {
            total.meanWaitDays = (waitSum / Double(total.candidates) * 10).rounded() / 10
        }
        return total
    }
}
