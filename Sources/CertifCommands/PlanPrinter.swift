import CertifDomain
import CertifPlanning

/// Prints a plan for a person at a terminal: the totals, each session with its rules, and the
/// candidates left out with what would fix it.
struct PlanPrinter {
    var plan: Plan
    var reference: ReferenceData
    var console: Console

    func name(_ code: TerritoryCode) -> String {
        reference.territory(code)?.name ?? code.rawValue
    }

    func printSummary() {
        let summary = plan.summary
        console.print(
            "Plan du \(plan.from.french) au \(plan.to.french), établi le \(plan.today.french) : \(summary.candidates) candidat(s)"
        )
        console.print(
            "  planifiés \(summary.planned), non planifiés \(summary.unplanned) (dont délai dépassé \(summary.deadlinesMissed))"
        )
        console.print(
            "  sessions \(summary.sessions) (mutualisées \(summary.pooledSessions), au moins \(plan.settings.sessionTarget) candidats \(summary.sessionsMeetingTarget))"
        )
        console.print(
            "  jours d'examen \(summary.days) (au moins \(plan.settings.dayMinimum) candidats ou \(plan.settings.remoteDayMinimum) à distance : \(summary.daysMeetingMinimum))"
        )
        console.print(
            "  commissions \(summary.sittings), journées d'examinateurs \(summary.examinerDays)"
        )
        console.print(
            "  à distance \(summary.remoteCandidates), mutualisés \(summary.pooledCandidates), déplacements \(summary.travellingCandidates)"
        )
        console.print(
            "  attente moyenne \(summary.meanWaitDays) jours, la plus longue \(summary.longestWaitDays) jours"
        )
    }

    func printSessions(details: Bool) {
        guard !plan.sessions.isEmpty else { return }
        console.print()
        console.print("Sessions")
        for session in plan.sessions {
            let marks = session.rules.filter { ["R1", "R2"].contains($0.rule) }
                .map { "\($0.rule) \($0.met ? "atteint" : "non atteint")" }
                .joined(separator: ", ")
            let flags = [session.fixed ? "fixée" : nil, session.pooled ? "mutualisée" : nil]
                .compactMap { $0 }.joined(separator: ", ")
            console.print(
                "  \(session.id)  \(session.diploma)  organisée par \(name(session.organizer))  \(session.candidateCount) candidat(s)  \(session.days.count) jour(s)  \(session.sittings) commission(s)"
                    + (flags.isEmpty ? "" : "  [\(flags)]") + "  \(marks)"
            )
            for day in session.days {
                let remote = day.candidates.filter { $0.mode == .remote }.count
                console.print(
                    "    \(day.date.french)  \(day.commissions) commission(s)  \(day.candidates.count) candidat(s), dont \(remote) à distance"
                )
                guard details else { continue }
                for placed in day.candidates {
                    let place =
                        placed.mode == .remote
                        ? "à distance depuis \(name(placed.host))" : "en salle"
                    console.print(
                        "      \(placed.start)  \(placed.id)  commission \(placed.commission), \(place)"
                    )
                    for reason in placed.reasons {
                        console.print(
                            "        " + (reason.rule.map { "[\($0)] " } ?? "") + reason.text
                        )
                    }
                }
            }
            if details {
                for rule in session.rules { console.print("    [\(rule.rule)] \(rule.detail)") }
            } else {
                for rule in session.rules where !rule.met { console.print("    \(rule.detail)") }
            }
        }
    }

    func printUnplanned() {
        guard !plan.unplanned.isEmpty else { return }
        console.print()
        console.print("Candidats non planifiés")
        for missed in plan.unplanned {
            console.print("  \(missed.id)  \(missed.reason)")
            console.print("    Solution : \(missed.fix)")
        }
    }
}
