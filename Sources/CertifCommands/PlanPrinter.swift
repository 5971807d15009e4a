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
        let settings = plan.settings
        console.print(
            "Plan du \(plan.from.french) au \(plan.to.french), établi le \(plan.today.french) : \(French.count(summary.candidates, "candidat"))"
        )
        console.print(
            "  planifiés \(summary.planned), non planifiés \(summary.unplanned), dont délai dépassé \(summary.deadlinesMissed)"
        )
        console.print(
            "  sessions \(summary.sessions), dont mutualisées \(summary.pooledSessions) et d'au moins \(settings.sessionTarget) candidats \(summary.sessionsMeetingTarget)"
        )
        console.print(
            "  jours d'examen \(summary.days), dont \(summary.daysMeetingMinimum) d'au moins \(settings.dayMinimum) candidats (\(settings.remoteDayMinimum) à distance)"
        )
        console.print(
            "  commissions \(summary.sittings), journées d'examinateurs \(summary.examinerDays)"
        )
        console.print(
            "  à distance \(summary.remoteCandidates), examinés par une autre région \(summary.pooledCandidates), déplacements \(summary.travellingCandidates)"
        )
        console.print(
            "  attente moyenne \(French.decimal(summary.meanWaitDays)) jours, la plus longue \(summary.longestWaitDays) jours"
        )
        if summary.fixedSessionConflicts > 0 {
            console.print(
                "  ATTENTION : \(French.count(summary.fixedSessionConflicts, "place")) de sessions fixées \(summary.fixedSessionConflicts == 1 ? "ne convient" : "ne conviennent") plus au candidat ; voir les sessions marquées ci-dessous."
            )
        }
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
            let service = French.withArticle(
                service: reference.territory(session.organizer)?.serviceName
                    ?? name(session.organizer)
            )
            console.print(
                "  \(session.id)  \(session.diploma)  organisée par \(service)  \(French.count(session.candidateCount, "candidat"))  \(French.count(session.days.count, "jour"))  \(French.count(session.sittings, "commission"))"
                    + (flags.isEmpty ? "" : "  [\(flags)]") + "  \(marks)"
            )
            for day in session.days {
                let remote = day.candidates.filter { $0.mode == .remote }.count
                console.print(
                    "    \(day.date.french)  \(French.count(day.commissions, "commission"))  \(French.count(day.candidates.count, "candidat"))"
                        + (remote > 0 ? ", dont \(remote) à distance" : "")
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
            console.print(
                "    Que faire : \(missed.fix.prefix(1).lowercased() + missed.fix.dropFirst())"
            )
        }
    }
}
