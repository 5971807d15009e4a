import CertifAuth
import CertifHTML
import CertifHTTP
import CertifServices
import CertifStore

/// The token form as typed, with its errors.
struct TokenForm {
    var name = ""
    var errors: [String: String] = [:]
}

func tokensPage(
    _ context: WebContext,
    account: Account,
    tokens: [APITokenRecord],
    form: TokenForm,
    status: HTTPStatus = .ok
) throws -> HTTPResponse {
    let title = "Jetons d’API de " + account.login
    var rows: [Node] = []
    for token in tokens.reversed() {
        rows.append(try tokenRow(context, account: account, token: token))
    }
    let nameField = CertifServices.apiTokenNameField
    let createForm = try context.postForm(action: Paths.accountTokens(account.id)) {
        if !form.errors.isEmpty {
            formErrorSummary("Le jeton n’a pas été créé : corrigez le champ signalé.")
        }
        inputField(
            FormField(
                name: nameField,
                label: "Nom du jeton",
                value: form.name,
                hint: "Le système qui l’utilisera, comme « ASP » ou « tableau de bord "
                    + "régional ».",
                error: form.errors[nameField],
                isRequired: true
            ),
            .autocomplete("off"),
            .maxlength(CertifStore.maxAPITokenNameLength)
        )
        button(type: .submit, .class("fr-btn")) { "Créer un jeton" }
    }
    return try context.page(title: title, status: status) {
        h1 { title }
        p {
            "Un jeton donne à un autre système l’accès à l’API de Certif avec les droits du "
                + "compte " + account.login + " (" + account.displayName + "). Certif n’en "
                + "garde que l’empreinte : le jeton n’est affiché qu’à sa création."
        }
        if !account.isActive {
            p(.class("fr-text--bold")) {
                "Ce compte est désactivé : ses jetons ne fonctionnent pas, et aucun ne peut lui "
                    + "être créé."
            }
        }
        if rows.isEmpty {
            p { "Ce compte n’a aucun jeton." }
        } else {
            dataTable(caption: "Jetons du compte " + account.login + ", le plus récent d’abord") {
                thead {
                    tr {
                        th(scope: .col) { "N°" }
                        th(scope: .col) { "Nom" }
                        th(scope: .col) { "Créé le" }
                        th(scope: .col) { "Dernière utilisation" }
                        th(scope: .col) { "État" }
                        th(scope: .col) { "Action" }
                    }
                }
                tbody { rows }
            }
        }
        if account.isActive {
            h2 { "Nouveau jeton" }
            createForm
        }
        p { a(href: "/comptes", .class("fr-link")) { "Retour aux comptes" } }
    }
}

private func tokenRow(
    _ context: WebContext,
    account: Account,
    token: APITokenRecord
) throws -> Node {
    let revokeForm = try context.postForm(
        action: Paths.accountTokens(account.id) + "/\(token.id)/revoquer",
        .class("certif-inline-form")
    ) {
        button(type: .submit, .class("fr-btn", "fr-btn--sm", "fr-btn--secondary")) {
            "Révoquer"
            span(.class("fr-sr-only")) { " le jeton n° \(token.id)" }
        }
    }
    return tr {
        td { String(token.id) }
        th(scope: .row) { token.name }
        td { ParisTime.text(token.createdAt) }
        td { token.lastUsedAt.map(ParisTime.text) ?? "Jamais" }
        td { token.revokedAt.map { "Révoqué le " + ParisTime.text($0) } ?? "Valide" }
        td {
            if !token.isRevoked {
                revokeForm
            }
        }
    }
}

func tokenCreatedPage(
    _ context: WebContext,
    account: Account,
    token: CreatedAPIToken
) throws -> HTTPResponse {
    try context.page(title: "Jeton d’API créé") {
        h1 { "Jeton d’API créé" }
        p {
            "Le jeton n° \(token.id) « " + token.name + " » donne accès à l’API avec les droits du "
                + "compte " + account.login + "."
        }
        oneTimeSecret(
            title: "Jeton",
            secret: token.text,
            advice: "Copiez-le maintenant dans la configuration du système qui l’utilisera. "
                + "Certif n’en garde que l’empreinte et ne pourra plus l’afficher : s’il se "
                + "perd, révoquez-le et créez-en un autre."
        )
        p {
            a(href: Paths.accountTokens(account.id), .class("fr-link")) {
                "Retour aux jetons du compte"
            }
        }
    }
}
