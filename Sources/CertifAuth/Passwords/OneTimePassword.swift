/// A random password to give a person once, who then chooses his own: the first
/// administrator's, or one that an administrator sets for a colleague who forgot his.
///
/// Four groups of five characters from an alphabet without look-alikes (no 0/O, 1/l/I),
/// one group each of lowercase letters, uppercase letters and digits mixed, so that it meets
/// `PasswordPolicy`: about 100 bits drawn from libsodium's generator.
public enum OneTimePassword {
    private static let alphabet = Array("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")

    public static func generate() throws -> String {
        var groups: [String] = []
        for group in 0..<4 {
            var characters: [Character] = []
            for _ in 0..<5 {
                characters.append(
                    alphabet[Int(try Sodium.uniformRandom(below: UInt32(alphabet.count)))]
                )
            }
            // Each group starts with one character of a fixed class, so every class occurs.
            let classes: [ArraySlice<Character>] = [
                alphabet[0..<25], alphabet[25..<49], alphabet[49...], alphabet[0...],
            ]
            let fixed = Array(classes[group])
            characters[0] = fixed[Int(try Sodium.uniformRandom(below: UInt32(fixed.count)))]
            groups.append(String(characters))
        }
        return groups.joined(separator: "-")
    }
}
