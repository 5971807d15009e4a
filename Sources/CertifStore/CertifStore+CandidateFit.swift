import CertifDomain
import CertifPlanning

extension CertifStore {
    /// Checks each candidate of the sessions that acceptance writes against his stored record
    /// and the stored settings. A re-import or a change of settings after the plan was made
    /// can leave him in a session that no longer fits him.
    ///
    /// Throws `candidateChanged` naming the first such candidate, his session and what no
    /// longer fits, and counting the others.
    func checkCandidatesStillFit(
        _ acceptances: [SessionAcceptance],
        settings: Settings,
        planID: Int
    ) throws {
        var misfits: [CandidateMisfit] = []
        for acceptance in acceptances {
            let storedIDs = Set(acceptance.previous?.days.flatMap(\.candidates).map(\.id) ?? [])
            for day in acceptance.session.days {
                for placed in day.candidates {
                    // A joining candidate was found by checkCandidateIsFree, and the foreign
                    // key of session_candidates keeps the stored ones.
                    guard let candidate = try candidate(id: placed.id) else {
                        continue
                    }
                    let problems = Self.fitProblems(
                        of: candidate,
                        placed: placed,
                        on: day.date,
                        diploma: acceptance.session.diploma,
                        settings: settings
                    )
                    guard !problems.isEmpty else {
                        continue
                    }
                    misfits.append(
                        CandidateMisfit(
                            candidateID: placed.id,
                            plannedSessionID: acceptance.plannedID,
                            fixedSessionID: storedIDs.contains(placed.id)
                                ? acceptance.session.id : nil,
                            problems: problems
                        )
                    )
                }
            }
        }
        guard let first = misfits.first else {
            return
        }
        throw StoreError(
            code: .candidateChanged,
            message: Self.misfitMessage(first, others: misfits.dropFirst(), planID: planID)
        )
    }

    /// Returns what keeps `candidate`, placed as `placed` on `date` in a session of `diploma`,
    /// from sitting his exam there, in words for the user, or nothing when he fits.
    private static func fitProblems(
        of candidate: Candidate,
        placed: PlacedCandidate,
        on date: CivilDate,
        diploma: DiplomaCode,
        settings: Settings
    ) -> [String] {
        var problems: [String] = []
        if candidate.diploma != diploma {
            problems.append("his diploma is now \(candidate.diploma), not \(diploma)")
        }
        if date < candidate.availableFrom {
            problems.append(
                "the exam day \(date.iso) is before his availability date "
                    + candidate.availableFrom.iso
            )
        }
        let deadline = settings.deadline(for: candidate).date
        if date > deadline {
            problems.append("the exam day \(date.iso) is after his deadline \(deadline.iso)")
        }
        if placed.mode == .remote, !candidate.remoteAllowed {
            problems.append("he is examined by videoconference, which he no longer accepts")
        }
        return problems
    }

    private static func misfitMessage(
        _ misfit: CandidateMisfit,
        others: ArraySlice<CandidateMisfit>,
        planID: Int
    ) -> String {
        let problems = misfit.problems.joined(separator: ", and ")
        var message =
            "candidate \(misfit.candidateID) no longer fits session \(misfit.plannedSessionID) "
            + "of plan \(planID): \(problems). "
        if let fixedSessionID = misfit.fixedSessionID {
            message +=
                "He was already in fixed session \(fixedSessionID), and his record or the "
                + "settings changed since; release that session, then plan again."
        } else {
            message += "His record or the settings changed after the plan was made; plan again."
        }
        if !others.isEmpty {
            let ids = others.map(\.candidateID)
            let named = ids.prefix(10).joined(separator: ", ")
            let rest = ids.count > 10 ? " and \(ids.count - 10) more" : ""
            let count = ids.count == 1 ? "1 other candidate" : "\(ids.count) other candidates"
            message += " \(count) no longer fit either: \(named)\(rest)."
        }
        return message
    }
}

/// A candidate whose stored record no longer fits the place that acceptance gives him.
struct CandidateMisfit {
    var candidateID: String
    var plannedSessionID: String
    /// The fixed session that already contained him, or nil when he joins it now.
    var fixedSessionID: String?
    var problems: [String]
}
