import CertifDomain
import CertifHTTP
import CertifImport
import CertifStore
import Foundation
import Testing

/// Data and HTML helpers of the Référentiel, Journal and Comptes tests.
enum AdminPagesFixtures {
    /// Imports the example candidates as the command line does, and returns them.
    @discardableResult
    static func importExample(into web: WebHarness) throws -> [Candidate] {
        try web.importExampleCandidates(actor: "cli:import")
    }

    /// Returns the text of the page's `main`, tags removed, entities decoded and spaces
    /// collapsed, so that a check reads what a person reads.
    static func mainText(_ response: HTTPResponse) -> String {
        var html = response.bodyText
        if let start = html.range(of: "<main"), let end = html.range(of: "</main>") {
            html = String(html[start.lowerBound..<end.upperBound])
        }
        var text = ""
        var inTag = false
        for character in html {
            if character == "<" {
                inTag = true
                text.append(" ")
            } else if character == ">" {
                inTag = false
            } else if !inTag {
                text.append(character)
            }
        }
        let decoded =
            text
            .replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
        return decoded.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Returns the error message that the form helpers write under the control `id`, or nil.
    static func fieldError(_ id: String, in response: HTTPResponse) -> String? {
        let html = response.bodyText
        guard let start = html.range(of: "id=\"\(id)-erreur\" class=\"fr-error-text\">") else {
            return nil
        }
        let rest = html[start.upperBound...]
        return String(rest.prefix { $0 != "<" })
    }

    /// Returns the error message of the choice group `id` (`choiceFieldset`), or nil.
    static func groupError(_ id: String, in response: HTTPResponse) -> String? {
        let html = response.bodyText
        guard let group = html.range(of: "id=\"\(id)-messages\"") else {
            return nil
        }
        let rest = html[group.upperBound...]
        guard let message = rest.range(of: "fr-message--error\">"),
            rest[..<message.lowerBound].contains("</div>") == false
        else {
            return nil
        }
        return String(rest[message.upperBound...].prefix { $0 != "<" })
    }
}
