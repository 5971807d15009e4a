import CertifDomain

/// A lower bound on the commission sittings that any plan needs for the same candidates: no
/// plan, however clever, can use fewer.
///
/// For each diploma it takes the largest of three bounds that each hold alone: the minutes of
/// all interviews divided by a commission's day; the fewest exam days that meet every
/// candidate's window (greedy interval stabbing, which is exact for that question); and the sum,
/// over organisers, of the same two bounds for the candidates who can only be examined there
/// (the national scheme's, and those too close to their deadline to be pooled under R7).
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
        let dayCapacity = settings.dayLengthMinutes + settings.changeoverMinutes
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
                        capacityBound($1, dayCapacity: dayCapacity, settings: settings),
                        stabbing($1)
                    )
            }
            rows.append(
                Row(
                    diploma: diploma,
                    candidates: members.count,
                    byCapacity: capacityBound(
                        members,
                        dayCapacity: dayCapacity,
                        settings: settings
                    ),
                    byDeadlines: stabbing(members),
                    byOrganizer: byOrganizer
                )
            )
        }
        return rows.sorted { $0.diploma < $1.diploma }
    }

    private static func capacityBound(
        _ facts: [CandidateFacts],
        dayCapacity: Int,
        settings: Settings
    )
        -> Int
    {
        let minutes = facts.reduce(0) { $0 + $1.durationMinutes + settings.changeoverMinutes }
        return (minutes + dayCapacity - 1) / dayCapacity
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
