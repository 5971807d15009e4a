import CertifAuth
import CertifDomain
import CertifStore
import Foundation

/// A new account as the form or the JSON API sends it: texts to validate.
public struct NewAccountRequest: Sendable {
    public var login: String
    public var displayName: String
    /// One of `RoleName`'s values.
    public var role: String
    /// The INSEE code of a regional officer's territory; ignored for the other roles.
    public var territory: String

    public init(login: String, displayName: String, role: String, territory: String) {
        self.login = login
        self.displayName = displayName
        self.role = role
        self.territory = territory
    }

    /// The field names of the account form, which key the errors of `createAccount`.
    public enum Field {
        public static let login = "identifiant"
        public static let displayName = "nom"
        public static let role = "role"
        public static let territory = "territoire"
    }

    /// The values of `role`.
    public enum RoleName {
        public static let administrator = "administrateur-national"
        public static let officer = "agent-regional"
        public static let reader = "lecteur-national"
    }
}

/// An account just created, with the password to give its person once.
public struct CreatedAccount: Sendable {
    public var account: Account
    /// Shown once, never stored: the store keeps its Argon2id hash.
    public var oneTimePassword: String
}

/// An API token just created, with its text to give the system that uses it once.
public struct CreatedAPIToken: Sendable {
    public var id: Int64
    public var name: String
    /// `certif_` and 43 characters, shown once, never stored: the store keeps its digest.
    public var text: String
}

extension CertifServices {
    /// The field name of the API token form, which keys the errors of `createAPIToken`.
    public static let apiTokenNameField = "nom"

    /// Returns every account with its latest login. National administrators only.
    public func accountSummaries() throws -> [AccountSummary] {
        try require(.write(.accounts))
        return try store.accountSummaries()
    }

    /// Returns the account `id`, or throws `notFound`. National administrators only.
    public func managedAccount(id: AccountID) throws -> Account {
        try require(.write(.accounts))
        guard let account = try store.account(id: id) else {
            throw ServiceError.notFound
        }
        return account
    }

    /// Creates an active account with a new one-time password, hashed with `hasher`.
    ///
    /// Throws `invalid`, keyed by `NewAccountRequest.Field`, for a missing role and for a
    /// regional officer without a territory that Certif serves. It also throws `invalid` for
    /// a login that is empty, too long, taken, or contains a space or control character, and
    /// for a display name that is empty, too long or contains a control character.
    ///
    /// Hashing takes a fraction of a second and 64 MiB by design, so call this off the
    /// threads that serve other requests.
    public func createAccount(
        _ request: NewAccountRequest,
        hasher: PasswordHasher
    ) throws -> CreatedAccount {
        try require(.write(.accounts))
        typealias Field = NewAccountRequest.Field
        var errors: [String: String] = [:]
        if let problem = Self.loginProblem(request.login) {
            errors[Field.login] = problem
        } else if try store.account(login: request.login) != nil {
            errors[Field.login] =
                "Un autre compte a déjà l’identifiant « \(Account.normalizedLogin(request.login)) » : "
                + "choisissez-en un autre."
        }
        if let problem = Self.displayNameProblem(request.displayName) {
            errors[Field.displayName] = problem
        }
        var role: Role?
        switch request.role {
        case NewAccountRequest.RoleName.administrator:
            role = .nationalAdministrator
        case NewAccountRequest.RoleName.reader:
            role = .nationalReader
        case NewAccountRequest.RoleName.officer:
            let code = request.territory.trimmingCharacters(in: .whitespaces)
            if code.isEmpty {
                errors[Field.territory] = "Choisissez le territoire du service de l’agent."
            } else if let territory = reference.territory(TerritoryCode(code)) {
                role = .regionalOfficer(territory: territory.code)
            } else {
                errors[Field.territory] =
                    "Le territoire « \(code) » n’est pas servi par Certif : choisissez-le dans "
                    + "la liste."
            }
        default:
            errors[Field.role] = "Choisissez le rôle du compte."
        }
        guard errors.isEmpty, let role else {
            throw ServiceError.invalid(errors)
        }
        let password = try OneTimePassword.generate()
        do {
            let account = try store.createAccount(
                login: request.login,
                displayName: request.displayName,
                role: role,
                passwordHash: try hasher.hash(password),
                actor: actor
            )
            return CreatedAccount(account: account, oneTimePassword: password)
        } catch let error as StoreError where error.code == .loginTaken {
            // Another request took the login between the check above and the write.
            throw ServiceError.invalid(
                [Field.login: "Un autre compte a déjà cet identifiant : choisissez-en un autre."]
            )
        }
    }

    /// Activates or deactivates the account `id`. Deactivating ends its web sessions, and its
    /// API tokens stop working. Returns false when the account already had that state.
    ///
    /// Throws `notFound`, and `conflict` for the last active national administrator.
    @discardableResult
    public func setAccountActive(id: AccountID, active: Bool) throws -> Bool {
        try require(.write(.accounts))
        do {
            return try store.setActive(accountID: id, active: active, actor: actor)
        } catch let error as StoreError where error.code == .accountNotFound {
            throw ServiceError.notFound
        } catch let error as StoreError where error.code == .invalidRequest && !active {
            throw ServiceError(
                code: .conflict,
                message: "Ce compte est le dernier administrateur national actif : le "
                    + "désactiver ne laisserait personne gérer les comptes. Créez ou activez "
                    + "d’abord un autre administrateur national."
            )
        }
    }

