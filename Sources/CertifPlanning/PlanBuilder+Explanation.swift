import CertifDomain

extension PlanBuilder {
    func territoryName(_ code: TerritoryCode) -> String {
        problem.reference.territory(code)?.name ?? code.rawValue
    }

    /// The service's name with its article, "la DREETS Bretagne".
    func serviceName(_ code: TerritoryCode) -> String {
        French.withArticle(service: problem.reference.territory(code)?.serviceName ?? code.rawValue)
    }

    /// "de Nantes", "d'Ajaccio": the town of the service, whose clock the times follow.
    func clockOf(_ code: TerritoryCode) -> String {
        French.de(problem.reference.territory(code)?.seat ?? code.rawValue)
    }

    /// The French sentences, with rule ids, that say why the candidate is in this session, on
    /// this day, in this mode and at this time.
    func explain(
        _ fact: CandidateFacts,
        interview: Interview,
        start: Int,
        sitting: Sitting
    )
        -> [Reason]
    {
        let organizer = sitting.organizer
        var reasons: [Reason] = []
        if let rule = fact.nationalRule {
            let homes = rule.homeTerritories == nil ? "de tout le territoire" : "de sa région"
            reasons.append(
                Reason(
                    rule: "R5",
                    text:
                        "Schéma national : les candidats VAE au \(rule.diploma) \(homes) sont examinés par \(serviceName(rule.organizer))."
                )
            )
        } else if organizer == fact.home {
            reasons.append(
                Reason(
                    rule: "R15",
                    text:
                        "Session organisée par son service de domiciliation, \(serviceName(organizer))."
                )
            )
        } else {
            reasons.append(
                Reason(
                    rule: "R3",
                    text:
                        "Session mutualisée organisée par \(serviceName(organizer)) : l'examiner dans sa région aurait demandé une commission de plus. Son service de domiciliation reste son interlocuteur (R15)."
                )
            )
        }
        if sitting.session.anchor == fact.index {
            reasons.append(
                Reason(
                    rule: "R1",
                    text:
                        "Jour choisi le plus tard possible avant sa date limite, la plus proche des candidats en attente, pour réunir le plus de candidats."
                )
            )
        }
        reasons.append(
            Reason(
                rule: "R4",
                text:
                    "Examiné le \(sitting.date.french), avant sa date limite du \(fact.deadline.date.french) : \(fact.deadline.explanation)."
            )
        )
        switch interview.mode {
        case .remote:
            reasons.append(
                Reason(
                    rule: "R9",
                    text:
                        "Entretien en visioconférence depuis les locaux de \(serviceName(fact.home)), ouverts ce jour-là."
                )
            )
        case .room where interview.travels:
            let seat = problem.reference.territory(organizer)?.seat ?? organizer.rawValue
            reasons.append(
                Reason(
                    rule: "R9",
                    text:
                        "Il n'accepte pas la visioconférence : il doit se rendre dans la salle d'examen de \(serviceName(organizer)), à \(seat)."
                )
            )
        case .room:
            break
        }
        reasons.append(
            convocationReason(
                fact,
                interview: interview,
                start: start,
                organizer: organizer,
                date: sitting.date
            )
        )
        if fact.candidate.extraTimePercent > 0 {
            reasons.append(
                Reason(
                    rule: nil,
                    text:
                        "Temps majoré de \(fact.candidate.extraTimePercent) % : entretien de \(fact.durationMinutes) minutes."
                )
            )
        }
        return reasons
    }

    private func convocationReason(
        _ fact: CandidateFacts,
        interview: Interview,
        start: Int,
        organizer: TerritoryCode,
        date: CivilDate
    ) -> Reason {
        let lead = settings.convocationMinutesBeforeInterview
        var text =
            "Convoqué à \(Timetable.clock(start - lead)) pour un entretien à \(Timetable.clock(start)), heure \(clockOf(organizer))"
        if interview.mode == .remote {
            let offset = calendar.minutesOffset(from: organizer, to: fact.home, on: date)
            if offset != 0 {
                text +=
                    ", soit \(Timetable.clock(start - lead + offset)) et \(Timetable.clock(start + offset)) heure \(clockOf(fact.home))"
            }
        }
        return Reason(rule: "R10", text: text + ".")
    }
}
