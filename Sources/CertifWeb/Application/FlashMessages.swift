import CertifAuth
import Foundation

/// The message that a page shows once after a form posted with success redirected to it:
/// "Le candidat a été enregistré." It is kept in memory by session, so it never travels in a
/// URL, where anybody could write one.
final class FlashMessages: @unchecked Sendable {
    // Sendable because `messages` is only touched under `lock`.
    private let lock = NSLock()
    private var messages: [TokenHash: String] = [:]

    func set(_ message: String, for session: TokenHash) {
        lock.lock()
        defer { lock.unlock() }
        // A session only ever has one message waiting; this bounds the table by the sessions
        // that posted a form and never loaded another page.
        if messages.count > 10_000 {
            messages.removeAll()
        }
        messages[session] = message
    }

    /// Returns the waiting message of the session and forgets it.
    func take(for session: TokenHash) -> String? {
        lock.lock()
        defer { lock.unlock() }
        return messages.removeValue(forKey: session)
    }
}