    /// Gives the account `id` a new one-time password, hashed with `hasher`, ends its web
    /// sessions and returns the password, to show once. Its API tokens stay valid.
    ///
    /// Throws `notFound`. Hashing takes a fraction of a second and 64 MiB by design.
    public func resetPassword(id: AccountID, hasher: PasswordHasher) throws -> String {
        try require(.write(.accounts))
        let password = try OneTimePassword.generate()
        do {
            try store.setPassword(
                accountID: id,
                passwordHash: try hasher.hash(password),
                actor: actor
            )
        } catch let error as StoreError where error.code == .accountNotFound {
            throw ServiceError.notFound
        }
        return password
    }

    /// Returns the API tokens of the account `id`, revoked ones included. Throws `notFound`.
    public func apiTokens(accountID: AccountID) throws -> [APITokenRecord] {
        _ = try managedAccount(id: accountID)
        return try store.apiTokens(accountID: accountID)
    }

    /// Creates an API token for the account `id` and returns its text, to show once. The
    /// store keeps its digest only.
    ///
    /// Throws `notFound`, `invalid` keyed by `apiTokenNameField` for a name that is empty,
    /// too long or contains a control character, and `conflict` for an inactive account.
    public func createAPIToken(accountID: AccountID, name: String) throws -> CreatedAPIToken {
        let account = try managedAccount(id: accountID)
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if let problem = Self.textProblem(
            trimmed,
            maximum: CertifStore.maxAPITokenNameLength,
            empty: "Nommez le système qui utilisera le jeton, comme « ASP » ou « tableau de "
                + "bord régional ».",
            subject: "Le nom du jeton"
        ) {
            throw ServiceError.invalid([Self.apiTokenNameField: problem])
        }
        guard account.isActive else {
            throw ServiceError(
                code: .conflict,
                message: "Ce compte est désactivé : activez-le avant de lui créer un jeton d’API."
            )
        }
        let token = try APIToken.generate()
        let id = try store.createAPIToken(
            hash: try token.hash(),
            name: trimmed,
            accountID: accountID,
            actor: actor
        )
        return CreatedAPIToken(id: id, name: trimmed, text: token.text)
    }

    /// Revokes the token `tokenID` of the account `accountID`. Returns false when it was
    /// already revoked. Throws `notFound` when the account has no such token.
    @discardableResult
    public func revokeAPIToken(accountID: AccountID, tokenID: Int64) throws -> Bool {
        let tokens = try apiTokens(accountID: accountID)
        guard tokens.contains(where: { $0.id == tokenID }) else {
            throw ServiceError.notFound
        }
        return try store.revokeAPIToken(id: tokenID, actor: actor)
    }

    // MARK: Checks

    /// Checks a login as the store does, and returns the problem in French, or nil for a
    /// valid login.
    static func loginProblem(_ login: String) -> String? {
        let normalized = Account.normalizedLogin(login)
        if normalized.isEmpty {
            return "Indiquez un identifiant, comme marie.dupont."
        }
        let length = normalized.unicodeScalars.count
        if length > CertifStore.maxLoginLength {
            return "L’identifiant a \(length) caractères : \(CertifStore.maxLoginLength) au plus."
        }
        if normalized.unicodeScalars.contains(where: { $0.isInvisibleOrSpace }) {
            return "L’identifiant ne doit contenir ni espace ni caractère invisible : utilisez "
                + "des lettres, des chiffres et les signes . - _ @"
        }
        return nil
    }

    /// Checks a display name as the store does, and returns the problem in French, or nil
    /// for a valid name.
    static func displayNameProblem(_ name: String) -> String? {
        textProblem(
            name.trimmingCharacters(in: .whitespacesAndNewlines),
            maximum: CertifStore.maxDisplayNameLength,
            empty: "Indiquez le nom de la personne, comme Marie Dupont.",
            subject: "Le nom"
        )
    }

    /// Checks a trimmed name as the store does: not empty, at most `maximum` Unicode scalars,
    /// no control or format character.
    private static func textProblem(
        _ text: String,
        maximum: Int,
        empty: String,
        subject: String
    ) -> String? {
        if text.isEmpty {
            return empty
        }
        let length = text.unicodeScalars.count
        if length > maximum {
            return "\(subject) a \(length) caractères : \(maximum) au plus."
        }
        if text.unicodeScalars.contains(where: { $0.isControlOrFormatCharacter }) {
            return "\(subject) ne doit contenir ni retour à la ligne ni caractère invisible."
        }
        return nil
    }
}

extension Unicode.Scalar {
    /// Whether the scalar is a control or format character (general category Cc or Cf), or
    /// a line or paragraph separator, which the store rejects in names.
    fileprivate var isControlOrFormatCharacter: Bool {
        switch properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }

    fileprivate var isInvisibleOrSpace: Bool {
        isControlOrFormatCharacter || properties.isWhitespace
    }
}
