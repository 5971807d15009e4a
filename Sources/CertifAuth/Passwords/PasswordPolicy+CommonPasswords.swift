extension PasswordPolicy {
    /// A small list of the passwords and base words that people choose most often in France
    /// and in English, with the names that the staff of a certifying service would try
    /// (certif, dreets, vae). A password is checked against each word alone and with digits or
    /// signs around it, so "Motdepasse2025!" matches "motdepasse".
    ///
    /// NOTE: this is a hand-made list of about 115 entries, not a corpus of breached passwords.
    /// A check against a published breach list would reject many more weak passwords.
    public static let builtInCommonPasswords: Set<String> = [
        // Words for "password", "welcome", "secret" and default accounts.
        "password", "passwd", "passe", "motdepasse", "mdp", "secret", "changeme", "changemoi",
        "welcome", "bienvenue", "letmein", "admin", "administrateur", "administrator", "root",
        "user", "utilisateur", "test", "demo", "default", "login", "connexion", "master",
        // Keyboard rows and their halves.
        "azerty", "azertyuiop", "qwerty", "qwertyuiop", "qwertz", "asdf", "qsdf", "wxcv",
        // The application and its users' own vocabulary.
        "certif", "certification", "dreets", "drieets", "deets", "dgcs", "odessa", "vae",
        "diplome", "social", "travailsocial", "solidarite", "solidarites", "ministere",
        "gouvernement", "republique", "marianne", "prefecture", "jury", "examen", "session",
        // Common French words and pet names.
        "bonjour", "salut", "coucou", "soleil", "jetaime", "amour", "doudou", "loulou",
        "chouchou", "cheri", "cherie", "bisou", "bisous", "princesse", "chocolat", "cheval",
        "chaton", "chouette", "vacances", "famille", "bebe", "maman", "papa", "liberte",
        "printemps", "automne", "hiver", "janvier", "fevrier", "septembre", "decembre",
        // Places and football clubs.
        "france", "paris", "marseille", "lyon", "toulouse", "nantes", "bordeaux", "lille",
        "strasbourg", "rennes", "nice", "om", "psg", "allezlom", "football",
        // Common English passwords.
        "iloveyou", "loveyou", "sunshine", "princess", "dragon", "monkey", "shadow",
        "superman", "batman", "starwars", "trustno", "whatever", "freedom", "abc",
    ]
}
