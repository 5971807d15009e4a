import CertifAuth
import CertifHTML
import CertifHTTP

/// What the login form shows again after a failed attempt.
struct LoginForm {
    var login = ""
    var suite: String?
    var loginError: String?
    var passwordError: String?
    /// The message above the form: wrong password, throttling, expired form.
    var message: String?
}

extension WebApplication {
    /// The login page, with a new double-submit token in its form and its cookie.
    func loginPage(
        request: HTTPRequest,
        form: LoginForm,
        status: HTTPStatus = .ok
    ) throws -> HTTPResponse {
        let token = try SessionToken.generate().cookieValue
        let loggedOut = request.query["fin"] == "1"
        let document = layout(navigation: []).page(title: "Connexion") {
            div(.class("fr-grid-row", "fr-grid-row--center")) {
                div(.class("fr-col-12", "fr-col-md-8", "fr-col-lg-6")) {
                    h1 { "Connexion à Certif" }
                    if loggedOut, form.message == nil {
                        div(.class("fr-alert", "fr-alert--info", "fr-alert--sm", "fr-mb-3w")) {
                            p { "Vous êtes déconnecté." }
                        }
                    }
                    if let message = form.message {
                        div(
                            .class("fr-alert", "fr-alert--error", "fr-alert--sm", "fr-mb-3w"),
                            Attribute("role", "alert")
                        ) {
                            p { message }
                        }
                    }
                    CertifHTML.form(action: "/connexion", method: .post) {
                        csrfInput(token: token)
                        if let suite = form.suite, Self.isLocalPath(suite) {
                            input(type: .hidden, .name("suite"), .value(suite))
                        }
                        fieldset(.class("fr-fieldset")) {
                            legend(.class("fr-fieldset__legend")) {
                                "Saisissez l’identifiant et le mot de passe de votre compte."
                            }
                            div(.class("fr-fieldset__element")) {
                                inputField(
                                    FormField(
                                        name: "identifiant",
                                        label: "Identifiant",
                                        value: form.login,
                                        error: form.loginError,
                                        isRequired: true
                                    ),
                                    .autocomplete("username"),
                                    .maxlength(60)
                                )
                            }
                            div(.class("fr-fieldset__element")) {
                                inputField(
                                    FormField(
                                        name: "mot_de_passe",
                                        label: "Mot de passe",
                                        error: form.passwordError,
                                        isRequired: true
                                    ),
                                    type: .password,
                                    .autocomplete("current-password"),
                                    .maxlength(1024)
                                )
                            }
                            div(.class("fr-fieldset__element")) {
                                button(type: .submit, .class("fr-btn")) { "Se connecter" }
                            }
                        }
                    }
                    p(.class("fr-text--sm", "fr-mt-3w")) {
                        "Mot de passe oublié : demandez à un administrateur national de vous en "
                        "donner un nouveau."
                    }
                }
            }
        }
        var response = HTTPResponse.html(document.render(), status: status)
        response.headers.add(name: "Set-Cookie", value: cookies.setLoginForm(token))
        return response
    }

    func accessibilityPage() -> HTTPResponse {
        let document = layout(navigation: []).page(title: "Accessibilité") {
            h1 { "Déclaration d’accessibilité" }
            p {
                "Certif n’a pas encore fait l’objet d’un audit de conformité au référentiel "
                "général d’amélioration de l’accessibilité (RGAA) : il est donc non conforme "
                "au sens de la loi. Chaque page principale est vérifiée automatiquement par "
                "axe-core, sans violation grave ou critique admise."
            }
            p { a(href: "/", .class("fr-link")) { "Retour à l’accueil" } }
        }
        return .html(document.render())
    }
}
