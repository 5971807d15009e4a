import CertifAuth
import CertifHTML
import CertifHTTP
import CertifStore
import Foundation

extension WebApplication {
    func addAuthenticationRoutes(to routes: inout WebRouter) {
        routes.open(.get, "/connexion") { [self] request in
            if try await context(for: request) != nil {
                return .redirect(to: safeTarget(request.query["suite"]))
            }
            return try loginPage(request: request, form: LoginForm(suite: request.query["suite"]))
        }
        routes.open(.post, "/connexion") { [self] request in
            try await login(request)
        }
        routes.action("/deconnexion") { [self] context, _ in
            let now = configuration.now()
            let hash = context.sessionHash
            _ = try await stores.run { store in
                try store.endWebSession(tokenHash: hash, reason: .loggedOut, at: now)
            }
            var response = HTTPResponse.redirect(to: "/connexion?fin=1")
            response.headers.add(name: "Set-Cookie", value: cookies.clearSession())
            return response
        }
        routes.open(.get, "/accessibilite") { [self] _ in
            accessibilityPage()
        }
    }

    private func safeTarget(_ suite: String?) -> String {
        guard let suite, Self.isLocalPath(suite), !suite.hasPrefix("/connexion") else {
            return "/"
        }
        return suite
    }

    /// Checks the login form and, when the password is right, opens a new session.
    ///
    /// A session cookie that the browser brought is never reused: the session gets a new
    /// random token, so an attacker who planted a cookie before login learns nothing.
    private func login(_ request: HTTPRequest) async throws -> HTTPResponse {
        let posted = try PostedForm(request)
        var form = LoginForm(login: posted.trimmed("identifiant"), suite: posted["suite"])
        let password = posted["mot_de_passe"] ?? ""
        guard Self.matchesLoginFormCookie(posted[csrfFieldName], request: request, cookies) else {
            form.message =
                "Le formulaire de connexion a expiré. Saisissez de nouveau vos "
                + "identifiants."
            return try loginPage(request: request, form: form, status: .forbidden)
        }
        if form.login.isEmpty { form.loginError = "Saisissez votre identifiant." }
        if password.isEmpty { form.passwordError = "Saisissez votre mot de passe." }
        guard form.loginError == nil, form.passwordError == nil else {
            return try loginPage(request: request, form: form, status: .unprocessableContent)
        }
        let now = configuration.now()
        let address = clientAddress(of: request)
        let decision = throttle.decision(login: form.login, address: address, at: now)
        guard decision == .allow else {
            form.message = decision.message
            var response = try loginPage(request: request, form: form, status: .tooManyRequests)
            if case .reject(let retryAfter, _) = decision {
                response.headers.add(
                    name: "Retry-After",
                    value: String(Int(retryAfter.rounded(.up)))
                )
            }
            return response
        }
        let hasher = configuration.passwordHasher
        let login = form.login
        let account = try await stores.run { store -> Account? in
            let credentials = try store.account(login: login)
            guard try hasher.verify(password, against: credentials?.passwordHash),
                let credentials, credentials.account.isActive
            else {
                return nil
            }
            if try hasher.needsRehash(credentials.passwordHash) {
                try store.rehashPassword(
                    accountID: credentials.account.id,
                    passwordHash: try hasher.hash(password),
                    actor: .web(credentials.account)
                )
            }
            return credentials.account
        }
        guard let account else {
            throttle.recordFailure(login: form.login, address: address, at: now)
            logger.notice("login failed", metadata: ["request.id": .string(request.id)])
            form.message = "Identifiant ou mot de passe incorrect."
            return try loginPage(request: request, form: form, status: .unauthorized)
        }
        throttle.recordSuccess(login: form.login, address: address, at: now)
        var response = HTTPResponse.redirect(to: safeTarget(form.suite))
        response.headers.add(
            name: "Set-Cookie",
            value: cookies.setSession(try await openSession(for: account, replacing: request))
        )
        response.headers.add(name: "Set-Cookie", value: cookies.clearLoginForm())
        return response
    }

    /// Opens a web session for `account`, first ending the one that `request` carried.
    func openSession(
        for account: Account,
        replacing request: HTTPRequest
    ) async throws
        -> SessionToken
    {
        let token = try SessionToken.generate()
        let hash = try token.hash()
        let secret = try CSRFSecret.generate()
        let now = configuration.now()
        let lifetime = SessionLifetime(createdAt: now, policy: configuration.sessionPolicy)
        let previous = request.cookies[cookies.sessionName].flatMap(SessionToken.init)
        let previousHash = try previous?.hash()
        let address = clientAddress(of: request)
        try await stores.run { store in
            if let previousHash {
                try store.endWebSession(tokenHash: previousHash, reason: .revoked, at: now)
            }
            try store.createWebSession(
                tokenHash: hash,
                accountID: account.id,
                csrfSecret: secret,
                lifetime: lifetime,
                remoteAddress: address
            )
        }
        return token
    }

    /// Whether the login form's token matches the cookie set with the form (double submit):
    /// another site can make a browser post the form, but cannot read or set the cookie.
    private static func matchesLoginFormCookie(
        _ token: String?,
        request: HTTPRequest,
        _ cookies: SessionCookie
    ) -> Bool {
        guard let token, let cookie = request.cookies[cookies.loginFormName], !cookie.isEmpty,
            token.utf8.count == cookie.utf8.count
        else {
            return false
        }
        var difference: UInt8 = 0
        for (left, right) in zip(token.utf8, cookie.utf8) {
            difference |= left ^ right
        }
        return difference == 0
    }
}
