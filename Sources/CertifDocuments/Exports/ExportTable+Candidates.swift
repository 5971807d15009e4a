import CertifDomain

extension ExportTable {
    /// The columns of the candidate list. The first twelve are those of the candidate file,
    /// with its names, so an exported list can be imported again. The import ignores the last
    /// four.
    public static let candidateColumns = [
        ExportColumn("identifiant", .text),
        ExportColumn("nom_naissance", .text),
        ExportColumn("nom_usage", .text),
        ExportColumn("prenoms", .text),
        ExportColumn("date_naissance", .date),
        ExportColumn("diplome", .text),
        ExportColumn("voie", .text),
        ExportColumn("territoire", .text),
        ExportColumn("disponible_le", .date),
        ExportColumn("date_limite", .date),
        ExportColumn("distanciel", .text),
        ExportColumn("majoration", .integer),
        ExportColumn("date_limite_appliquee", .date),
        ExportColumn("calcul_date_limite", .text),
        ExportColumn("session", .text),
        ExportColumn("statut", .text),
    ]

    /// Builds the list of `candidates`, one row each in the given order.
    ///
    /// `date_limite` is the deadline that the file gave (empty when Certif computes it), and
    /// `date_limite_appliquee` the one in force under `settings`, with its reason in
    /// `calcul_date_limite`. `fixedSessions` maps a candidate's id to the id of the fixed
    /// session that contains him; a candidate missing from it waits for a plan. The territory
    /// is its name from `reference`, or its code when the reference data lacks it.
    ///
    /// The caller passes only the candidates that the user may see.
    public static func candidates(
        _ candidates: [Candidate],
        settings: Settings,
        reference: ReferenceData,
        fixedSessions: [String: String] = [:]
    ) throws -> ExportTable {
        var table = try ExportTable(title: "Candidats", columns: candidateColumns)
        for candidate in candidates {
            let deadline = settings.deadline(for: candidate)
            let session = fixedSessions[candidate.id]
            let territory =
                reference.territory(candidate.territory)?.name ?? candidate.territory.rawValue
            try table.append([
                .text(candidate.id),
                .text(candidate.birthName),
                candidate.usageName.map(ExportCell.text),
                .text(candidate.givenNames),
                .date(candidate.birthDate),
                .text(candidate.diploma.rawValue),
                .text(candidate.route.rawValue),
                .text(territory),
                .date(candidate.availableFrom),
                candidate.explicitDeadline.map(ExportCell.date),
                .text(candidate.remoteAllowed ? "oui" : "non"),
                .integer(candidate.extraTimePercent),
                .date(deadline.date),
                .text(deadline.explanation),
                session.map(ExportCell.text),
                .text(session == nil ? "en attente de session" : "session fixée"),
            ])
        }
        return table
    }
}
