import CertifDomain

/// A lower bound on the commission sittings that any plan needs for the same candidates: no
/// plan, however clever, can use fewer.
///
/// For each diploma it takes the largest of three bounds that each hold alone: the interviews
/// packed into the blocks of a commission's day, bounded as bin packing; the fewest exam days
/// that meet every candidate's window (greedy interval stabbing, exact for that question); and
/// the sum, over organisers, of the same two bounds for the candidates who can only be examined
/// there (the national scheme's, and those too close to their deadline to be pooled under R7).
public enum SittingLowerBound {
    public struct Row: Sendable, Hashable, Codable {
        public var diploma: DiplomaCode
        public var candidates: Int
        public var byCapacity: Int
        public var byDeadlines: Int
        public var byOrganizer: Int
        public var bound: Int { max(byCapacity, byDeadlines, byOrganizer) }
    }

    /// Computes the bound for the candidates that a plan of `problem` places; candidates whose
    /// window is empty are left out, as no plan places them.
    public static func compute(_ problem: PlanningProblem, plannedIDs: Set<String>? = nil) -> [Row]
    {
        let builder = PlanBuilder(problem: problem)
        let facts = builder.facts.filter { plannedIDs?.contains($0.id) ?? true }
        let settings = problem.settings
        var rows: [Row] = []
        for (diploma, members) in Dictionary(grouping: facts, by: { $0.candidate.diploma }) {
            var onlyAt: [TerritoryCode: [CandidateFacts]] = [:]
            for fact in members {
                if let organizer = fact.nationalRule?.organizer {
                    onlyAt[organizer, default: []].append(fact)
                } else if fact.latest < builder.poolingEarliestDate
                    || !problem.reference.territories.contains(where: {
                        $0.code != fact.home
                            && settings.voluntaryPooling.accepts(
                                organizer: $0.code,
                                home: fact.home
                            )
                    })
                {
                    onlyAt[fact.home, default: []].append(fact)
                }
            }
            let byOrganizer = onlyAt.values.reduce(0) {
                $0
                    + max(
                        capacityBound($1, timetable: builder.timetable),
                        stabbing($1)
                    )
            }
            rows.append(
                Row(
                    diploma: diploma,
                    candidates: members.count,
                    byCapacity: capacityBound(members, timetable: builder.timetable),
                    byDeadlines: stabbing(members),
                    byOrganizer: byOrganizer
                )
            )
        }
        return rows.sorted { $0.diploma < $1.diploma }
    }

    /// Bins are the blocks of a commission's day (before and after lunch), each taken as long
    /// as the longest, and an interview takes its length plus a change-over out of a block of
    /// the block's length plus one change-over. The dual feasible functions of Fekete and
    /// Schepers, u(k)(x) = x when (k + 1)x is whole and floor((k + 1)x) / k otherwise, turn the
    /// sizes into weights whose sum bounds the bins from below, for every k; the best k for
    /// 1 to 12 is kept. With one interview length this is exact: three 45-minute interviews a
    /// block of 3 h 30, where minutes alone would allow 3.75.
    private static func capacityBound(_ facts: [CandidateFacts], timetable: Timetable) -> Int {
        let blocks = timetable.emptyDay()
        guard let longest = blocks.map(\.count).max(), !facts.isEmpty else { return 0 }
        let capacity = longest + timetable.changeover
        let sizes = facts.map { min(capacity, $0.durationMinutes + timetable.changeover) }
        var bins = 0
        for k in 1...12 {
            // Weights in units of 1 / (k * capacity), so that the sum is exact.
            var total = 0
            for size in sizes {
                let scaled = (k + 1) * size
                total += scaled % capacity == 0 ? size * k : (scaled / capacity) * capacity
            }
            let unit = k * capacity
            bins = max(bins, (total + unit - 1) / unit)
        }
        return (bins + blocks.count - 1) / blocks.count
    }

    /// The fewest dates such that every window contains one: sort by end, take each end not yet
    /// covered.
    private static func stabbing(_ facts: [CandidateFacts]) -> Int {
        var count = 0
        var last: CivilDate?
        for fact in facts.sorted(by: { $0.latest < $1.latest }) {
            if let last, fact.earliest <= last { continue }
            last = fact.latest
            count += 1
        }
        return count
    }
}
