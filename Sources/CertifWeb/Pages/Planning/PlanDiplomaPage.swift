import CertifAuth
import CertifDomain
import CertifHTML
import CertifHTTP
import CertifPlanning
import CertifServices

/// Sessions of one diploma whose candidates show without opening each session: beyond, each
/// session's candidate table starts closed, so that a national diploma stays readable.
private let openCandidateLimit = 150

/// Builds the page of one diploma of a plan: its sessions by organiser, each with its days,
/// commissions, rule checks and candidates with the reason for each place, then the diploma's
/// unplanned candidates with what would plan them.
func planDiplomaPage(
    _ context: WebContext,
    view: PlanView,
    filters: QueryFilters
) throws -> HTTPResponse {
    let reference = context.reference
    guard case .diploma(let diploma, let organizer) = view.scope else {
        throw ServiceError.notFound
    }
    let title = "Plan n° \(view.id) : sessions \(diploma.rawValue)"
    let anchors = sessionAnchors(view.sessions)
    var organizers: [TerritoryCode] = []
    for session in view.sessions where !organizers.contains(session.organizer) {
        organizers.append(session.organizer)
    }
    let candidateCount = view.sessions.reduce(0) { $0 + $1.candidateCount }
    let openCandidates = candidateCount <= openCandidateLimit
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
        p {
            PlanningText.diploma(diploma, reference) + ". "
                + (organizer.map {
                    "Sessions organisées par "
                        + French.withArticle(
                            service: PlanningText.service($0, reference)
                        ) + " ; candidats non planifiés qui vivent dans ce territoire. "
                } ?? "")
                + "Pour accepter des sessions, revenez à la vue d’ensemble du plan."
        }
        planScopeForm(
            view,
            reference: reference,
            diploma: diploma.rawValue,
            organizer: organizer?.rawValue ?? filters.text("organisateur"),
            errors: filters.errors
        )
        if view.sessions.isEmpty {
            p { "Aucune session de ce diplôme que vous puissiez voir." }
        }
        for code in organizers {
            section(.class("fr-mb-6w")) {
                h2 {
                    "Organisées par "
                        + French.withArticle(service: PlanningText.service(code, reference))
                }
                for session in view.sessions where session.organizer == code {
                    sessionBlock(
                        session,
                        anchor: anchors[session.id] ?? "",
                        openCandidates: openCandidates,
                        reference: reference
                    )
                }
            }
        }
        unplannedSection(view, reference: reference)
    }
}

private func sessionBlock(
    _ session: PlanSessionView,
    anchor: String,
    openCandidates: Bool,
    reference: ReferenceData
) -> Node {
    article(.id(anchor), .class("fr-mb-4w")) {
        h3 {
            "Session " + session.id
            if session.fixed {
                " "
                span(.class("fr-badge", "fr-badge--sm", "fr-badge--info")) { "fixée" }
            }
            if session.pooled {
                " "
                span(.class("fr-badge", "fr-badge--sm")) { "mutualisée" }
            }
        }
        p {
            French.count(session.days.count, "jour") + ", "
                + French.count(session.sittings, "commission") + ", "
                + French.count(session.candidateCount, "candidat") + "."
                + (session.fixed
                    ? " Session fixée avant ce plan : ses jours ne bougent pas, le plan y ajoute "
                        + "des candidats." : "")
        }
        rulesList(session.rules)
        dataTable(caption: "Jours de la session " + session.id) {
            thead {
                tr {
                    th(scope: .col) { "Jour" }
                    th(scope: .col) { "Commissions" }
                    th(scope: .col) { "Candidats" }
                    th(scope: .col) { "À distance" }
                }
            }
            tbody {
                for day in session.days {
                    tr {
                        th(scope: .row) { PlanningText.longDate(day.date) }
                        td { String(day.commissions) }
                        td { String(day.candidateCount) }
                        td {
                            String(day.remoteCount) + (day.remoteOnly ? " (tous à distance)" : "")
                        }
                    }
                }
            }
        }
        details(.open(openCandidates)) {
            summary {
                "Candidats de la session " + session.id + " (\(session.candidateCount))"
            }
            placementTable(
                caption: "Candidats de la session " + session.id
                    + ", par jour, commission et heure",
                days: session.days.map { ($0.date, $0.candidates) },
                withReasons: true,
                reference: reference
            )
        }
    }
}

