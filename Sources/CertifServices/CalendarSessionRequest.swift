import CertifDomain
import CertifPlanning
import CertifStore

/// A session of a published calendar as a person gives it, before any check: the four
/// national organisers publish their sessions for the year by 31 January (rule R6), and a
/// service records them so that plans fill them first.
///
/// `certif sessions add` and the page that fixes a session both check a request with
/// `validate(reference:settings:fixedSessions:today:)`, so both accept the same sessions.
public struct CalendarSessionRequest: Sendable, Hashable {
    /// One exam day as typed.
    public struct Day: Sendable, Hashable {
        /// The date as typed, AAAA-MM-JJ or JJ/MM/AAAA.
        public var date: String
        /// Commissions that sit that day, or nil when the text typed is not a whole number.
        public var commissions: Int?

        public init(date: String, commissions: Int?) {
            self.date = date
            self.commissions = commissions
        }
    }

    /// The diploma code, in any case: "DEAF" or "deaf".
    public var diploma: String
    /// The organising territory: an INSEE code or a region name.
    public var organizer: String
    public var days: [Day]
    /// The session's id, or nil (or blank) for "C-<diploma>-<organizer>-<first day>".
    public var id: String?

    public init(diploma: String, organizer: String, days: [Day], id: String? = nil) {
        self.diploma = diploma
        self.organizer = organizer
        self.days = days
        self.id = id
    }

    /// A session id that the web application's paths take for a page, "/sessions/nouvelle".
    public static let reservedIDs: Set<String> = ["nouvelle"]

    /// Checks the request and returns the fixed session to store, with no candidate yet, or
    /// every problem found, in the order of the fields.
    ///
    /// A day must be a working day of the organiser after `today`, listed once, with 1 to
    /// `maxCommissionsPerDay` commissions, and with the commissions that the organiser's
    /// other fixed sessions seat that day still within `maxCommissionsPerDay`. The days must
    /// fit in `sessionSpanDays`. Whether the id is taken is left to the store, which checks it
    /// in the transaction that writes.
    public func validate(
        reference: ReferenceData,
        settings: Settings,
        fixedSessions: [FixedSession],
        today: CivilDate
    ) -> Result<FixedSession, CalendarSessionRejection> {
        var issues: [CalendarSessionIssue] = []
        let diploma = checkedDiploma(reference: reference, issues: &issues)
        let organizer = checkedOrganizer(reference: reference, issues: &issues)
        let days = checkedDays(
            reference: reference,
            organizer: organizer,
            settings: settings,
            fixedSessions: fixedSessions,
            today: today,
            issues: &issues
        )
        let chosenID = id?.trimmingCharacters(in: .whitespaces) ?? ""
        if !chosenID.isEmpty {
            if let problem = CertifStore.calendarSessionIDProblem(chosenID) {
                issues.append(.invalidID(chosenID, problem))
            } else if Self.reservedIDs.contains(chosenID) {
                issues.append(.reservedID(chosenID))
            }
        }
        guard issues.isEmpty, let diploma, let organizer, let first = days.first?.date else {
            return .failure(CalendarSessionRejection(issues: issues))
        }
        let defaultID =
            "C-\(diploma.code)-\(organizer.code)-"
            + first.iso.replacingOccurrences(of: "-", with: "")
        return .success(
            FixedSession(
                id: chosenID.isEmpty ? defaultID : chosenID,
                diploma: diploma.code,
                organizer: organizer.code,
                days: days
            )
        )
    }

    private func checkedDiploma(
        reference: ReferenceData,
        issues: inout [CalendarSessionIssue]
    ) -> Diploma? {
        let code = diploma.trimmingCharacters(in: .whitespaces)
        guard !code.isEmpty else {
            issues.append(.missingDiploma)
            return nil
        }
        guard let found = reference.diploma(DiplomaCode(code.uppercased())) else {
            issues.append(.unknownDiploma(code, known: reference.diplomas.map(\.code)))
            return nil
        }
        return found
    }

    private func checkedOrganizer(
        reference: ReferenceData,
        issues: inout [CalendarSessionIssue]
    ) -> Territory? {
        let name = organizer.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else {
            issues.append(.missingOrganizer)
            return nil
        }
        guard let found = reference.territory(matching: name) else {
            issues.append(.unknownOrganizer(name))
            return nil
        }
        return found
    }

    /// Returns the valid days sorted by date, and adds an issue for each wrong one.
    private func checkedDays(
        reference: ReferenceData,
        organizer: Territory?,
        settings: Settings,
        fixedSessions: [FixedSession],
        today: CivilDate,
        issues: inout [CalendarSessionIssue]
    ) -> [FixedSession.Day] {
        guard !days.isEmpty else {
            issues.append(.noDay)
            return []
        }
        let calendar = WorkingCalendar(
            holidays: reference.holidays,
            territories: reference.territories
        )
        let maxCommissions = settings.maxCommissionsPerDay
        var seen = Set<CivilDate>()
        var valid: [FixedSession.Day] = []
        var allValid = true
        for (index, day) in days.enumerated() {
            guard let date = CivilDate(parsing: day.date) else {
                issues.append(.invalidDate(day: index, text: day.date))
                allValid = false
                continue
            }
            var dayIssues: [CalendarSessionIssue] = []
            if let organizer {
                if let holiday = calendar.holidayName(on: date, territory: organizer.code) {
                    dayIssues.append(
                        .holiday(day: index, date, service: organizer.serviceName, name: holiday)
                    )
                } else if date.isWeekend {
                    dayIssues.append(.weekend(day: index, date))
                }
            }
            if !seen.insert(date).inserted {
                dayIssues.append(.repeatedDay(day: index, date))
            }
            if date <= today {
                dayIssues.append(.notAfterToday(day: index, date, today: today))
            } else if date > today.adding(months: 24) {
                dayIssues.append(
                    .tooFarAhead(day: index, date, latest: today.adding(months: 24))
                )
            }
            if let commissions = day.commissions, (1...maxCommissions).contains(commissions) {
                if let organizer {
                    let seated = fixedSessions.filter { $0.organizer == organizer.code }
                        .flatMap(\.days).filter { $0.date == date }
                        .reduce(0) { $0 + $1.commissions }
                    if seated + commissions > maxCommissions {
                        dayIssues.append(
                            .commissionLimit(
                                day: index,
                                date,
                                service: organizer.serviceName,
                                seated: seated,
                                adding: commissions,
                                max: maxCommissions
                            )
                        )
                    }
                }
            } else {
                dayIssues.append(.invalidCommissions(day: index, max: maxCommissions))
            }
            issues += dayIssues
            if dayIssues.isEmpty, let commissions = day.commissions {
                valid.append(FixedSession.Day(date: date, commissions: commissions, candidates: []))
            } else {
                allValid = false
            }
        }
        valid.sort { $0.date < $1.date }
        if allValid, let first = valid.first?.date, let last = valid.last?.date,
            first.days(until: last) > settings.sessionSpanDays
        {
            issues.append(
                .spanTooLong(days: first.days(until: last) + 1, limit: settings.sessionSpanDays)
            )
        }
        return valid
    }
}
