import CertifDomain
import CertifStore
import Foundation

/// The French words of the journal for the audit log's codes. A code without a word here is
/// shown as it is stored, so a new action or field still shows, in English.
enum JournalText {
    static func action(_ action: AuditAction) -> String {
        actions[action.rawValue] ?? action.rawValue
    }

    static func entity(_ entity: String) -> String {
        entities[entity] ?? entity
    }

    /// Returns the field's path in words, "règle 1 › organisateur".
    static func field(_ path: [String]) -> String {
        path.map { key in fields[key] ?? key }.joined(separator: " › ")
    }

    /// Returns a stored value as a page shows it: an ISO date in the French form, a
    /// timestamp in Paris time, an empty list as « aucun ».
    static func value(_ text: String) -> String {
        if text.isEmpty {
            return "aucun"
        }
        if text.count == 10, let date = CivilDate(parsing: text) {
            return date.french
        }
        if text.count >= 20, text.hasSuffix("Z"),
            let instant = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(
                text
            )
        {
            return ParisTime.text(instant)
        }
        return text
    }

    private static let actions: [String: String] = [
        "candidate.insert": "Candidat ajouté",
        "candidate.update": "Candidat modifié",
        "candidate-file.import": "Fichier de candidats importé",
        "settings.update": "Réglages modifiés",
        "national-scheme.update": "Dispositif national modifié",
        "plan.draft": "Brouillon de plan enregistré",
        "plan.accept": "Plan accepté",
        "session.create": "Session fixée",
        "session.extend": "Session complétée",
        "session.release": "Session libérée",
        "account.create": "Compte créé",
        "account.password": "Mot de passe changé",
        "account.rehash": "Empreinte du mot de passe renouvelée",
        "account.activate": "Compte activé",
        "account.deactivate": "Compte désactivé",
        "account.login": "Connexion",
        "account.logout": "Déconnexion",
        "api-token.create": "Jeton d’API créé",
        "api-token.revoke": "Jeton d’API révoqué",
    ]

    private static let entities: [String: String] = [
        "candidate": "Candidat",
        "candidate-file": "Fichier de candidats",
        "settings": "Réglages",
        "national-scheme": "Dispositif national",
        "plan": "Plan",
        "session": "Session",
        "account": "Compte",
        "api-token": "Jeton d’API",
    ]

    /// Field names of the JSON that the store writes in the audit log: candidates, accounts,
    /// tokens, settings, the scheme, plans and sessions.
    private static let fields: [String: String] = [
        // Candidates.
        "id": "identifiant",
        "birthName": "nom de naissance",
        "usageName": "nom d’usage",
        "givenNames": "prénoms",
        "birthDate": "date de naissance",
        "diploma": "diplôme",
        "route": "voie d’accès",
        "territory": "territoire",
        "availableFrom": "disponible depuis le",
        "explicitDeadline": "date limite donnée",
        "remoteAllowed": "visioconférence acceptée",
        "extraTimePercent": "temps supplémentaire (%)",
        // Accounts and tokens.
        "login": "identifiant de connexion",
        "displayName": "nom",
        "role": "rôle",
        "nationalAdministrator": "administrateur national",
        "regionalOfficer": "agent de certification",
        "nationalReader": "lecteur national",
        "isActive": "actif",
        "passwordChangedAt": "mot de passe changé le",
        "endedWebSessions": "sessions fermées",
        "remoteAddress": "adresse IP",
        "accountID": "compte",
        "name": "nom",
        "revokedAt": "révoqué le",
        // Settings.
        "sessionTarget": "candidats par session (R1)",
        "dayMinimum": "candidats par journée (R2)",
        "remoteDayMinimum": "candidats par journée à distance (R2)",
        "aspLeadDays": "délai ASP en jours (R7)",
        "vaeDelayMonths": "délai VAE en mois (R4)",
        "vaeDelayReading": "lecture du délai VAE (R4)",
        "trainingDelayMonths": "délai de la voie de la formation en mois",
        "deadlineMarginDays": "marge avant la date limite en jours",
        "convocationLeadDays": "délai des convocations en jours",
        "dayStartMinutes": "début de journée (minutes après minuit)",
        "dayLengthMinutes": "durée de la journée en minutes",
        "changeoverMinutes": "minutes entre deux entretiens",
        "lunchStartMinutes": "début de la pause (minutes après minuit)",
        "lunchMinutes": "durée de la pause en minutes",
        "officeOpensMinutes": "ouverture des locaux (minutes après minuit)",
        "officeClosesMinutes": "fermeture des locaux (minutes après minuit)",
        "convocationMinutesBeforeInterview": "minutes entre convocation et entretien (R10)",
        "maxCommissionsPerDay": "commissions par jour",
        "sessionSpanDays": "durée d’une session en jours",
        "voluntaryPooling": "mutualisation volontaire",
        "accepted": "territoires acceptés par",
        // The national scheme.
        "rules": "règle",
        "organizer": "organisateur",
        "homeTerritories": "territoires de domiciliation",
        // Plans and sessions.
        "status": "état",
        "today": "date du plan",
        "from": "début",
        "to": "fin",
        "sessions": "sessions",
        "days": "jour",
        "date": "date",
        "commissions": "commissions",
        "candidates": "candidat",
        "mode": "mode",
        "host": "accueil",
        "commission": "commission",
        "start": "heure",
        "durationMinutes": "durée en minutes",
        "travels": "se déplace",
        "reasons": "motif",
        "filename": "nom du fichier",
        "bytes": "taille en octets",
        "inserted": "candidats créés",
        "updated": "candidats modifiés",
        "unchanged": "candidats inchangés",
    ]
}
