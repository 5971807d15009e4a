import CertifDomain

extension PlanBuilder {
    /// Checks a session against the rules that concern it, with the numbers.
    func ruleChecks(for planned: PlannedSession, session: DraftSession) -> [RuleCheck] {
        var checks = [targetCheck(planned, session: session), dayMinimumCheck(planned)]
        checks += fixedSessionConflicts(planned)
        let placed = planned.days.flatMap(\.candidates)
        let newFacts = placed.compactMap { factByID[$0.id] }
        let routes = Set(newFacts.map(\.candidate.route))
        if routes.count > 1 || planned.pooled {
            var means: [String] = []
            if routes.count > 1 { means.append("voies formation et VAE réunies") }
            if planned.pooled {
                let homes = Set(placed.map { homeOf($0) })
                means.append("mutualisée entre \(homes.count) services")
            }
            checks.append(
                RuleCheck(
                    rule: "R3",
                    met: true,
                    detail: "R3 appliqué : " + means.joined(separator: ", ") + "."
                )
            )
        }
        if let tightest = newFacts.map({ $0.deadline.date }).min() {
            checks.append(
                RuleCheck(
                    rule: "R4",
                    met: true,
                    detail:
                        "R4 respecté : chaque candidat est examiné avant sa date limite ; la plus proche est le \(tightest.french)."
                )
            )
        }
        if newFacts.contains(where: { $0.nationalRule != nil }) {
            checks.append(
                RuleCheck(
                    rule: "R5",
                    met: true,
                    detail:
                        "R5 : \(serviceName(planned.organizer)) organise cette session au titre du schéma national ; l'ASP y affecte les candidats automatiquement."
                )
            )
        }
        if let first = planned.days.first?.date,
            newFacts.contains(where: { isVoluntaryPooling($0, organizer: planned.organizer) })
        {
            let sendBy = first.adding(days: -settings.aspLeadDays)
            checks.append(
                RuleCheck(
                    rule: "R7",
                    met: first >= poolingEarliestDate,
                    detail:
                        "R7 : session mutualisée hors schéma national le \(first.french), \(problem.today.days(until: first)) jours après la date du plan ; éléments à envoyer à l'ASP au plus tard le \(sendBy.french)."
                )
            )
        }
        let remote = placed.filter { $0.mode == .remote }
        if !remote.isEmpty {
            let hosts = Set(remote.map(\.host)).sorted().map { territoryName($0) }
            checks.append(
                RuleCheck(
                    rule: "R8",
                    met: planned.pooled,
                    detail:
                        "R8 : \(French.count(remote.count, "entretien")) en visioconférence, permis car la session est mutualisée entre services de l'État."
                )
            )
            checks.append(
                RuleCheck(
                    rule: "R9",
                    met: true,
                    detail:
                        "R9 : les candidats à distance sont reçus par leur service de domiciliation (\(hosts.joined(separator: ", "))), ouvert le jour de leur entretien."
                )
            )
        }
        let travellers = placed.filter(\.travels).count
        if travellers > 0 {
            checks.append(
                RuleCheck(
                    rule: "R9",
                    met: true,
                    detail: (travellers == 1
                        ? "1 candidat refuse la visioconférence et se déplace jusqu'à la salle de l'organisateur."
                        : "\(travellers) candidats refusent la visioconférence et se déplacent jusqu'à la salle de l'organisateur.")
                )
            )
        }
        checks.append(
            RuleCheck(
                rule: "R10",
                met: true,
                detail:
                    "R10 : chaque convocation précède l'entretien de \(settings.convocationMinutesBeforeInterview) minutes."
            )
        )
        return checks
    }

    private func targetCheck(_ planned: PlannedSession, session: DraftSession) -> RuleCheck {
        let count = planned.candidateCount
        let target = settings.sessionTarget
        if count >= target {
            return RuleCheck(
                rule: "R1",
                met: true,
                detail: "R1 atteint : \(count) candidats pour \(target) visés."
            )
        }
        var detail = "R1 non atteint : \(French.count(count, "candidat")) pour \(target) visés"
        let facts = planned.days.flatMap(\.candidates).compactMap { factByID[$0.id] }
        if let last = planned.days.last?.date, !facts.isEmpty {
            let next = nextSessionDate(
                after: last,
                diploma: planned.diploma,
                organizer: planned.organizer
            )
            let bound = next ?? problem.to
            let cannotWait = facts.filter { $0.latest < bound }.count
            let waitingLater = self.facts.filter {
                $0.candidate.diploma == planned.diploma && $0.earliest > last
                    && mayOrganize($0, organizer: planned.organizer)
            }.count
            if let next {
                detail +=
                    ", car \(Self.cannotWait(cannotWait, of: count)) la session suivante du \(next.french)"
            } else if waitingLater > 0 {
                detail +=
                    ", car \(Self.cannotWait(cannotWait, of: count)) la fin de la période, et \(French.count(waitingLater, "autre candidat")) du diplôme ne \(waitingLater == 1 ? "devient" : "deviennent") disponible\(waitingLater == 1 ? "" : "s") qu'après le \(last.french)"
            } else {
                detail +=
                    ", car aucun autre candidat du diplôme ne devient disponible d'ici la fin de la période"
            }
        }
        return RuleCheck(rule: "R1", met: false, detail: detail + ".")
    }

