import CertifAuth
import CertifHTML
import CertifHTTP
import CertifServices
import CertifStore

/// The account form as typed, with its errors.
struct NewAccountForm {
    var request = NewAccountRequest(login: "", displayName: "", role: "", territory: "")
    var errors: [String: String] = [:]
}

func accountListPage(
    _ context: WebContext,
    accounts: [AccountSummary],
    problem: String? = nil,
    status: HTTPStatus = .ok
) throws -> HTTPResponse {
    var rows: [Node] = []
    for summary in accounts {
        rows.append(try accountRow(context, summary))
    }
    return try context.page(title: "Comptes", status: status) {
        h1 { "Comptes" }
        if let problem {
            formErrorSummary(problem)
        }
        p {
            "Chaque personne a son compte. Un compte désactivé ne peut plus se connecter et "
                + "ses jetons d’API ne fonctionnent plus, mais il reste dans le journal."
        }
        p { a(href: "/comptes/nouveau", .class("fr-btn")) { "Créer un compte" } }
        dataTable(caption: "Comptes de Certif, par identifiant") {
            thead {
                tr {
                    th(scope: .col) { "Identifiant" }
                    th(scope: .col) { "Nom" }
                    th(scope: .col) { "Rôle" }
                    th(scope: .col) { "Territoire" }
                    th(scope: .col) { "État" }
                    th(scope: .col) { "Dernière connexion" }
                    th(scope: .col) { "Actions" }
                }
            }
            tbody { rows }
        }
    }
}

private func accountRow(_ context: WebContext, _ summary: AccountSummary) throws -> Node {
    let account = summary.account
    let toggle = account.isActive ? "desactiver" : "activer"
    let toggleForm = try context.postForm(
        action: Paths.account(account.id, toggle),
        .class("certif-inline-form")
    ) {
        button(type: .submit, .class("fr-btn", "fr-btn--sm", "fr-btn--secondary")) {
            account.isActive ? "Désactiver" : "Activer"
            span(.class("fr-sr-only")) { " le compte " + account.login }
        }
    }
    let resetForm = try context.postForm(
        action: Paths.account(account.id, "mot-de-passe"),
        .class("certif-inline-form")
    ) {
        button(type: .submit, .class("fr-btn", "fr-btn--sm", "fr-btn--tertiary")) {
            "Nouveau mot de passe"
            span(.class("fr-sr-only")) { " pour " + account.login }
        }
    }
    var territory = "—"
    if case .regionalOfficer(let code) = account.role {
        territory = context.reference.territory(code)?.name ?? code.rawValue
    }
    return tr {
        th(scope: .row) { account.login }
        td { account.displayName }
        td { roleName(account.role) }
        td { territory }
        td { account.isActive ? "Actif" : "Désactivé" }
        td { summary.lastLoginAt.map(ParisTime.text) ?? "Jamais" }
        td {
            ul(.class("fr-btns-group", "fr-btns-group--sm", "fr-btns-group--inline")) {
                li { toggleForm }
                li { resetForm }
                li {
                    a(
                        href: Paths.accountTokens(account.id),
                        .class("fr-btn", "fr-btn--sm", "fr-btn--tertiary")
                    ) {
                        "Jetons d’API (\(summary.activeTokenCount))"
                        span(.class("fr-sr-only")) { " de " + account.login }
                    }
                }
            }
        }
    }
}

/// Returns the role without the territory, which the list shows in a column of its own.
private func roleName(_ role: Role) -> String {
    switch role {
    case .nationalAdministrator: return "Administrateur national"
    case .regionalOfficer: return "Agent de certification"
    case .nationalReader: return "Lecteur national"
    }
}

