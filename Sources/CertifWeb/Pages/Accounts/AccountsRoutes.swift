import CertifAuth
import CertifHTML
import CertifHTTP
import CertifServices

// The Comptes pages, for national administrators only: the services throw `notFound` for
// every other role, so each of these routes is a 404 for them. A one-time password or API
// token is written in the response to the POST that made it, never stored or put in a URL,
// so no later request shows it again.

extension WebApplication {
    func addAccountsRoutes(to routes: inout WebRouter) {
        routes.page("/comptes") { context in
            let accounts = try await context.services { services in
                try services.accountSummaries()
            }
            return try accountListPage(context, accounts: accounts)
        }
        routes.page("/comptes/nouveau") { context in
            try await context.services { services in
                try services.require(.write(.accounts))
            }
            return try newAccountPage(context, form: NewAccountForm())
        }
        routes.action("/comptes/nouveau") { [self] context, posted in
            try await postNewAccount(context, posted: posted, hasher: configuration.passwordHasher)
        }
        routes.action("/comptes/:id/desactiver") { context, _ in
            try await postActive(context, active: false)
        }
        routes.action("/comptes/:id/activer") { context, _ in
            try await postActive(context, active: true)
        }
        routes.action("/comptes/:id/mot-de-passe") { [self] context, _ in
            let id = try accountID(in: context)
            let hasher = configuration.passwordHasher
            let (account, password) = try await context.services { services in
                let account = try services.managedAccount(id: id)
                return (account, try services.resetPassword(id: id, hasher: hasher))
            }
            return try passwordResetPage(context, account: account, password: password)
        }
        addTokenRoutes(to: &routes)
    }

    private func addTokenRoutes(to routes: inout WebRouter) {
        routes.page("/comptes/:id/jetons") { context in
            let id = try accountID(in: context)
            let (account, tokens) = try await context.services { services in
                (try services.managedAccount(id: id), try services.apiTokens(accountID: id))
            }
            return try tokensPage(context, account: account, tokens: tokens, form: TokenForm())
        }
        routes.action("/comptes/:id/jetons") { context, posted in
            let id = try accountID(in: context)
            let name = posted["nom"] ?? ""
            do {
                let (account, created) = try await context.services { services in
                    let created = try services.createAPIToken(accountID: id, name: name)
                    return (try services.managedAccount(id: id), created)
                }
                return try tokenCreatedPage(context, account: account, token: created)
            } catch let error as ServiceError where error.code == .invalid {
                let (account, tokens) = try await context.services { services in
                    (try services.managedAccount(id: id), try services.apiTokens(accountID: id))
                }
                return try tokensPage(
                    context,
                    account: account,
                    tokens: tokens,
                    form: TokenForm(name: name, errors: error.fieldErrors),
                    status: .unprocessableContent
                )
            }
        }
        routes.action("/comptes/:id/jetons/:jeton/revoquer") { context, _ in
            let id = try accountID(in: context)
            guard let text = context.request.pathParameters["jeton"], let tokenID = Int64(text),
                tokenID > 0
            else {
                throw ServiceError.notFound
            }
            let revoked = try await context.services { services in
                try services.revokeAPIToken(accountID: id, tokenID: tokenID)
            }
            return context.redirect(
                to: Paths.accountTokens(id),
                notice: revoked
                    ? "Jeton n° \(tokenID) révoqué : il ne donne plus accès à l’API."
                    : "Le jeton n° \(tokenID) était déjà révoqué."
            )
        }
    }
}

/// Returns the account id of the path's `:id`, or throws `notFound` for anything but a
/// positive whole number.
private func accountID(in context: WebContext) throws -> AccountID {
    guard let text = context.request.pathParameters["id"], let value = Int64(text), value > 0
    else {
        throw ServiceError.notFound
    }
    return AccountID(value)
}

private func postNewAccount(
    _ context: WebContext,
    posted: PostedForm,
    hasher: PasswordHasher
) async throws -> HTTPResponse {
    typealias Field = NewAccountRequest.Field
    let request = NewAccountRequest(
        login: posted[Field.login] ?? "",
        displayName: posted[Field.displayName] ?? "",
        role: posted.trimmed(Field.role),
        territory: posted.trimmed(Field.territory)
    )
    do {
        let created = try await context.services { services in
            try services.createAccount(request, hasher: hasher)
        }
        return try accountCreatedPage(context, created: created)
    } catch let error as ServiceError where error.code == .invalid {
        return try newAccountPage(
            context,
            form: NewAccountForm(request: request, errors: error.fieldErrors),
            status: .unprocessableContent
        )
    }
}

private func postActive(_ context: WebContext, active: Bool) async throws -> HTTPResponse {
    let id = try accountID(in: context)
    do {
        let (account, changed) = try await context.services { services in
            let changed = try services.setAccountActive(id: id, active: active)
            return (try services.managedAccount(id: id), changed)
        }
        let notice: String
        if !changed {
            notice =
                "Le compte " + account.login + " était déjà "
                + (active ? "actif." : "désactivé.")
        } else if active {
            notice = "Compte " + account.login + " activé : la personne peut se connecter."
        } else {
            notice =
                "Compte " + account.login + " désactivé : ses sessions sont fermées et ses "
                + "jetons d’API ne fonctionnent plus."
        }
        return context.redirect(to: "/comptes", notice: notice)
    } catch let error as ServiceError where error.code == .conflict {
        let accounts = try await context.services { services in
            try services.accountSummaries()
        }
        return try accountListPage(
            context,
            accounts: accounts,
            problem: error.message,
            status: .conflict
        )
    }
}

extension Paths {
    static func accountTokens(_ id: AccountID) -> String { "/comptes/\(id.rawValue)/jetons" }
    static func account(_ id: AccountID, _ action: String) -> String {
        "/comptes/\(id.rawValue)/" + action
    }
}
