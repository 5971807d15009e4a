import CertifDomain
import CertifHTML
import CertifServices
import CertifStore

/// Builds the section of the national pooling scheme in effect, then one form per diploma
/// for the VAE route and per other route that has rules.
func schemeSection(
    _ context: WebContext,
    overview: ReferenceOverview,
    form: SchemeFormState?
) throws -> Node {
    let reference = overview.reference
    let rules = reference.scheme.rules
    var forms: [Node] = []
    for diploma in reference.diplomas {
        for route in AccessRoute.allCases {
            let hasRules = rules.contains { $0.diploma == diploma.code && $0.route == route }
            // The national scheme covers the VAE route, so a form for the training route only
            // shows when the scheme already has rules for it.
            guard route == .vae || hasRules else {
                continue
            }
            let sentBack =
                form.flatMap {
                    $0.diploma == diploma.code.rawValue && $0.route == route.rawValue ? $0 : nil
                }
            forms.append(
                try schemeForm(
                    context,
                    diploma: diploma,
                    route: route,
                    overview: overview,
                    sentBack: sentBack
                )
            )
        }
    }
    return section(.id("dispositif"), .class("fr-mb-6w")) {
        h2 { "Dispositif national de mutualisation" }
        p {
            "Règle R5 : les candidats de ces diplômes sont affectés d’office au service "
                + "organisateur, quel que soit leur territoire de domiciliation parmi ceux "
                + "indiqués. Une modification s’applique au prochain plan, pas aux sessions "
                + "déjà fixées."
        }
        dataTable(caption: "Dispositif national en vigueur") {
            thead {
                tr {
                    th(scope: .col) { "Diplôme" }
                    th(scope: .col) { "Voie" }
                    th(scope: .col) { "Candidats domiciliés en" }
                    th(scope: .col) { "Service organisateur" }
                    th(scope: .col) { "Origine" }
                }
            }
            tbody {
                if rules.isEmpty {
                    tr { td(.colspan(5)) { "Aucun diplôme n’est dans le dispositif national." } }
                }
                for rule in rules {
                    tr {
                        th(scope: .row) { rule.diploma.rawValue }
                        td { routeLabel(rule.route) }
                        td { homeText(rule.homeTerritories, reference: reference) }
                        td {
                            reference.territory(rule.organizer)?.serviceName
                                ?? rule.organizer.rawValue
                        }
                        td { originText(rule.diploma, rule.route, overview: overview) }
                    }
                }
            }
        }
        removedPairs(overview)
        h3 { "Modifier le dispositif" }
        p(.class("fr-text--sm")) {
            "Choisissez « aucun organisateur » pour sortir un diplôme du dispositif national."
        }
        forms
    }
}

/// Lists the pairs that an administrator took out of the shipped scheme, which the table of
/// rules in effect no longer shows.
private func removedPairs(_ overview: ReferenceOverview) -> Node {
    let removed = overview.overrides.filter(\.rules.isEmpty)
    return Node.fragment {
        if !removed.isEmpty {
            p(.class("fr-text--sm")) {
                "Sortis du dispositif livré avec Certif : "
                    + removed.map { "\($0.diploma) (\(routeLabel($0.route)))" }.joined(
                        separator: ", "
                    )
                    + "."
            }
        }
    }
}

private func schemeForm(
    _ context: WebContext,
    diploma: Diploma,
    route: AccessRoute,
    overview: ReferenceOverview,
    sentBack: SchemeFormState?
) throws -> Node {
    typealias Field = SchemeRuleChange.Field
    let reference = overview.reference
    let anchor = SchemeFormState.anchor(diploma: diploma.code.rawValue, route: route.rawValue)
    let current = reference.scheme.rules.first { $0.diploma == diploma.code && $0.route == route }
    let organizer = sentBack?.organizer ?? current?.organizer.rawValue ?? ""
    let coverage =
        sentBack?.coverage
        ?? (current?.homeTerritories == nil
            ? SchemeRuleChange.Coverage.all : SchemeRuleChange.Coverage.list)
    let homes = sentBack?.homeTerritories ?? Set((current?.homeTerritories ?? []).map(\.rawValue))
    let errors = sentBack?.errors ?? [:]
    let action =
        "/referentiel/dispositif/" + Paths.segment(diploma.code.rawValue) + "/"
        + Paths.segment(route.rawValue)
    let summaryText =
        diploma.code.rawValue + ", voie " + routeLabel(route) + " : "
        + (current.map { rule in
            "organisé par " + (reference.territory(rule.organizer)?.name ?? rule.organizer.rawValue)
        } ?? "hors du dispositif")
    let body = try context.postForm(action: action) {
        if !errors.isEmpty {
            formErrorSummary("Le dispositif n’a pas été modifié : corrigez les champs signalés.")
        }
        selectField(
            FormField(
                name: Field.organizer,
                label: "Service organisateur",
                value: organizer,
                error: errors[Field.organizer],
                id: anchor + "-organisateur"
            ),
            options: reference.territories.map {
                SelectOption(value: $0.code.rawValue, label: $0.serviceName)
            },
            placeholder: "Aucun organisateur : hors du dispositif national"
        )
        choiceFieldset(
            name: Field.coverage,
            legend: "Candidats concernés",
            type: .radio,
            choices: [
                Choice(
                    value: SchemeRuleChange.Coverage.all,
                    label: "Ceux de tout le territoire servi par Certif",
                    isChecked: coverage == SchemeRuleChange.Coverage.all
                ),
                Choice(
                    value: SchemeRuleChange.Coverage.list,
                    label: "Ceux des territoires de domiciliation cochés ci-dessous",
                    isChecked: coverage == SchemeRuleChange.Coverage.list
                ),
            ],
            idPrefix: anchor + "-portee",
            error: errors[Field.coverage]
        )
        choiceFieldset(
            name: Field.homeTerritories,
            legend: "Territoires de domiciliation",
            hint: "Pris en compte quand « territoires cochés » est choisi.",
            type: .checkbox,
            choices: reference.territories.map { territory in
                Choice(
                    value: territory.code.rawValue,
                    label: territory.name + " (" + territory.code.rawValue + ")",
                    isChecked: homes.contains(territory.code.rawValue)
                )
            },
            idPrefix: anchor + "-territoires",
            error: errors[Field.homeTerritories],
            inline: true
        )
        button(type: .submit, .class("fr-btn")) {
            "Enregistrer le dispositif du " + diploma.code.rawValue
        }
    }
    return details(.id(anchor), .class("fr-mb-2w"), .open(sentBack != nil)) {
        summary { summaryText }
        div(.class("fr-p-2w")) { body }
    }
}

private func homeText(_ homes: [TerritoryCode]?, reference: ReferenceData) -> String {
    guard let homes else {
        return "Tout le territoire"
    }
    return homes.map { reference.territory($0)?.name ?? $0.rawValue }.joined(separator: ", ")
}

private func originText(
    _ diploma: DiplomaCode,
    _ route: AccessRoute,
    overview: ReferenceOverview
) -> String {
    guard
        let change = overview.overrides.first(where: {
            $0.diploma == diploma && $0.route == route
        })
    else {
        return "Livré avec Certif"
    }
    return "Modifié le " + ParisTime.text(change.updatedAt) + " par " + change.updatedBy
}

/// "VAE" or "formation".
private func routeLabel(_ route: AccessRoute) -> String {
    switch route {
    case .training: return "formation"
    case .vae: return "VAE"
    }
}
