import CertifDomain

/// The session planner: a pure function from a problem to a plan, deterministic for the same
/// input.
///
/// Hard rules are never broken: every candidate is examined on a working day inside his window
/// (R4) by the organiser that the national scheme names (R5) or by his home service or a
/// service that accepts him; voluntary pooling only 45 days after the plan date (R7);
/// videoconference only across services, from the home service's open premises (R8, R9); no
/// commission beyond its day and no organiser beyond its commissions; fixed sessions first and
/// unmoved. Then, in this order: fewer commission sittings, fewer sessions, sessions of 20
/// (R1), days of 5 or 4 (R2), shorter waits.
///
/// The construction opens each session as late as the earliest waiting deadline allows, which
/// gives the fewest sessions for each organiser; the improvement then removes the emptiest
/// sittings by moving their candidates into free places, pooling regions only where that
/// removes a sitting.
public enum Planner {
    public static func plan(_ problem: PlanningProblem) -> Plan {
        let builder = PlanBuilder(problem: problem)
        builder.loadFixedSessions()
        builder.fillFixedSessions()
        builder.constructSessions()
        builder.dissolveSittings()
        builder.mergeSessions()
        builder.dissolveSittings()
        return builder.makePlan()
    }
}