func newAccountPage(
    _ context: WebContext,
    form: NewAccountForm,
    status: HTTPStatus = .ok
) throws -> HTTPResponse {
    typealias Field = NewAccountRequest.Field
    typealias RoleName = NewAccountRequest.RoleName
    let request = form.request
    let errors = form.errors
    let accountForm = try context.postForm(action: "/comptes/nouveau") {
        if !errors.isEmpty {
            formErrorSummary("Le compte n’a pas été créé : corrigez les champs signalés.")
        }
        inputField(
            FormField(
                name: Field.login,
                label: "Identifiant",
                value: request.login,
                hint: "Ce que la personne tapera pour se connecter, sans espace : "
                    + "marie.dupont. Les majuscules ne comptent pas.",
                error: errors[Field.login],
                isRequired: true
            ),
            .autocomplete("off"),
            .maxlength(CertifStore.maxLoginLength)
        )
        inputField(
            FormField(
                name: Field.displayName,
                label: "Nom",
                value: request.displayName,
                hint: "Tel que les pages et le journal l’afficheront : Marie Dupont.",
                error: errors[Field.displayName],
                isRequired: true
            ),
            .autocomplete("off"),
            .maxlength(CertifStore.maxDisplayNameLength)
        )
        choiceFieldset(
            name: Field.role,
            legend: "Rôle",
            type: .radio,
            choices: [
                Choice(
                    value: RoleName.officer,
                    label: "Agent de certification d’un service régional : ses candidats, "
                        + "ses plans et ses sessions",
                    isChecked: request.role == RoleName.officer
                ),
                Choice(
                    value: RoleName.administrator,
                    label: "Administrateur national : référentiel, réglages, comptes et "
                        + "tous les candidats",
                    isChecked: request.role == RoleName.administrator
                ),
                Choice(
                    value: RoleName.reader,
                    label: "Lecteur national : les statistiques seulement, sans donnée "
                        + "personnelle",
                    isChecked: request.role == RoleName.reader
                ),
            ],
            idPrefix: "compte-role",
            error: errors[Field.role]
        )
        selectField(
            FormField(
                name: Field.territory,
                label: "Territoire du service",
                value: request.territory,
                hint: "Pour un agent de certification seulement.",
                error: errors[Field.territory]
            ),
            options: context.reference.territories.map {
                SelectOption(value: $0.code.rawValue, label: $0.name + " : " + $0.serviceName)
            },
            placeholder: "Aucun"
        )
        button(type: .submit, .class("fr-btn")) { "Créer le compte" }
    }
    return try context.page(title: "Nouveau compte", status: status) {
        h1 { "Nouveau compte" }
        p {
            "Certif crée un mot de passe à usage unique, affiché une seule fois sur la page "
                + "suivante. La personne le remplace sous « Mon compte »."
        }
        accountForm
        p { a(href: "/comptes", .class("fr-link")) { "Retour aux comptes" } }
    }
}

func accountCreatedPage(_ context: WebContext, created: CreatedAccount) throws -> HTTPResponse {
    let account = created.account
    return try context.page(title: "Compte créé") {
        h1 { "Compte créé" }
        dl(.class("certif-facts")) {
            dt { "Identifiant" }
            dd { account.login }
            dt { "Nom" }
            dd { account.displayName }
            dt { "Rôle" }
            dd { RoleText.describe(account.role, reference: context.reference) }
        }
        oneTimeSecret(
            title: "Mot de passe à usage unique",
            secret: created.oneTimePassword,
            advice: "Transmettez-le à la personne par un moyen sûr, séparé de son identifiant. "
                + "Il ne sera plus affiché : s’il se perd, donnez-lui un nouveau mot de passe "
                + "depuis la liste des comptes."
        )
        p { a(href: "/comptes", .class("fr-link")) { "Retour aux comptes" } }
    }
}

func passwordResetPage(
    _ context: WebContext,
    account: Account,
    password: String
) throws -> HTTPResponse {
    try context.page(title: "Nouveau mot de passe") {
        h1 { "Nouveau mot de passe" }
        p {
            "Le compte " + account.login + " (" + account.displayName + ") a un nouveau mot de "
                + "passe. Ses sessions ouvertes sont fermées ; ses jetons d’API restent valides."
        }
        if account.id == context.account.id {
            p { "C’est votre propre compte : reconnectez-vous avec ce mot de passe." }
        }
        oneTimeSecret(
            title: "Mot de passe à usage unique",
            secret: password,
            advice: "Transmettez-le à la personne par un moyen sûr. Il ne sera plus affiché. "
                + "Elle le remplacera sous « Mon compte »."
        )
        p { a(href: "/comptes", .class("fr-link")) { "Retour aux comptes" } }
    }
}

/// Builds the box that shows a password or token once.
func oneTimeSecret(title: String, secret: String, advice: String) -> Node {
    div(.class("fr-alert", "fr-alert--warning", "fr-mb-4w")) {
        h2(.class("fr-alert__title")) { title }
        p { code(.class("certif-secret")) { secret } }
        p { advice }
    }
}
