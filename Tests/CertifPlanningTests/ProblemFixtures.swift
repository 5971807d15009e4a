import CertifDomain

@testable import CertifPlanning

/// Builds planning problems from a few lines, with the shipped reference data.
enum ProblemFixtures {
    static let reference: ReferenceData = {
        do {
            return try ReferenceData.bundled()
        } catch {
            fatalError("the shipped reference data does not load: \(error)")
        }
    }()

    static let calendar = WorkingCalendar(
        holidays: reference.holidays,
        territories: reference.territories
    )

    static func date(_ text: String) -> CivilDate {
        guard let date = CivilDate(parsing: text) else { fatalError("bad fixture date \(text)") }
        return date
    }

    static func candidate(
        _ id: String,
        diploma: String = "DEASS",
        route: AccessRoute = .vae,
        territory: String = "53",
        available: String = "2025-03-03",
        deadline: String? = nil,
        remote: Bool = true,
        extraTime: Int = 0
    ) -> Candidate {
        Candidate(
            id: id,
            birthName: "NOM\(id)",
            givenNames: "Prénom",
            birthDate: date("1980-01-01"),
            diploma: DiplomaCode(diploma),
            route: route,
            territory: TerritoryCode(territory),
            availableFrom: date(available),
            explicitDeadline: deadline.map(date),
            remoteAllowed: remote,
            extraTimePercent: extraTime
        )
    }

    static func problem(
        _ candidates: [Candidate],
        today: String = "2025-01-06",
        from: String = "2025-01-06",
        to: String = "2025-12-31",
        settings: Settings = Settings(),
        fixed: [FixedSession] = []
    ) -> PlanningProblem {
        PlanningProblem(
            today: date(today),
            from: date(from),
            to: date(to),
            candidates: candidates,
            settings: settings,
            reference: reference,
            calendar: calendar,
            fixedSessions: fixed
        )
    }

    /// A deterministic spread of candidates over diplomas, routes, territories and months.
    static func generated(count: Int, seed: UInt64) -> [Candidate] {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let diplomas = reference.diplomas.map(\.code.rawValue)
        let territories = reference.territories.map(\.code.rawValue)
        return (0..<count).map { index in
            let month = 1 + next(10)
            let day = 1 + next(28)
            let available = String(format: "2025-%02d-%02d", month, day)
            return candidate(
                String(format: "G%05d", index),
                diploma: diplomas[next(diplomas.count)],
                route: next(3) == 0 ? .vae : .training,
                territory: territories[next(territories.count)],
                available: available,
                remote: next(20) != 0,
                extraTime: next(30) == 0 ? 33 : 0
            )
        }
    }
}
