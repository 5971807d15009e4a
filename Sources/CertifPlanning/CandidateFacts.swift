import CertifDomain

/// The facts that the planner derives once from a waiting candidate: his window of exam days,
/// the length of his interview and where he may be examined.
struct CandidateFacts {
    var index: Int
    var candidate: Candidate
    var deadline: Deadline
    /// First and last exam day allowed, inside the plan period.
    var earliest: CivilDate
    var latest: CivilDate
    /// Whether the deadline falls after the period, so that the candidate may wait for a later
    /// plan. Such a candidate fills free places but never opens a commission.
    var flexible: Bool
    var durationMinutes: Int
    var commissionSize: Int
    /// The national scheme's row that fixes his organiser (R5), if any.
    var nationalRule: NationalPoolingRule?
    /// The organiser that the construction gives him: the national one, or his home service.
    var primaryOrganizer: TerritoryCode
    /// The home territory's row in the planner's dense calendar.
    var homeIndex: Int?

    var home: TerritoryCode { candidate.territory }
    var id: String { candidate.id }
}

extension CandidateFacts {
    enum Derivation {
        case planned(CandidateFacts)
        case unplanned(UnplannedCandidate)
    }

    /// Derives the facts, or returns why the candidate cannot be planned in this period.
    static func make(
        index: Int,
        candidate: Candidate,
        problem: PlanningProblem
    ) -> Derivation {
        let settings = problem.settings
        let deadline = settings.deadline(for: candidate)
        guard let diploma = problem.reference.diploma(candidate.diploma),
            let format = diploma.formats[candidate.route]
        else {
            return .unplanned(
                UnplannedCandidate(
                    id: candidate.id,
                    cause: .noExamFormat,
                    reason:
                        "Aucun format d'épreuve n'est défini pour \(candidate.diploma) par la voie \(candidate.route.rawValue).",
                    fix:
                        "Ajouter la durée de l'entretien et la taille de la commission au référentiel des diplômes.",
                    deadlineMissed: false
                )
            )
        }
        let firstPossible = problem.today.adding(days: settings.convocationLeadDays)
        let earliest = max(candidate.availableFrom, problem.from, firstPossible)
        // The margin gives way when it would leave no day at all.
        let margin = deadline.date.adding(days: -settings.deadlineMarginDays)
        let latest = min(margin >= earliest ? margin : deadline.date, problem.to)
        if deadline.date < firstPossible {
            return .unplanned(
                UnplannedCandidate(
                    id: candidate.id,
                    cause: .deadlinePassed,
                    reason:
                        "Sa date limite du \(deadline.date.french) tombe avant le premier jour possible, le \(firstPossible.french) (date du plan plus \(settings.convocationLeadDays) jours pour la convocation) ; \(deadline.explanation).",
                    fix:
                        "Vérifier la date de dépôt ou la date limite ; sinon organiser sans attendre une session pour ce candidat, hors plan.",
                    deadlineMissed: true
                )
            )
        }
        if deadline.date < problem.from {
            return .unplanned(
                UnplannedCandidate(
                    id: candidate.id,
                    cause: .beforePeriod,
                    reason:
                        "Sa date limite du \(deadline.date.french) précède le début de la période, le \(problem.from.french).",
                    fix: "Planifier une période qui commence avant le \(deadline.date.french).",
                    deadlineMissed: false
                )
            )
        }
        if candidate.availableFrom > problem.to {
            return .unplanned(
                UnplannedCandidate(
                    id: candidate.id,
                    cause: .laterPeriod,
                    reason:
                        "Il n'est disponible qu'à partir du \(candidate.availableFrom.french), après la fin de la période, le \(problem.to.french).",
                    fix: "Le planifier avec la période suivante.",
                    deadlineMissed: false
                )
            )
        }
        let rule = problem.reference.scheme.rule(
            diploma: candidate.diploma,
            route: candidate.route,
            home: candidate.territory
        )
        let duration = (format.interviewMinutes * (100 + candidate.extraTimePercent) + 99) / 100
        return .planned(
            CandidateFacts(
                index: index,
                candidate: candidate,
                deadline: deadline,
                earliest: earliest,
                latest: latest,
                flexible: deadline.date > problem.to,
                durationMinutes: duration,
                commissionSize: format.commissionSize,
                nationalRule: rule,
                primaryOrganizer: rule?.organizer ?? candidate.territory,
                homeIndex: nil
            )
        )
    }
}
