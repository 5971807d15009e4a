import CertifAuth
import CertifHTML
import CertifHTTP
import CertifServices

extension WebApplication {
    func addAccountRoutes(to routes: inout WebRouter) {
        routes.page("/compte") { context in
            try accountPage(context, form: PasswordForm())
        }
        routes.action("/compte/mot-de-passe") { [self] context, posted in
            let current = posted["actuel"] ?? ""
            let new = posted["nouveau"] ?? ""
            let confirmation = posted["confirmation"] ?? ""
            let hasher = configuration.passwordHasher
            do {
                _ = try await context.services { services in
                    try services.changePassword(
                        current: current,
                        new: new,
                        confirmation: confirmation,
                        hasher: hasher
                    )
                }
            } catch let error as ServiceError where error.code == .invalid {
                return try accountPage(
                    context,
                    form: PasswordForm(errors: error.fieldErrors),
                    status: .unprocessableContent
                )
            }
            // Changing the password ended every session, this one too: the browser that
            // changed it gets a new one.
            let token = try await openSession(for: context.account, replacing: context.request)
            var response = HTTPResponse.redirect(to: "/compte")
            response.headers.add(name: "Set-Cookie", value: cookies.setSession(token))
            let hash = try token.hash()
            flash.set(
                "Votre mot de passe a été changé. Vos autres sessions sont fermées.",
                for: hash
            )
            return response
        }
    }
}

/// The rules of `PasswordPolicy` in French, as the form's hint.
private let passwordHint: String = {
    let policy = PasswordPolicy()
    return "Au moins \(policy.minimumLength) caractères, de \(policy.minimumCharacterClasses) "
        + "types ou plus parmi minuscules, majuscules, chiffres et autres signes."
}()

/// The errors of the password form; the passwords themselves are never sent back.
struct PasswordForm {
    var errors: [String: String] = [:]
}

private func accountPage(
    _ context: WebContext,
    form: PasswordForm,
    status: HTTPStatus = .ok
) throws -> HTTPResponse {
    let account = context.account
    let passwordForm = try context.postForm(action: "/compte/mot-de-passe") {
        fieldset(.class("fr-fieldset")) {
            legend(.class("fr-fieldset__legend")) { "Changer de mot de passe" }
            div(.class("fr-fieldset__element")) {
                inputField(
                    FormField(
                        name: "actuel",
                        label: "Mot de passe actuel",
                        error: form.errors["actuel"],
                        isRequired: true
                    ),
                    type: .password,
                    .autocomplete("current-password")
                )
            }
            div(.class("fr-fieldset__element")) {
                inputField(
                    FormField(
                        name: "nouveau",
                        label: "Nouveau mot de passe",
                        hint: passwordHint,
                        error: form.errors["nouveau"],
                        isRequired: true
                    ),
                    type: .password,
                    .autocomplete("new-password")
                )
            }
            div(.class("fr-fieldset__element")) {
                inputField(
                    FormField(
                        name: "confirmation",
                        label: "Confirmation du nouveau mot de passe",
                        error: form.errors["confirmation"],
                        isRequired: true
                    ),
                    type: .password,
                    .autocomplete("new-password")
                )
            }
            div(.class("fr-fieldset__element")) {
                button(type: .submit, .class("fr-btn")) { "Changer le mot de passe" }
            }
        }
    }
    return try context.page(title: "Mon compte", status: status) {
        h1 { "Mon compte" }
        dl(.class("certif-facts")) {
            dt { "Nom" }
            dd { account.displayName }
            dt { "Identifiant" }
            dd { account.login }
            dt { "Rôle" }
            dd { RoleText.describe(account.role, reference: context.reference) }
        }
        if !form.errors.isEmpty {
            div(.class("fr-alert", "fr-alert--error", "fr-alert--sm", "fr-mb-3w")) {
                p { "Le mot de passe n’a pas été changé : corrigez les champs signalés." }
            }
        }
        passwordForm
    }
}
