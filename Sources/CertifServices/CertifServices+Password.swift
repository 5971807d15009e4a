import CertifAuth
import CertifStore

extension CertifServices {
    /// Changes the person's own password after checking the current one, and ends all his web
    /// sessions (the caller opens a new one for the browser that asked). Field errors are keyed
    /// `actuel`, `nouveau` and `confirmation`, the names of the form's fields.
    ///
    /// Hashing takes a fraction of a second and 64 MiB by design, so call this off the
    /// threads that serve other requests.
    public func changePassword(
        current: String,
        new: String,
        confirmation: String,
        hasher: PasswordHasher,
        policy: PasswordPolicy = PasswordPolicy()
    ) throws -> Int {
        var errors: [String: String] = [:]
        let stored = try store.account(login: account.login)
        if try !hasher.verify(current, against: stored?.passwordHash) {
            errors["actuel"] = "Le mot de passe actuel n’est pas celui-ci."
        }
        let violations = policy.violations(
            of: new,
            login: account.login,
            displayName: account.displayName
        )
        if let first = violations.first {
            errors["nouveau"] =
                violations.count == 1
                ? first.message : violations.map(\.message).joined(separator: " ")
        } else if new == current {
            errors["nouveau"] = "Le nouveau mot de passe doit différer de l’actuel."
        }
        if confirmation != new {
            errors["confirmation"] = "La confirmation ne reprend pas le nouveau mot de passe."
        }
        guard errors.isEmpty else {
            throw ServiceError.invalid(errors)
        }
        return try store.setPassword(
            accountID: account.id,
            passwordHash: try hasher.hash(new),
            actor: actor
        )
    }
}
