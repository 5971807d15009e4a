/// How the VAE delay of "three months after the filing of the validation file" is read.
public enum DelayReading: String, Sendable, Codable, CaseIterable {
    /// The filing date plus the months, clamped to the month's last day (15/01 → 15/04). The
    /// stricter reading, and the default.
    case addMonths = "date-plus-mois"
    /// The last day of the n-th calendar month after the filing month (15/01 → 30/04).
    case endOfMonth = "fin-de-mois"
}

/// Which territories accept to organise sessions for the candidates of which others, outside
/// the national scheme.
public struct VoluntaryPoolingPolicy: Sendable, Codable, Hashable {
    /// For each organising territory, the home territories whose candidates it accepts. A
    /// territory absent from the map accepts every other territory, so the empty map means
    /// "all with all".
    public var accepted: [TerritoryCode: Set<TerritoryCode>]

    public init(accepted: [TerritoryCode: Set<TerritoryCode>] = [:]) { self.accepted = accepted }

    public static let allWithAll = VoluntaryPoolingPolicy()

    public func accepts(organizer: TerritoryCode, home: TerritoryCode) -> Bool {
        if organizer == home || accepted.isEmpty { return true }
        guard let homes = accepted[organizer] else { return true }
        return homes.contains(home)
    }
}

/// The parameters of the rules. Each default is the value that the instruction or the
/// regulation gives; the administration changes them in the database without a new release.
public struct Settings: Sendable, Codable, Hashable {
    /// R1: candidates that a session should gather.
    public var sessionTarget = 20
    /// R2: candidates that an exam day should gather.
    public var dayMinimum = 5
    /// R2: candidates that an exam day held wholly by videoconference should gather.
    public var remoteDayMinimum = 4
    /// R7: days between the plan date and a session pooled outside the national scheme, so that
    /// the organiser can send the pooling details to the ASP in time.
    public var aspLeadDays = 45
    /// R4: months after the filing of the VAE validation file by which the candidate meets the
    /// jury.
    public var vaeDelayMonths = 3
    public var vaeDelayReading = DelayReading.addMonths
    /// Months after the end of training by which a training-route candidate is examined. No
    /// text fixes it; six months is Certif's own default.
    public var trainingDelayMonths = 6
    /// Days kept free before each candidate's deadline, so that an exam postponed after a
    /// technical failure (R12) can still be held in time; 0 plans up to the deadline itself.
    public var deadlineMarginDays = 0
    /// Days between the plan date and the first exam day, for the convocations to reach the
    /// candidates.
    public var convocationLeadDays = 14
    /// Start of an exam day at the organiser's premises, in minutes after midnight (9:00).
    public var dayStartMinutes = 9 * 60
    /// Length of an exam day for one commission, in minutes (9:00 to 17:00).
    public var dayLengthMinutes = 8 * 60
    /// Minutes between two interviews of one commission.
    public var changeoverMinutes = 15
    /// The examiners' lunch break, when no interview takes place: its start in minutes after
    /// midnight (12:30) and its length in minutes (0 for none).
    public var lunchStartMinutes = 12 * 60 + 30
    public var lunchMinutes = 60
    /// Opening and closing of a host service's premises, in its local time, in minutes after
    /// midnight. A remote candidate is convoked 30 minutes before his interview (R10) and must
    /// finish before closing (R9).
    public var officeOpensMinutes = 8 * 60 + 30
    public var officeClosesMinutes = 17 * 60 + 30
    /// R10: minutes between the convocation and the interview.
    public var convocationMinutesBeforeInterview = 30
    /// Commissions that one organising service can seat on one day, all diplomas together.
    public var maxCommissionsPerDay = 4
    /// Calendar days from a session's first exam day to its last.
    public var sessionSpanDays = 14
    public var voluntaryPooling = VoluntaryPoolingPolicy.allWithAll

    public init() {}
}

extension Settings {
    private enum CodingKeys: String, CodingKey {
        case sessionTarget, dayMinimum, remoteDayMinimum, aspLeadDays, vaeDelayMonths
        case vaeDelayReading, trainingDelayMonths, deadlineMarginDays, convocationLeadDays
        case dayStartMinutes
        case dayLengthMinutes, changeoverMinutes, lunchStartMinutes, lunchMinutes
        case officeOpensMinutes, officeClosesMinutes
        case convocationMinutesBeforeInterview, maxCommissionsPerDay, sessionSpanDays
        case voluntaryPooling
    }

    /// Decodes settings saved by any version: a key that an older version did not write takes
    /// its default, so adding a setting never makes stored settings unreadable.
    public init(from decoder: any Decoder) throws {
        self.init()
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func read<Value: Decodable>(_ key: CodingKeys, _ value: inout Value) throws {
            if let decoded = try container.decodeIfPresent(Value.self, forKey: key) {
                value = decoded
            }
        }
        try read(.sessionTarget, &sessionTarget)
        try read(.dayMinimum, &dayMinimum)
        try read(.remoteDayMinimum, &remoteDayMinimum)
        try read(.aspLeadDays, &aspLeadDays)
        try read(.vaeDelayMonths, &vaeDelayMonths)
        try read(.vaeDelayReading, &vaeDelayReading)
        try read(.trainingDelayMonths, &trainingDelayMonths)
        try read(.deadlineMarginDays, &deadlineMarginDays)
        try read(.convocationLeadDays, &convocationLeadDays)
        try read(.dayStartMinutes, &dayStartMinutes)
        try read(.dayLengthMinutes, &dayLengthMinutes)
        try read(.changeoverMinutes, &changeoverMinutes)
        try read(.lunchStartMinutes, &lunchStartMinutes)
        try read(.lunchMinutes, &lunchMinutes)
        try read(.officeOpensMinutes, &officeOpensMinutes)
        try read(.officeClosesMinutes, &officeClosesMinutes)
        try read(.convocationMinutesBeforeInterview, &convocationMinutesBeforeInterview)
        try read(.maxCommissionsPerDay, &maxCommissionsPerDay)
        try read(.sessionSpanDays, &sessionSpanDays)
        try read(.voluntaryPooling, &voluntaryPooling)
    }
}
