/// A person presented to a diploma's certification, as the candidate file describes him.
public struct Candidate: Sendable, Codable, Hashable, Identifiable {
    /// The identifier given by the service (unique in the database).
    public var id: String
    public var birthName: String
    public var usageName: String?
    public var givenNames: String
    public var birthDate: CivilDate
    public var diploma: DiplomaCode
    public var route: AccessRoute
    /// The home territory, whose service stays the candidate's contact (rule R15).
    public var territory: TerritoryCode
    /// The first day the candidate can be examined: filing of the validation file for VAE, end of
    /// training for the training route.
    public var availableFrom: CivilDate
    /// A deadline given in the file; nil means it is computed from the settings.
    public var explicitDeadline: CivilDate?
    /// Whether the candidate may be examined by videoconference from his home service.
    public var remoteAllowed: Bool
    /// Extra time granted for the exam, in percent of its duration (0 when none).
    public var extraTimePercent: Int

    public init(
        id: String,
        birthName: String,
        usageName: String? = nil,
        givenNames: String,
        birthDate: CivilDate,
        diploma: DiplomaCode,
        route: AccessRoute,
        territory: TerritoryCode,
        availableFrom: CivilDate,
        explicitDeadline: CivilDate? = nil,
        remoteAllowed: Bool = true,
        extraTimePercent: Int = 0
    ) {
        self.id = id
        self.birthName = birthName
        self.usageName = usageName
        self.givenNames = givenNames
        self.birthDate = birthDate
        self.diploma = diploma
        self.route = route
        self.territory = territory
        self.availableFrom = availableFrom
        self.explicitDeadline = explicitDeadline
        self.remoteAllowed = remoteAllowed
        self.extraTimePercent = extraTimePercent
    }
}
