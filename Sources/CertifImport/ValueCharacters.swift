import Foundation

/// The character rules of the values of a candidate file, with the French words that name a
/// rejected character in a message.
enum ValueCharacters {
    /// The punctuation that an identifier may contain besides letters and digits.
    static let identifierPunctuation: Set<Unicode.Scalar> = ["-", "_", ".", "/", " "]

    /// The French description of the characters that an identifier may contain.
    static let identifierRule = """
        Un identifiant ne peut contenir que des lettres, des chiffres, des espaces et les signes \
        - _ . / (trait d'union, tiret bas, point, barre oblique).
        """

    /// Returns true for a scalar that no value may contain: a control character (Cc), an
    /// invisible format character (Cf, such as U+200B or U+202E), or a line or paragraph
    /// separator (Zl, Zp). Format characters are invisible, so a value that contains one looks the same as a
    /// value without it, and a bidirectional override such as U+202E reorders the characters
    /// that follow it on screen.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator: true
        default: false
        }
    }

    /// Returns the first scalar of the identifier, put in Unicode normalization form C, that is
    /// neither a letter, a decimal digit nor one of `identifierPunctuation`. Normalization
    /// composes a letter and the combining accents typed after it, such as "e" and U+0301, so
    /// only an accent that composes with no letter remains as a combining mark and is rejected.
    static func firstDisallowedInIdentifier(_ identifier: String) -> Unicode.Scalar? {
        identifier.precomposedStringWithCanonicalMapping.unicodeScalars.first { scalar in
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter,
                .otherLetter, .decimalNumber:
                false
            default:
                !identifierPunctuation.contains(scalar)
            }
        }
    }

    /// Returns the French message for a value that contains a forbidden scalar.
    static func forbiddenMessage(_ scalar: Unicode.Scalar) -> String {
        let name = describe(scalar)
        switch scalar.properties.generalCategory {
        case .control where (0x80...0x9F).contains(scalar.value):
            return """
                La valeur contient un caractère de contrôle (\(name)), qui n'est pas admis. Ce \
                caractère vient le plus souvent d'un texte mal converti d'un encodage à un autre. \
                Retirez-le, ou enregistrez à nouveau le fichier au format « CSV UTF-8 ».
                """
        case .control:
            return """
                La valeur contient un caractère de contrôle (\(name)), qui n'est pas admis. \
                Retirez-le : une valeur tient sur une seule ligne, sans tabulation.
                """
        default:
            return """
                La valeur contient un caractère invisible (\(name)), qui n'est pas admis. Ce \
                caractère vient le plus souvent d'un texte copié d'une page web ou d'un \
                traitement de texte. Retirez-le, par exemple en retapant la valeur au clavier.
                """
        }
    }

    /// Returns the French message for an identifier that contains a disallowed scalar.
    static func disallowedInIdentifierMessage(_ scalar: Unicode.Scalar) -> String {
        "L'identifiant contient un caractère non admis (\(describe(scalar))). \(identifierRule)"
    }

    /// Returns the code point of a scalar, such as "U+202E", followed by its French name when it
    /// is invisible, or by the character itself between guillemets when it is visible.
    static func describe(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        if let name = frenchNames[scalar.value] {
            return "\(code), \(name)"
        }
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .unassigned,
            .privateUse, .surrogate:
            return code
        case .nonspacingMark, .spacingMark, .enclosingMark:
            return "\(code), signe diacritique combinant qui ne forme pas de lettre accentuée"
        case .spaceSeparator:
            return "\(code), espace autre que l'espace ordinaire"
        default:
            return "\(code) « \(Character(scalar)) »"
        }
    }

    /// The French names of the invisible characters that users most often paste without
    /// knowing it, after the names that Unicode gives them.
    private static let frenchNames: [UInt32: String] = [
        0x0009: "tabulation",
        0x000A: "retour à la ligne",
        0x000D: "retour à la ligne",
        0x00A0: "espace insécable",
        0x00AD: "trait d'union conditionnel",
        0x200B: "espace sans chasse",
        0x200C: "antiliant sans chasse",
        0x200D: "liant sans chasse",
        0x200E: "marque gauche-à-droite",
        0x200F: "marque droite-à-gauche",
        0x202A: "enchâssement gauche-à-droite",
        0x202B: "enchâssement droite-à-gauche",
        0x202C: "dépilement de formatage directionnel",
        0x202D: "forçage gauche-à-droite",
        0x202E: "forçage droite-à-gauche",
        0x2028: "séparateur de ligne",
        0x2029: "séparateur de paragraphe",
        0x202F: "espace fine insécable",
        0x2060: "gluon de mots",
        0x2066: "isolat gauche-à-droite",
        0x2067: "isolat droite-à-gauche",
        0x2068: "isolat de première écriture forte",
        0x2069: "fin d'isolat",
        0xFEFF: "indicateur d'ordre des octets, ou espace insécable sans chasse",
    ]
}