/// Lists the rule checks of a session, each marked met or missed in words.
func rulesList(_ rules: [RuleCheck]) -> Node {
    ul {
        for rule in rules {
            li {
                span(
                    .class(
                        "fr-badge",
                        "fr-badge--sm",
                        rule.met ? "fr-badge--success" : "fr-badge--warning"
                    )
                ) { rule.met ? "règle respectée" : "règle manquée" }
                " " + rule.detail
            }
        }
    }
}

/// Builds the table of a session's candidates: day, time, commission, name or home territory,
/// place of the exam, and with `withReasons` the reasons for each place.
func placementTable(
    caption captionText: String,
    days: [(CivilDate, [ShownPlacement])],
    withReasons: Bool,
    reference: ReferenceData
) -> Node {
    dataTable(caption: captionText) {
        thead {
            tr {
                th(scope: .col) { "Jour" }
                th(scope: .col) { "Heure (durée)" }
                th(scope: .col) { "Commission" }
                th(scope: .col) { "Candidat" }
                th(scope: .col) { "Passage" }
                if withReasons {
                    th(scope: .col) { "Raisons de sa place" }
                }
            }
        }
        tbody {
            for (date, placements) in days {
                for placement in placements {
                    tr {
                        td { date.french }
                        td { PlanningText.time(placement) }
                        td { String(placement.commission) }
                        th(scope: .row) {
                            if let id = placement.id, placement.candidate != nil {
                                a(href: Paths.candidate(id)) {
                                    PlanningText.candidate(placement, reference)
                                }
                            } else {
                                PlanningText.candidate(placement, reference)
                            }
                        }
                        td { PlanningText.place(placement, reference) }
                        if withReasons {
                            td {
                                if placement.reasons.isEmpty {
                                    "—"
                                } else {
                                    ul {
                                        for reason in placement.reasons {
                                            li {
                                                (reason.rule.map { $0 + " : " } ?? "") + reason.text
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

private func unplannedSection(_ view: PlanView, reference: ReferenceData) -> Node {
    section(.class("fr-mb-6w")) {
        h2 { "Candidats non planifiés (\(view.unplanned.count + view.hiddenUnplannedCount))" }
        if view.hiddenUnplannedCount > 0 {
            p {
                French.count(view.hiddenUnplannedCount, "candidat")
                    + " d’autres territoires ne sont pas listés."
            }
        }
        if view.unplanned.isEmpty {
            p { "Aucun candidat de ce diplôme que vous puissiez voir n’est laissé de côté." }
        } else {
            details(.open(view.unplanned.count <= openCandidateLimit)) {
                summary { "Liste des candidats non planifiés" }
                dataTable(caption: "Candidats non planifiés, avec ce qui les placerait") {
                    thead {
                        tr {
                            th(scope: .col) { "Candidat" }
                            th(scope: .col) { "Raison" }
                            th(scope: .col) { "Que faire" }
                            th(scope: .col) { "Délai" }
                        }
                    }
                    tbody {
                        for missed in view.unplanned {
                            tr {
                                th(scope: .row) {
                                    a(href: Paths.candidate(missed.id)) {
                                        missed.candidate.map(CandidateText.fullName)
                                            ?? "Candidat " + missed.id
                                    }
                                }
                                td { missed.reason }
                                td { missed.fix }
                                td {
                                    missed.deadlineMissed
                                        ? "Date limite manquée" : "Peut attendre le prochain plan"
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
