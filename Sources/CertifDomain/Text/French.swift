/// Small rules of French that the messages for users need: elision, plural, articles and the
/// decimal comma.
public enum French {
    /// Returns "de Lyon" or "d'Ajaccio": "de" becomes "d'" before a vowel.
    public static func de(_ word: String) -> String {
        startsWithVowel(word) ? "d'" + word : "de " + word
    }

    /// Returns "1 candidat" or "3 candidats".
    public static func count(_ number: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(number) " + (abs(number) <= 1 ? singular : plural ?? singular + "s")
    }

    /// Returns a service's name with its article, "la DREETS Bretagne": every kind of
    /// certifying service (DREETS, DRIEETS, DEETS, direction) is feminine.
    public static func withArticle(service name: String) -> String {
        if name.hasPrefix("Direction") { return "la d" + name.dropFirst() }
        return "la " + name
    }

    /// Returns the number with a decimal comma and `digits` decimals: "52,4".
    public static func decimal(_ value: Double, digits: Int = 1) -> String {
        var scale = 1
        for _ in 0..<digits { scale *= 10 }
        let scaled = Int((value * Double(scale)).rounded())
        let sign = scaled < 0 ? "-" : ""
        let whole = abs(scaled) / scale
        guard digits > 0 else { return sign + "\(whole)" }
        let fraction = String(abs(scaled) % scale)
        return sign + "\(whole)," + String(repeating: "0", count: digits - fraction.count)
            + fraction
    }

    private static func startsWithVowel(_ word: String) -> Bool {
        guard let first = word.lowercased().first else { return false }
        return "aàâäeéèêëiîïoôöuùûüy".contains(first)
    }
}
