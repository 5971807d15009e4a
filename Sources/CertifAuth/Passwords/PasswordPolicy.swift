import Foundation

/// A rule of the password policy that a new password breaks, with its message for the form.
public enum PasswordViolation: Sendable, Hashable {
    case tooShort(minimum: Int)
    case tooLong(maximum: Int)
    /// The password draws on fewer kinds of characters (lowercase letters, uppercase letters,
    /// digits, other signs) than the policy requires.
    case tooFewCharacterClasses(minimum: Int)
    /// The password is a common password, or one with digits or signs around it.
    case common
    case containsLogin
    /// The password contains a word of the person's display name.
    case containsName

    /// The message in French, to show next to the password field.
    public var message: String {
        switch self {
        case .tooShort(let minimum):
            return "Le mot de passe doit contenir au moins \(minimum) caractères."
        case .tooLong(let maximum):
            return "Le mot de passe ne doit pas dépasser \(maximum) caractères."
        case .tooFewCharacterClasses(let minimum):
            return "Le mot de passe doit mêler au moins \(minimum) types de caractères parmi les"
                + " minuscules, les majuscules, les chiffres et les autres signes."
        case .common:
            return "Ce mot de passe est trop courant ou trop facile à deviner : choisissez-en"
                + " un autre."
        case .containsLogin:
            return "Le mot de passe ne doit pas contenir votre identifiant."
        case .containsName:
            return "Le mot de passe ne doit pas contenir votre nom ou votre prénom."
        }
    }
}

/// The rules that a new password must meet, for the accounts of a State information system.
///
/// Lengths count user-perceived characters (Swift's `Character`, a grapheme cluster), after
/// Unicode NFC normalisation. The checks against common passwords, the login and the name ignore case and
/// accents.
public struct PasswordPolicy: Sendable {
    public var minimumLength: Int
    /// The maximum length, which bounds the input that a form can hand to Argon2id.
    public var maximumLength: Int
    /// Kinds of characters, among lowercase, uppercase, digits and other signs, that the
    /// password must mix.
    public var minimumCharacterClasses: Int
    /// Common passwords and the words they are built on, lowercase and without accents.
    public var commonPasswords: Set<String>

    /// Login and name parts shorter than this are not looked for in the password, so that a
    /// two-letter given name does not forbid every word that contains it.
    static let minimumPartLength = 4

    public init(
        minimumLength: Int = 12,
        maximumLength: Int = 256,
        minimumCharacterClasses: Int = 2,
        commonPasswords: Set<String> = PasswordPolicy.builtInCommonPasswords
    ) {
        self.minimumLength = minimumLength
        self.maximumLength = maximumLength
        self.minimumCharacterClasses = minimumCharacterClasses
        self.commonPasswords = commonPasswords
    }

    /// Returns every rule that `password` breaks, in the order of `PasswordViolation`'s cases.
    /// An empty array means that the password is accepted.
    public func violations(
        of password: String,
        login: String,
        displayName: String = ""
    ) -> [PasswordViolation] {
        let normalized = password.precomposedStringWithCanonicalMapping
        var found: [PasswordViolation] = []
        if normalized.count < minimumLength {
            found.append(.tooShort(minimum: minimumLength))
        }
        if normalized.count > maximumLength {
            found.append(.tooLong(maximum: maximumLength))
        }
        if Self.characterClasses(of: normalized).count < minimumCharacterClasses {
            found.append(.tooFewCharacterClasses(minimum: minimumCharacterClasses))
        }
        let folded = Self.fold(normalized)
        if isCommon(folded) {
            found.append(.common)
        }
        if Self.containsAnyPart(of: login, in: folded) {
            found.append(.containsLogin)
        }
        if Self.containsAnyPart(of: displayName, in: folded) {
            found.append(.containsName)
        }
        return found
    }

    // MARK: Checks

    private enum CharacterClass {
        case lowercase, uppercase, digit, other
    }

    private static func characterClasses(of password: String) -> Set<CharacterClass> {
        Set(
            password.map { character in
                if character.isLowercase { return .lowercase }
                if character.isUppercase { return .uppercase }
                if character.isNumber { return .digit }
                return .other
            }
        )
    }

    /// Returns whether `folded` is a common password. It is one when it is a word of
    /// `commonPasswords` alone, with digits or signs around it ("Azerty123!") or with the usual
    /// substitutions inside it ("p@ssw0rd"). Runs of a keyboard row, of the alphabet, of the
    /// digits or of one character count as common too.
    private func isCommon(_ folded: String) -> Bool {
        if commonPasswords.contains(folded) {
            return true
        }
        let core = Self.substituted(Self.trimmed(folded, keeping: \.isLetter))
        if commonPasswords.contains(core) || Self.isRun(core) {
            return true
        }
        return Self.isRun(Self.trimmed(folded, keeping: { $0.isLetter || $0.isNumber }))
    }

    /// Returns whether `text` has a part of `identity` (the whole of it, or one of its words
    /// of at least `minimumPartLength` characters) inside it.
    private static func containsAnyPart(of identity: String, in text: String) -> Bool {
        let whole = fold(identity.trimmingCharacters(in: .whitespacesAndNewlines))
        var parts = whole.split { !$0.isLetter && !$0.isNumber }.map(String.init)
        if !parts.contains(whole) {
            parts.append(whole)
        }
        return parts.contains { part in
            part.count >= minimumPartLength && text.contains(part)
        }
    }

    // MARK: Text helpers

    private static func fold(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping
            .folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .lowercased()
    }

    /// Returns `text` without the characters at its start and end that `keep` rejects.
    private static func trimmed(_ text: String, keeping keep: (Character) -> Bool) -> String {
        let start = text.drop { !keep($0) }
        let end = start.reversed().drop { !keep($0) }
        return String(end.reversed())
    }

    private static let substitutions: [Character: Character] = [
        "@": "a", "4": "a", "0": "o", "3": "e", "€": "e", "1": "i", "!": "i", "$": "s",
        "5": "s", "7": "t",
    ]

    private static func substituted(_ text: String) -> String {
        String(text.map { substitutions[$0] ?? $0 })
    }

    /// Sequences whose stretches people use as passwords: the digits (with the wrap from 9 to
    /// 0), the alphabet, and the top rows of the AZERTY, QWERTY and QWERTZ keyboards, each in
    /// both directions.
    private static let runs: [String] = {
        let forward = [
            "01234567890123456789",
            "abcdefghijklmnopqrstuvwxyz",
            "azertyuiopqsdfghjklmwxcvbn",
            "qwertyuiopasdfghjklzxcvbnm",
            "qwertzuiopasdfghjklyxcvbnm",
        ]
        return forward + forward.map { String($0.reversed()) }
    }()

    /// Returns whether `text`, of at least 6 characters, is one character repeated or a
    /// stretch of one of `runs`.
    private static func isRun(_ text: String) -> Bool {
        guard text.count >= 6, let first = text.first else { return false }
        if text.allSatisfy({ $0 == first }) {
            return true
        }
        return runs.contains { $0.contains(text) }
    }
}
