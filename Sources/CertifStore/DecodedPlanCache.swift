import CertifPlanning
import Foundation

/// The plans that `plan(id:)` decoded last, shared by every store of the process.
///
/// A national plan is a JSON text of about 13 MB, which takes a few tenths of a second to
/// decode, and a person reading a plan opens several pages of it. No store method changes a
/// plan's JSON after `saveDraft`, so a decoded plan stays right for as long as its row exists.
/// The key includes the database's path and the plan's creation time, so a plan of another
/// database, or a new plan that reuses an id after the file was replaced, is not mistaken for
/// it. NOTE: A change made to `plans.json` outside the store after a read is not seen until
/// the process restarts.
final class DecodedPlanCache: @unchecked Sendable {
    // Sendable because `entries` is only touched under `lock`.
    struct Key: Hashable {
        var path: String
        var id: Int
        /// The `created_at` text of the plan's row.
        var createdAt: String
    }

    /// Kept for the whole process. Three national plans take an estimated 100 to 150 MB; the
    /// estimate was not measured.
    static let shared = DecodedPlanCache(capacity: 3)

    private let capacity: Int
    private let lock = NSLock()
    /// The most recently used last.
    private var entries: [(key: Key, plan: Plan)] = []

    init(capacity: Int) {
        self.capacity = capacity
    }

    func plan(for key: Key) -> Plan? {
        lock.lock()
        defer { lock.unlock() }
        guard let index = entries.firstIndex(where: { $0.key == key }) else {
            return nil
        }
        let entry = entries.remove(at: index)
        entries.append(entry)
        return entry.plan
    }

    func insert(_ plan: Plan, for key: Key) {
        lock.lock()
        defer { lock.unlock() }
        entries.removeAll { $0.key == key }
        entries.append((key, plan))
        if entries.count > capacity {
            entries.removeFirst(entries.count - capacity)
        }
    }
}
