import CertifDomain
import CertifHTML
import CertifHTTP
import CertifServices

/// The form that fixes a session of a published calendar, as typed: its day rows with their
/// date and commissions, and the errors by field name.
struct SessionForm {
    struct Row {
        var date: String
        var commissions: String
    }

    /// Day rows that a new form shows.
    static let initialRows = 3
    /// Day rows at most, more than the working days of the longest session that the default
    /// `sessionSpanDays` of 14 allows.
    static let maxRows = 15

    var diploma = ""
    var organizer = ""
    var id = ""
    var rows: [Row]
    var errors: [String: String] = [:]

    /// Creates an empty form, with the organiser chosen for a person who may fix the sessions
    /// of one territory only.
    init(choices: FixSessionChoices) {
        rows = Array(repeating: Row(date: "", commissions: "1"), count: Self.initialRows)
        if choices.organizers.count == 1 {
            organizer = choices.organizers[0].rawValue
        }
    }

    /// Reads the posted form. Rows with a date move up, in their order, so that the day indexes
    /// of the service's errors name the rows shown again.
    init(posted: PostedForm) {
        diploma = posted.trimmed("diplome")
        organizer = posted.trimmed("organisateur")
        id = posted.trimmed("identifiant")
        let count = min(Self.maxRows, max(1, Int(posted.trimmed("lignes")) ?? Self.initialRows))
        let typed = (1...count).map { number in
            Row(
                date: posted.trimmed("jour-\(number)-date"),
                commissions: posted.trimmed("jour-\(number)-commissions")
            )
        }
        rows = typed.filter { !$0.date.isEmpty }
        while rows.count < max(Self.initialRows, count) {
            rows.append(Row(date: "", commissions: "1"))
        }
    }

    mutating func addDay() {
        if rows.count < Self.maxRows {
            rows.append(Row(date: "", commissions: "1"))
        }
    }

    /// The request for the rows that have a date.
    var request: CalendarSessionRequest {
        CalendarSessionRequest(
            diploma: diploma,
            organizer: organizer,
            days: rows.filter { !$0.date.isEmpty }.map { row in
                CalendarSessionRequest.Day(
                    date: row.date,
                    commissions: row.commissions.utf8.allSatisfy { (48...57).contains($0) }
                        ? Int(row.commissions) : nil
                )
            },
            id: id
        )
    }
}

