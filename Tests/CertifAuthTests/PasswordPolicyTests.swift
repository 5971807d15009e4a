import CertifAuth
import Testing

@Suite("PasswordPolicy")
struct PasswordPolicyTests {
    let policy = PasswordPolicy()

    @Test(
        "strong passwords accepted",
        arguments: [
            "lapin-vert-sous-la-pluie",
            "Trois chats sur un toit",
            "Kx7#mQ2vLp9w",
            "ÉtéIndien·2025",
        ]
    )
    func strongPassword(password: String) {
        let violations = policy.violations(
            of: password,
            login: "marie.dupont",
            displayName: "Marie Dupont"
        )

        #expect(violations == [])
    }

    @Test(
        "weak passwords rejected",
        arguments: [
            ("Court1!", [PasswordViolation.tooShort(minimum: 12)]),
            ("toutenminuscules", [.tooFewCharacterClasses(minimum: 2)]),
            ("TOUTENMAJUSCULES", [.tooFewCharacterClasses(minimum: 2)]),
            ("123456789012", [.tooFewCharacterClasses(minimum: 2), .common]),
            ("azerty", [.tooShort(minimum: 12), .tooFewCharacterClasses(minimum: 2), .common]),
            ("Motdepasse2025!", [.common]),
            ("P@ssw0rd2024!", [.common]),
            ("Azertyuiop12", [.common]),
            ("2025-Bonjour-!", [.common]),
            ("aaaaaaaaaaaa1", [.common]),
            ("1234567890!!", [.common]),
            ("Abcdefghijkl", [.common]),
            ("Marie.Dupont!2025", [.containsLogin, .containsName]),
            ("zèbre-DUPONT-42", [.containsLogin, .containsName]),
            ("Éléphant-Dupônt-7", [.containsLogin, .containsName]),
            ("Tour-de-Marie-27", [.containsLogin, .containsName]),
            ("A" + String(repeating: "x", count: 256), [.tooLong(maximum: 256)]),
        ]
    )
    func weakPassword(password: String, expected: [PasswordViolation]) {
        let violations = policy.violations(
            of: password,
            login: "marie.dupont",
            displayName: "Marie Dupont"
        )

        #expect(violations == expected)
    }

    @Test("display name checked apart from login")
    func displayNameOnly() {
        let violations = policy.violations(
            of: "Bernadette-au-jardin-9",
            login: "b.martin",
            displayName: "Bernadette Martin"
        )

        #expect(violations == [.containsName])
    }

    @Test("short login parts ignored")
    func shortParts() {
        let violations = policy.violations(of: "Jolie-maison-42", login: "jo", displayName: "Jo Li")

        #expect(violations == [])
    }

    @Test("length counts visible characters")
    func lengthCountsCharacters() {
        // Twelve characters, four of them written as a letter and a combining accent.
        let password = "e\u{301}te\u{301}-e\u{301}te\u{301}-4242"

        let violations = policy.violations(of: password, login: "marie.dupont")

        #expect(password.count == 12)
        #expect(violations == [])
    }

    @Test("custom policy limits apply")
    func customPolicy() {
        let strict = PasswordPolicy(minimumLength: 16, minimumCharacterClasses: 3)

        let violations = strict.violations(of: "lapin-vert-pluie", login: "marie.dupont")

        #expect(violations == [.tooFewCharacterClasses(minimum: 3)])
    }

    @Test("messages are in French")
    func frenchMessages() {
        #expect(
            PasswordViolation.tooShort(minimum: 12).message
                == "Le mot de passe doit contenir au moins 12 caractères."
        )
        #expect(
            PasswordViolation.tooLong(maximum: 256).message
                == "Le mot de passe ne doit pas dépasser 256 caractères."
        )
        #expect(
            PasswordViolation.containsLogin.message
                == "Le mot de passe ne doit pas contenir votre identifiant."
        )
        #expect(PasswordViolation.common.message.hasPrefix("Ce mot de passe est trop courant"))
    }

    @Test("built-in list is lowercase without accents")
    func builtInListForm() {
        let offending = PasswordPolicy.builtInCommonPasswords.filter { word in
            word != word.lowercased() || !word.allSatisfy { $0.isASCII && $0.isLetter }
        }

        #expect(offending == [])
    }
}