    /// "les 6 candidats ne peuvent attendre", "1 des 6 candidats ne peut attendre".
    private static func cannotWait(_ number: Int, of total: Int) -> String {
        if number == total {
            return total == 1
                ? "ce candidat ne peut attendre" : "ses \(total) candidats ne peuvent attendre"
        }
        return number == 1
            ? "1 de ses \(total) candidats ne peut attendre"
            : "\(number) de ses \(total) candidats ne peuvent attendre"
    }

    private func dayMinimumCheck(_ planned: PlannedSession) -> RuleCheck {
        var short: [String] = []
        for day in planned.days {
            let minimum = day.remoteOnly ? settings.remoteDayMinimum : settings.dayMinimum
            if day.candidates.count < minimum {
                short.append("le \(day.date.french), \(day.candidates.count) pour \(minimum)")
            }
        }
        if short.isEmpty {
            return RuleCheck(
                rule: "R2",
                met: true,
                detail:
                    "R2 atteint : chaque jour réunit au moins \(settings.dayMinimum) candidats (\(settings.remoteDayMinimum) si tout à distance)."
            )
        }
        return RuleCheck(
            rule: "R2",
            met: false,
            detail: "R2 non atteint : " + short.joined(separator: " ; ") + "."
        )
    }

    private func nextSessionDate(
        after date: CivilDate,
        diploma: DiplomaCode,
        organizer: TerritoryCode
    )
        -> CivilDate?
    {
        sessions.filter { $0.diploma == diploma && $0.organizer == organizer }
            .compactMap(\.firstDate)
            .filter { $0 > date }
            .min()
    }

    /// Adds up the plan's figures.
    func summarize(_ sessions: [PlannedSession], unplanned: [UnplannedCandidate]) -> PlanSummary {
        var summary = PlanSummary()
        var waits: [Int] = []
        summary.sessions = sessions.filter { $0.candidateCount > 0 }.count
        summary.pooledSessions = sessions.filter(\.pooled).count
        for session in sessions {
            if session.candidateCount >= settings.sessionTarget {
                summary.sessionsMeetingTarget += 1
            }
            for day in session.days {
                summary.days += 1
                summary.sittings += day.commissions
                let minimum = day.remoteOnly ? settings.remoteDayMinimum : settings.dayMinimum
                if day.candidates.count >= minimum { summary.daysMeetingMinimum += 1 }
                var sizes: [Int: Int] = [:]
                for placed in day.candidates {
                    let size = factByID[placed.id]?.commissionSize ?? 2
                    sizes[placed.commission] = max(sizes[placed.commission] ?? 0, size)
                    if placed.mode == .remote { summary.remoteCandidates += 1 }
                    if placed.travels { summary.travellingCandidates += 1 }
                    if homeOf(placed) != session.organizer { summary.pooledCandidates += 1 }
                    summary.planned += 1
                    if let candidate = scheduledByID[placed.id], factByID[placed.id] == nil {
                        waits.append(candidate.availableFrom.days(until: day.date))
                    } else if let fact = factByID[placed.id] {
                        waits.append(fact.candidate.availableFrom.days(until: day.date))
                    }
                }
                // A commission of a fixed session with nobody in it yet still sits, with the
                // usual two examiners.
                let emptyCommissions = max(0, day.commissions - sizes.count)
                summary.examinerDays += sizes.values.reduce(0, +) + 2 * emptyCommissions
            }
        }
        summary.unplanned = unplanned.count
        summary.candidates = summary.planned + unplanned.count
        summary.deadlinesMissed =
            unplanned.filter(\.deadlineMissed).count + fixedDeadlinesMissed(sessions)
        summary.fixedSessionConflicts = sessions.reduce(0) {
            $0 + $1.rules.filter { !$0.met && ["R4", "R9", "R15"].contains($0.rule) }.count
        }
        if !waits.isEmpty {
            let mean = Double(waits.reduce(0, +)) / Double(waits.count)
            summary.meanWaitDays = (mean * 10).rounded() / 10
            summary.longestWaitDays = waits.max() ?? 0
        }
        return summary
    }
}
