import CertifDomain
import Foundation

/// The folded form of text that candidate search and sorting compare, stored in the
/// `search_text` and `sort_name` columns of `candidates`.
///
/// SQLite's own `lower()` and `LIKE` fold ASCII letters only, so "Élodie" would not match
/// "elodie". The store therefore folds the text in Swift when it writes a candidate, and folds
/// each searched word the same way, so that a query compares plain lowercase text with
/// `instr()`. A change to `fold(_:)` needs a migration that refills both columns.
enum SearchKey {
    /// Letters that do not decompose into a base letter and an accent, so that diacritic
    /// folding leaves them as they are.
    private static let letterSpellings: [Character: String] = [
        "œ": "oe", "æ": "ae", "ø": "o", "ł": "l", "đ": "d",
    ]

    /// Returns `text` in compatibility form (full-width letters and ligatures such as "ﬁ"
    /// become plain letters), in lowercase and without accents, with "œ", "æ", "ø", "ł" and
    /// "đ" written "oe", "ae", "o", "l" and "d". Apostrophes, hyphens and other punctuation are removed,
    /// so "N'Diaye" gives "ndiaye" and "Jean-Pierre" gives "jeanpierre". Runs of spaces
    /// become one space, and the spaces around the text are dropped.
    static func fold(_ text: String) -> String {
        let folded = text.precomposedStringWithCompatibilityMapping
            .folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        var result = ""
        var pendingSpace = false
        for character in folded {
            if character.isWhitespace {
                pendingSpace = !result.isEmpty
            } else if character.isLetter || character.isNumber {
                if pendingSpace {
                    result.append(" ")
                    pendingSpace = false
                }
                if let spelling = letterSpellings[character] {
                    result += spelling
                } else {
                    result.append(character)
                }
            }
        }
        return result
    }

    /// Returns the searched words of `query`, each folded: none for empty or blank text.
    static func words(_ query: String) -> [String] {
        fold(query).split(separator: " ").map(String.init)
    }

    /// Returns the text that a search looks into: the id, birth name, usage name and given
    /// names, each folded, separated by spaces. A searched word contains no space, so it
    /// matches within one name and never across two.
    static func searchText(of candidate: Candidate) -> String {
        searchText(
            id: candidate.id,
            birthName: candidate.birthName,
            usageName: candidate.usageName,
            givenNames: candidate.givenNames
        )
    }

    static func searchText(
        id: String,
        birthName: String,
        usageName: String?,
        givenNames: String
    ) -> String {
        [id, birthName, usageName ?? "", givenNames]
            .map(fold)
            .filter { !$0.isEmpty }
            .joined(separator: " ")
    }

    /// Returns the key that lists are sorted by: the folded birth name, so that "Élie" sorts
    /// with "Elie" and before "Fabre".
    static func sortName(of candidate: Candidate) -> String {
        fold(candidate.birthName)
    }
}
