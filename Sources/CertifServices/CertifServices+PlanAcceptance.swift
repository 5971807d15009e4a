import CertifAuth
import CertifDomain
import CertifPlanning
import CertifStore

extension CertifServices {
    /// Accepts draft plan `id`: its sessions named by `sessionIDs`, or with nil every session
    /// that the person may accept, become fixed sessions. Returns the fixed sessions' ids.
    ///
    /// A person may accept only the sessions that his service organises. Naming any other
    /// session, or one that he may not see, throws `notFound` and writes nothing. The store
    /// checks each candidate against his stored record, and its refusals come back as
    /// `conflict` with a French message. A plan is accepted once: the sessions left out must
    /// be planned again.
    public func acceptPlan(id: Int, sessionIDs: [String]?) throws -> [String] {
        try requirePlanning()
        guard let stored = try store.plan(id: id) else {
            throw ServiceError.notFound
        }
        let directory = try CandidateDirectory.load(from: store)
        let acceptable = stored.plan.sessions.filter { session in
            let ids = session.days.flatMap(\.candidates).map(\.id)
            let access = directory.access(organizer: session.organizer, candidateIDs: ids)
            return account.isAllowed(.viewSession(access))
                && account.canWrite(.plans(territory: session.organizer))
        }
        let acceptableIDs = Set(acceptable.map(\.id))
        let named: [String]?
        if let sessionIDs {
            guard !sessionIDs.isEmpty else {
                throw ServiceError.invalid([
                    "sessions": "Cochez au moins une session à accepter, ou acceptez-les toutes."
                ])
            }
            for sessionID in sessionIDs where !acceptableIDs.contains(sessionID) {
                throw ServiceError.notFound
            }
            named = Array(Set(sessionIDs)).sorted()
        } else if acceptable.count == stored.plan.sessions.count {
            named = nil
        } else {
            named = acceptable.map(\.id)
        }
        if named?.isEmpty == true || acceptable.isEmpty {
            throw ServiceError(
                code: .conflict,
                message: "Ce plan ne compte aucune session que vous puissiez accepter : seules "
                    + "les sessions que votre service organise peuvent l’être par vous."
            )
        }
        guard stored.status == .draft else {
            throw Self.alreadyAccepted
        }
        do {
            return try store.acceptPlan(id: id, sessionIDs: named, actor: actor)
        } catch let error as StoreError {
            throw Self.acceptanceError(error)
        }
    }

    private static let alreadyAccepted = ServiceError(
        code: .conflict,
        message: "Ce plan a déjà été accepté, et un plan ne s’accepte qu’une fois : lancez une "
            + "nouvelle planification pour placer les candidats qu’il a laissés."
    )

    /// Returns the French form of the store's refusal to accept a plan. The store's own message is in
    /// English and names candidates by id, so it is not shown.
    static func acceptanceError(_ error: StoreError) -> any Error {
        let replan = " Lancez une nouvelle planification, qui part des données d’aujourd’hui."
        switch error.code {
        case .planNotFound, .sessionNotInPlan:
            return ServiceError.notFound
        case .planAlreadyAccepted:
            return alreadyAccepted
        case .sessionNotFound:
            return ServiceError(
                code: .conflict,
                message: "Une session fixée que ce plan complète a été libérée depuis." + replan
            )
        case .candidateNotFound:
            return ServiceError(
                code: .conflict,
                message: "Un candidat de ces sessions n’est plus enregistré." + replan
            )
        case .candidateAlreadyScheduled:
            return ServiceError(
                code: .conflict,
                message: "Un candidat de ces sessions a déjà sa place dans une autre session "
                    + "fixée depuis ce plan." + replan
            )
        case .candidateChanged:
            return ServiceError(
                code: .conflict,
                message: "Le dossier d’un candidat ou les paramètres ont changé depuis ce plan, "
                    + "et la place prévue ne lui convient plus (diplôme, dates ou "
                    + "visioconférence)." + replan
            )
        case .invalidRequest:
            return ServiceError(
                code: .conflict,
                message: "Ce plan ne peut plus être accepté tel quel : il contredit les "
                    + "sessions fixées aujourd’hui." + replan
            )
        default:
            return error
        }
    }

    /// Returns plans `first` and `second` side by side with their figures, which carry no
    /// personal data.
    public func comparePlans(_ first: Int, _ second: Int) throws -> PlanComparison {
        try requirePlanning()
        guard let one = try store.plan(id: first), let two = try store.plan(id: second) else {
            throw ServiceError.notFound
        }
        let candidates = try store.candidates()
        func side(_ stored: StoredPlan) -> PlanComparison.Side {
            PlanComparison.Side(
                id: stored.id,
                status: stored.status,
                createdAt: stored.createdAt,
                today: stored.plan.today,
                from: stored.plan.from,
                to: stored.plan.to,
                settings: stored.plan.settings,
                summary: stored.plan.summary,
                diplomas: PlanFigures.byDiploma(
                    stored.plan,
                    candidates: candidates,
                    reference: reference
                )
            )
        }
        return PlanComparison(first: side(one), second: side(two))
    }
}