func sessionFormPage(
    _ context: WebContext,
    form: SessionForm,
    choices: FixSessionChoices,
    status: HTTPStatus = .ok
) throws -> HTTPResponse {
    let reference = context.reference
    let diplomaOptions = choices.diplomas.map {
        SelectOption(value: $0.rawValue, label: PlanningText.diploma($0, reference))
    }
    let organizerOptions = choices.organizers.map {
        SelectOption(value: $0.rawValue, label: PlanningText.service($0, reference))
    }
    let daysError = form.errors[CalendarSessionField.days.formName]
    let fixForm = try context.postForm(action: "/sessions/nouvelle") {
        if !form.errors.isEmpty {
            div(.class("fr-alert", "fr-alert--error", "fr-alert--sm", "fr-mb-3w"), .role("alert")) {
                p { "La session n’est pas fixée : corrigez les champs signalés." }
            }
        }
        input(type: .hidden, .name("lignes"), .value(String(form.rows.count)))
        fieldset(.class("fr-fieldset")) {
            legend(.class("fr-fieldset__legend")) { "Session" }
            div(.class("fr-fieldset__element")) {
                selectField(
                    FormField(
                        name: "diplome",
                        label: "Diplôme",
                        value: form.diploma,
                        error: form.errors["diplome"],
                        isRequired: true
                    ),
                    options: diplomaOptions,
                    placeholder: "Choisir un diplôme"
                )
            }
            div(.class("fr-fieldset__element")) {
                selectField(
                    FormField(
                        name: "organisateur",
                        label: "Service organisateur",
                        value: form.organizer,
                        hint: choices.organizers.count == 1
                            ? "Vous fixez les sessions que votre service organise." : nil,
                        error: form.errors["organisateur"],
                        isRequired: true
                    ),
                    options: organizerOptions,
                    placeholder: choices.organizers.count == 1 ? nil : "Choisir un service"
                )
            }
            div(.class("fr-fieldset__element")) {
                inputField(
                    FormField(
                        name: "identifiant",
                        label: "Identifiant de la session (facultatif)",
                        value: form.id,
                        hint: "Laissé vide, il sera C-DIPLÔME-TERRITOIRE-AAAAMMJJ, du premier "
                            + "jour. Un identifiant commençant par P et un chiffre est réservé "
                            + "aux plans.",
                        error: form.errors["identifiant"]
                    ),
                    .autocomplete("off"),
                    .maxlength(64)
                )
            }
        }
        fieldset(
            .class("fr-fieldset", daysError == nil ? "" : "fr-fieldset--error"),
            .aria("describedby", daysError == nil ? "jours-aide" : "jours-aide jours-erreur")
        ) {
            legend(.class("fr-fieldset__legend")) { "Jours d’examen" }
            p(.id("jours-aide"), .class("fr-hint-text", "fr-fieldset__element")) {
                "Des jours ouvrés de l’organisateur, après aujourd’hui, sur "
                    + "\(choices.sessionSpanDays + 1) jours au plus du premier au dernier, avec "
                    + "1 à \(choices.maxCommissionsPerDay) commissions chacun en comptant les "
                    + "autres sessions du service ce jour-là. Laissez vides les lignes inutiles."
            }
            if let daysError {
                p(.id("jours-erreur"), .class("fr-error-text", "fr-fieldset__element")) {
                    daysError
                }
            }
            for (index, row) in form.rows.enumerated() {
                dayRow(
                    number: index + 1,
                    row: row,
                    form: form,
                    maxCommissions: choices.maxCommissionsPerDay
                )
            }
        }
        ul(.class("fr-btns-group", "fr-btns-group--inline-md")) {
            li {
                button(type: .submit, .class("fr-btn"), .name("etape"), .value("enregistrer")) {
                    "Fixer la session"
                }
            }
            if form.rows.count < SessionForm.maxRows {
                li {
                    button(
                        type: .submit,
                        .class("fr-btn", "fr-btn--secondary"),
                        .name("etape"),
                        .value("ajouter")
                    ) { "Ajouter un jour" }
                }
            }
        }
    }
    return try context.page(title: "Fixer une session", status: status) {
        h1 { "Fixer une session" }
        p(.class("fr-text--lead")) {
            "Enregistrez une session d’un calendrier publié : les quatre organisateurs nationaux "
                + "publient le leur avant le 31 janvier (R6). La session n’a pas encore de "
                + "candidat ; le prochain plan la remplira en premier, sans déplacer ses jours."
        }
        fixForm
        p { a(href: "/sessions", .class("fr-link")) { "Retour aux sessions" } }
    }
}

private func dayRow(
    number: Int,
    row: SessionForm.Row,
    form: SessionForm,
    maxCommissions: Int
) -> Node {
    let dateName = CalendarSessionField.date(number - 1).formName
    let commissionsName = CalendarSessionField.commissions(number - 1).formName
    return div(.class("fr-fieldset__element", "fr-grid-row", "fr-grid-row--gutters")) {
        div(.class("fr-col-12", "fr-col-md-6")) {
            inputField(
                FormField(
                    name: dateName,
                    label: "Jour \(number) : date",
                    value: row.date,
                    hint: "JJ/MM/AAAA",
                    error: form.errors[dateName]
                ),
                .autocomplete("off")
            )
        }
        div(.class("fr-col-12", "fr-col-md-6")) {
            inputField(
                FormField(
                    name: commissionsName,
                    label: "Jour \(number) : commissions",
                    value: row.commissions,
                    hint: "De 1 à \(maxCommissions)",
                    error: form.errors[commissionsName]
                ),
                type: .number,
                .min("1"),
                .max(String(maxCommissions)),
                .step("1")
            )
        }
    }
}
