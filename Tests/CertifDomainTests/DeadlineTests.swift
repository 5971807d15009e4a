import CertifDomain
import Testing

@Suite("Settings.deadline(for:)")
struct DeadlineTests {
    static func candidate(
        route: AccessRoute,
        availableFrom: CivilDate,
        explicitDeadline: CivilDate? = nil
    ) throws -> Candidate {
        Candidate(
            id: "C-1",
            birthName: "Martin",
            givenNames: "Claire",
            birthDate: try civilDate("1980-06-01"),
            diploma: DiplomaCode("DEAF"),
            route: route,
            territory: TerritoryCode("53"),
            availableFrom: availableFrom,
            explicitDeadline: explicitDeadline
        )
    }

    @Test("strict reading is the default")
    func strictReadingDefault() {
        #expect(Settings().vaeDelayReading == .addMonths)
        #expect(Settings().vaeDelayMonths == 3)
    }

    @Test(
        "VAE strict reading",
        arguments: [
            ("15/01/2025", "15/04/2025"),
            ("30/11/2025", "28/02/2026"),
            ("30/11/2027", "29/02/2028"),
            ("31/03/2025", "30/06/2025"),
        ]
    )
    func vaeStrictReading(filed: String, expected: String) throws {
        let settings = Settings()
        let candidate = try Self.candidate(route: .vae, availableFrom: try civilDate(filed))

        let deadline = settings.deadline(for: candidate)

        #expect(deadline.date == (try civilDate(expected)))
    }

    @Test(
        "VAE end-of-month reading",
        arguments: [
            ("15/01/2025", "30/04/2025"),
            ("30/11/2025", "28/02/2026"),
            ("01/12/2027", "31/03/2028"),
            ("31/03/2025", "30/06/2025"),
        ]
    )
    func vaeEndOfMonthReading(filed: String, expected: String) throws {
        var settings = Settings()
        settings.vaeDelayReading = .endOfMonth
        let candidate = try Self.candidate(route: .vae, availableFrom: try civilDate(filed))

        let deadline = settings.deadline(for: candidate)

        #expect(deadline.date == (try civilDate(expected)))
    }

    @Test(
        "VAE explanation names date and R4",
        arguments: [
            (DelayReading.addMonths, "plus 3 mois"),
            (DelayReading.endOfMonth, "fin du 3e mois suivant"),
        ]
    )
    func vaeExplanation(reading: DelayReading, rule: String) throws {
        var settings = Settings()
        settings.vaeDelayReading = reading
        let candidate = try Self.candidate(route: .vae, availableFrom: try civilDate("2025-01-15"))

        let explanation = settings.deadline(for: candidate).explanation

        #expect(explanation.contains("R4"))
        #expect(explanation.contains("15/01/2025"))
        #expect(explanation.contains(rule))
    }

    @Test("VAE months setting changes the delay")
    func vaeMonthsSetting() throws {
        var settings = Settings()
        settings.vaeDelayMonths = 4
        let candidate = try Self.candidate(route: .vae, availableFrom: try civilDate("2025-01-31"))

        let deadline = settings.deadline(for: candidate)

        #expect(deadline.date == (try civilDate("2025-05-31")))
        #expect(deadline.explanation.contains("4 mois"))
    }

    @Test(
        "end-of-month explanation ordinal",
        arguments: [(1, "1er mois"), (2, "2e mois"), (3, "3e mois")]
    )
    func endOfMonthOrdinal(months: Int, phrase: String) throws {
        var settings = Settings()
        settings.vaeDelayReading = .endOfMonth
        settings.vaeDelayMonths = months
        let candidate = try Self.candidate(route: .vae, availableFrom: try civilDate("2025-01-15"))

        let explanation = settings.deadline(for: candidate).explanation

        #expect(explanation.contains(phrase))
    }

    @Test(
        "training route uses its months setting",
        arguments: [
            (6, "15/01/2025", "15/07/2025"),
            (6, "31/08/2025", "28/02/2026"),
            (4, "15/01/2025", "15/05/2025"),
            (12, "29/02/2024", "28/02/2025"),
        ]
    )
    func trainingRoute(months: Int, ended: String, expected: String) throws {
        var settings = Settings()
        settings.trainingDelayMonths = months
        let candidate = try Self.candidate(route: .training, availableFrom: try civilDate(ended))

        let deadline = settings.deadline(for: candidate)

        #expect(deadline.date == (try civilDate(expected)))
        #expect(deadline.explanation.contains(ended))
        #expect(deadline.explanation.contains("\(months) mois"))
        #expect(!deadline.explanation.contains("R4"))
    }

    @Test("training route ignores the VAE reading")
    func trainingIgnoresVAEReading() throws {
        var settings = Settings()
        settings.vaeDelayReading = .endOfMonth
        let candidate = try Self.candidate(
            route: .training,
            availableFrom: try civilDate("2025-01-15")
        )

        let deadline = settings.deadline(for: candidate)

        #expect(deadline.date == (try civilDate("2025-07-15")))
    }

    @Test(
        "explicit deadline wins",
        arguments: AccessRoute.allCases,
        DelayReading.allCases
    )
    func explicitDeadlineWins(route: AccessRoute, reading: DelayReading) throws {
        var settings = Settings()
        settings.vaeDelayReading = reading
        let explicit = try civilDate("2025-02-10")
        let candidate = try Self.candidate(
            route: route,
            availableFrom: try civilDate("2025-01-15"),
            explicitDeadline: explicit
        )

        let deadline = settings.deadline(for: candidate)

        #expect(deadline.date == explicit)
        #expect(deadline.explanation.contains("fichier"))
        #expect(!deadline.explanation.contains("R4"))
    }
}
