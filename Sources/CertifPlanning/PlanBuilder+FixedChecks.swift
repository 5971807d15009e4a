import CertifDomain

extension PlanBuilder {
    /// Checks the candidates already in a fixed session against their records as stored now: a
    /// re-imported file may have changed a diploma, a date or the choice of videoconference
    /// after the session was accepted. Each candidate who no longer fits gives one failed check
    /// naming him and the fix.
    func fixedSessionConflicts(_ planned: PlannedSession) -> [RuleCheck] {
        guard planned.fixed else { return [] }
        var checks: [RuleCheck] = []
        let release = "libérer la session (certif sessions release \(planned.id)) puis replanifier"
        for day in planned.days {
            for placed in day.candidates where factByID[placed.id] == nil {
                guard let candidate = scheduledByID[placed.id] else {
                    if !problem.scheduledCandidates.isEmpty {
                        checks.append(
                            RuleCheck(
                                rule: "R15",
                                met: false,
                                detail:
                                    "Le candidat \(placed.id) n'est plus dans la base ; \(release)."
                            )
                        )
                    }
                    continue
                }
                checks += conflicts(candidate, placed: placed, date: day.date, session: planned)
                    .map {
                        RuleCheck(
                            rule: $0.rule ?? "R4",
                            met: false,
                            detail: $0.text + " ; " + release + "."
                        )
                    }
            }
        }
        return checks
    }

    /// The reasons why a candidate of a fixed session no longer fits his place, as rule and
    /// sentence.
    func conflicts(
        _ candidate: Candidate,
        placed: PlacedCandidate,
        date: CivilDate,
        session: PlannedSession
    )
        -> [Reason]
    {
        var reasons: [Reason] = []
        let id = candidate.id
        if candidate.diploma != session.diploma {
            reasons.append(
                Reason(
                    rule: "R4",
                    text:
                        "R4 non respecté : \(id) est désormais candidat au \(candidate.diploma), non au \(session.diploma)"
                )
            )
        }
        let deadline = settings.deadline(for: candidate)
        if date < candidate.availableFrom {
            reasons.append(
                Reason(
                    rule: "R4",
                    text:
                        "R4 non respecté : \(id) est examiné le \(date.french) mais n'est disponible qu'à partir du \(candidate.availableFrom.french)"
                )
            )
        }
        if date > deadline.date {
            reasons.append(
                Reason(
                    rule: "R4",
                    text:
                        "R4 non respecté : \(id) est examiné le \(date.french), après sa date limite du \(deadline.date.french)"
                )
            )
        }
        if placed.mode == .remote && !candidate.remoteAllowed {
            reasons.append(
                Reason(
                    rule: "R9",
                    text:
                        "R9 : \(id) est convoqué en visioconférence mais ne l'accepte plus"
                )
            )
        }
        return reasons
    }

    /// Counts the candidates of fixed sessions examined after their deadline as stored now.
    func fixedDeadlinesMissed(_ sessions: [PlannedSession]) -> Int {
        var count = 0
        for session in sessions where session.fixed {
            for day in session.days {
                for placed in day.candidates where factByID[placed.id] == nil {
                    guard let candidate = scheduledByID[placed.id] else { continue }
                    if day.date > settings.deadline(for: candidate).date { count += 1 }
                }
            }
        }
        return count
    }
}
