import CertifAuth
import CertifHTTP
import CertifStore
import Foundation

extension WebApplication {
    var cookies: SessionCookie { SessionCookie(secure: configuration.secureCookies) }

    /// A session's last request is written only when it is older than this, so that a busy
    /// page does not write on each request; the idle time-out is thus up to a minute late.
    static let touchInterval: TimeInterval = 60

    /// Returns the logged-in person's context, or nil when the request has no valid session cookie:
    /// none, unknown, ended, timed out, or of an account that has been deactivated.
    func context(for request: HTTPRequest) async throws -> WebContext? {
        guard let value = request.cookies[cookies.sessionName],
            let token = SessionToken(cookieValue: value)
        else {
            return nil
        }
        let hash = try token.hash()
        let now = configuration.now()
        let found = try await stores.run { store -> (WebSession, Account)? in
            guard let (session, account, stored) = try store.webSession(tokenHash: hash),
                account.isActive, stored.isActive
            else {
                return nil
            }
            var lifetime = stored
            let state = lifetime.touch(at: now)
            let stale = now.timeIntervalSince(stored.lastSeenAt) >= Self.touchInterval
            if state != .active || stale {
                guard try store.touchWebSession(tokenHash: hash, at: now)?.isActive == true else {
                    return nil
                }
            }
            return (session, account)
        }
        guard let (session, account) = found else {
            return nil
        }
        return WebContext(
            request: request,
            account: account,
            sessionHash: hash,
            csrfSecret: session.csrfSecret,
            application: self
        )
    }

    /// Sends a person without a session to the login page, which brings him back to the page
    /// he asked for once logged in. A posted form cannot be replayed, so a POST comes back to
    /// the home page.
    func redirectToLogin(from request: HTTPRequest) -> HTTPResponse {
        var target = "/connexion"
        if request.method == .get, request.path != "/" {
            var back = request.path
            if !request.query.fields.isEmpty {
                back +=
                    "?"
                    + request.query.fields.map { field in
                        Self.percentEncoded(field.name) + "=" + Self.percentEncoded(field.value)
                    }.joined(separator: "&")
            }
            target += "?suite=" + Self.percentEncoded(back)
        }
        var response = HTTPResponse.redirect(to: target)
        if request.cookies[cookies.sessionName] != nil {
            response.headers.add(name: "Set-Cookie", value: cookies.clearSession())
        }
        return response
    }

    /// Returns the client's address for throttling: the connection's, or behind a trusted reverse
    /// proxy the last address that the proxy added to `X-Forwarded-For`.
    func clientAddress(of request: HTTPRequest) -> String {
        if configuration.trustForwardedFor,
            let forwarded = request.headers.values(for: "X-Forwarded-For").last,
            let last = forwarded.split(separator: ",").last
        {
            let address = last.trimmingCharacters(in: .whitespaces)
            if !address.isEmpty {
                return address
            }
        }
        return request.remoteAddress ?? "inconnue"
    }

    /// Percent-encodes `text` as `Paths.segment` does, keeping its slashes, so that a path
    /// stays readable inside the `suite` parameter.
    static func percentEncoded(_ text: String) -> String {
        text.split(separator: "/", omittingEmptySubsequences: false)
            .map { Paths.segment(String($0)) }
            .joined(separator: "/")
    }

    /// Returns whether `target` is a path of this application, so that the login page never sends a
    /// person to another site ("//example.org", "/\\example.org", "https:…").
    static func isLocalPath(_ target: String) -> Bool {
        guard target.hasPrefix("/"), !target.hasPrefix("//"), !target.contains("\\") else {
            return false
        }
        return !target.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
    }
}
