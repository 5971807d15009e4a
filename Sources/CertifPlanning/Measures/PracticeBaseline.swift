import CertifDomain

/// Today's practice, as the reference that pooling is measured against: each territory runs its
/// own sessions for each diploma, one a month whenever it has candidates, on the first working
/// day on or after the 15th. A candidate goes to the first monthly session on or after his first
/// possible day, in his home territory, with no pooling, no national scheme and no commission
/// limit; a candidate whose session falls after his deadline counts as a missed deadline.
public enum PracticeBaseline {
    public static func figures(_ problem: PlanningProblem) -> [DiplomaFigures] {
        let builder = PlanBuilder(problem: problem)
        let settings = problem.settings
        struct SessionKey: Hashable {
            var diploma: DiplomaCode
            var territory: TerritoryCode
            var date: CivilDate
        }
        var sessions: [SessionKey: [CandidateFacts]] = [:]
        var dates: [SessionKey: CivilDate] = [:]
        for fact in builder.facts {
            var month = CivilDate(year: fact.earliest.year, month: fact.earliest.month, day: 1)
            while let first = month {
                let date = monthlyDay(first, territory: fact.home, calendar: problem.calendar)
                if date >= fact.earliest {
                    let key = SessionKey(
                        diploma: fact.candidate.diploma,
                        territory: fact.home,
                        date: date
                    )
                    sessions[key, default: []].append(fact)
                    dates[key] = date
                    break
                }
                month = first.adding(months: 1) as CivilDate?
            }
        }
        var rows: [DiplomaCode: DiplomaFigures] = [:]
        var waits: [DiplomaCode: [Int]] = [:]
        for (key, members) in sessions {
            var row = rows[key.diploma] ?? DiplomaFigures(diploma: key.diploma)
            let sittings = commissions(for: members, timetable: builder.timetable)
            row.sessions += 1
            row.sittings += sittings
            row.examinerDays += sittings * (members.map(\.commissionSize).max() ?? 2)
            row.candidates += members.count
            row.perSessionMin =
                row.perSessionMin == 0 ? members.count : min(row.perSessionMin, members.count)
            row.perSessionMax = max(row.perSessionMax, members.count)
            row.perDayMin = row.perSessionMin
            row.perDayMax = row.perSessionMax
            row.deadlinesMissed += members.filter { $0.deadline.date < key.date }.count
            waits[key.diploma, default: []] += members.map {
                $0.candidate.availableFrom.days(until: key.date)
            }
            rows[key.diploma] = row
        }
        for code in rows.keys {
            if let values = waits[code], !values.isEmpty {
                let mean = Double(values.reduce(0, +)) / Double(values.count)
                rows[code]?.meanWaitDays = (mean * 10).rounded() / 10
                rows[code]?.longestWaitDays = values.max() ?? 0
            }
        }
        return rows.values.sorted { $0.diploma < $1.diploma }
    }

    /// Seats the session's candidates in as many commissions as they need, each in the first
    /// commission with time left, as the planner's own commissions are filled.
    private static func commissions(for members: [CandidateFacts], timetable: Timetable) -> Int {
        var days: [[Range<Int>]] = []
        for fact in members {
            let interview = Interview(
                candidate: fact.index,
                id: fact.id,
                durationMinutes: fact.durationMinutes,
                earliestStart: timetable.dayStart,
                latestEnd: timetable.dayEnd,
                mode: .room,
                host: fact.home,
                travels: false
            )
            var seated = false
            for index in days.indices where timetable.seat(interview, in: &days[index]) != nil {
                seated = true
                break
            }
            if !seated {
                var day = timetable.emptyDay()
                _ = timetable.seat(interview, in: &day)
                days.append(day)
            }
        }
        return days.count
    }

    private static func monthlyDay(
        _ first: CivilDate,
        territory: TerritoryCode,
        calendar: WorkingCalendar
    )
        -> CivilDate
    {
        var date = first.adding(days: 14)
        while !calendar.isWorkingDay(date, territory: territory) { date = date.adding(days: 1) }
        return date
    }
}
