import CertifDomain
import CertifHTML
import CertifHTTP
import CertifServices

/// Builds the table of a plan's month: one row per day, one column per session that sits that
/// month, with weekends and public holidays marked in words.
func planCalendarPage(
    _ context: WebContext,
    view: PlanView,
    month requested: CivilDate?,
    filters: QueryFilters
) throws -> HTTPResponse {
    let reference = context.reference
    var filters = filters
    let firstMonth = monthStart(view.from)
    let lastMonth = monthStart(view.to)
    if let requested, requested < firstMonth || requested > lastMonth {
        filters.addError(
            "Le mois « \(filters.text("mois")) » est hors de la période du plan : choisissez un "
                + "mois de \(PlanningText.month(firstMonth)) à \(PlanningText.month(lastMonth)).",
            for: "mois"
        )
    }

    let firstSessionDay = view.sessions.flatMap(\.days).map(\.date).min()
    let month =
        filters.errors.isEmpty
        ? requested ?? firstSessionDay.map(monthStart) ?? firstMonth
        : firstSessionDay.map(monthStart) ?? firstMonth
    let days = (0..<month.days(until: month.endOfMonth) + 1).map { month.adding(days: $0) }
    let sessions = view.sessions.filter { session in
        session.days.contains { $0.date.year == month.year && $0.date.month == month.month }
    }
    let calendar = WorkingCalendar(
        holidays: reference.holidays,
        territories: reference.territories
    )

    let title = "Plan n° \(view.id) : calendrier de \(PlanningText.month(month))"
    let previous = month.adding(months: -1)
    let next = month.adding(months: 1)
    return try context.page(
        title: title,
        status: filters.errors.isEmpty ? .ok : .badRequest
    ) {
        p(.class("fr-mb-1w")) {
            a(
                href: Paths.plan(view.id),
                .class("fr-link", "fr-icon-arrow-left-line", "fr-link--icon-left")
            ) {
                "Retour au plan n° \(view.id)"
            }
        }
        h1 { title }
        planHeader(view, reference: reference)
        nav(.class("fr-mb-3w"), .aria("label", "Mois du plan")) {
            ul(.class("fr-btns-group", "fr-btns-group--inline-md")) {
                if previous >= firstMonth {
                    li {
                        a(
                            href: calendarPath(view.id, previous),
                            .class("fr-btn", "fr-btn--secondary")
                        ) { "Mois précédent : " + PlanningText.month(previous) }
                    }
                }
                if next <= lastMonth {
                    li {
                        a(href: calendarPath(view.id, next), .class("fr-btn", "fr-btn--secondary"))
                        {
                            "Mois suivant : " + PlanningText.month(next)
                        }
                    }
                }
            }
        }
        form(action: Paths.plan(view.id) + "/calendrier", method: .get, .class("fr-mb-4w")) {
            inputField(
                FormField(
                    name: "mois",
                    label: "Mois affiché",
                    value: filters.errors["mois"] == nil
                        ? PlanningText.monthParameter(month) : filters.text("mois"),
                    hint: "Au format AAAA-MM, de \(PlanningText.monthParameter(firstMonth)) à "
                        + "\(PlanningText.monthParameter(lastMonth)).",
                    error: filters.errors["mois"]
                )
            )
            button(type: .submit, .class("fr-btn", "fr-btn--secondary")) { "Afficher ce mois" }
        }
        if sessions.isEmpty {
            p { "Aucune session que vous puissiez voir ne siège en \(PlanningText.month(month))." }
        } else {
            p {
                French.count(sessions.count, "session")
                    + " siègent ce mois-ci. Chaque case donne les candidats et les commissions "
                    + "du jour ; « férié » signale un jour chômé chez l’organisateur."
            }
            monthTable(
                days: days,
                sessions: sessions,
                anchors: Dictionary(grouping: view.sessions, by: \.diploma).values.reduce(
                    into: [:]
                ) { anchors, group in
                    anchors.merge(sessionAnchors(group)) { first, _ in first }
                },
                planID: view.id,
                calendar: calendar,
                reference: reference,
                caption: "Sessions du plan n° \(view.id) en \(PlanningText.month(month)), "
                    + "jour par jour"
            )
        }
    }
}

private func monthTable(
    days: [CivilDate],
    sessions: [PlanSessionView],
    anchors: [String: String],
    planID: Int,
    calendar: WorkingCalendar,
    reference: ReferenceData,
    caption: String
) -> Node {
    // Days closed everywhere in mainland France, named in the row; an organiser's own
    // holidays are marked in his column.
    let nationalHolidays = calendar.holidays.holidays(in: days[0].year, sets: ["national"])
    return dataTable(caption: caption) {
        thead {
            tr {
                th(scope: .col) { "Jour" }
                for session in sessions {
                    th(scope: .col) {
                        a(
                            href: Paths.plan(planID) + "?diplome="
                                + Paths.segment(session.diploma.rawValue) + "#"
                                + (anchors[session.id] ?? "")
                        ) { session.id }
                        br()
                        span(.class("fr-text--xs")) {
                            session.diploma.rawValue + ", "
                                + PlanningText.region(session.organizer, reference)
                        }
                    }
                }
            }
        }
        tbody {
            for day in days {
                tr {
                    th(scope: .row) {
                        PlanningText.shortDay(day)
                        if day.isWeekend {
                            " (week-end)"
                        } else if let holiday = nationalHolidays[day] {
                            " (férié : " + holiday + ")"
                        }
                    }
                    for session in sessions {
                        td {
                            if let sitting = session.days.first(where: { $0.date == day }) {
                                French.count(sitting.candidateCount, "candidat") + ", "
                                    + French.count(sitting.commissions, "commission")
                            } else if !day.isWeekend, nationalHolidays[day] == nil,
                                let holiday = calendar.holidayName(
                                    on: day,
                                    territory: session.organizer
                                )
                            {
                                "férié (" + holiday + ")"
                            }
                        }
                    }
                }
            }
        }
    }
}

private func monthStart(_ date: CivilDate) -> CivilDate {
    CivilDate(year: date.year, month: date.month, day: 1) ?? date
}

private func calendarPath(_ planID: Int, _ month: CivilDate) -> String {
    Paths.plan(planID) + "/calendrier?mois=" + PlanningText.monthParameter(month)
}
