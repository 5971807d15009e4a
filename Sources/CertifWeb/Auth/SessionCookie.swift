import CertifAuth
import Foundation

/// The cookies of the application: the session, and the login form's own token.
///
/// Behind HTTPS both carry `Secure` and the `__Host-` prefix, which makes the browser refuse
/// one set by another site of the same domain or over plain HTTP.
struct SessionCookie {
    let secure: Bool

    var sessionName: String { secure ? "__Host-certif_session" : "certif_session" }
    var loginFormName: String { secure ? "__Host-certif_connexion" : "certif_connexion" }

    /// The `Set-Cookie` value that gives the browser `token` until it closes: the server
    /// enforces the time-outs itself.
    func setSession(_ token: SessionToken) -> String {
        "\(sessionName)=\(token.cookieValue)" + attributes(sameSite: "Lax")
    }

    func clearSession() -> String {
        "\(sessionName)=" + attributes(sameSite: "Lax") + "; Max-Age=0"
    }

    /// The login form's double-submit token, stricter: it only serves that one form.
    func setLoginForm(_ value: String) -> String {
        "\(loginFormName)=\(value)" + attributes(sameSite: "Strict") + "; Max-Age=3600"
    }

    func clearLoginForm() -> String {
        "\(loginFormName)=" + attributes(sameSite: "Strict") + "; Max-Age=0"
    }

    private func attributes(sameSite: String) -> String {
        "; Path=/; HttpOnly; SameSite=\(sameSite)" + (secure ? "; Secure" : "")
    }
}
