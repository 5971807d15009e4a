import CertifAuth
import CertifDomain
import CertifStore
import Foundation

/// The one door through which a person changes Certif, whether from a page, the JSON API or
/// the command line.
///
/// Each method checks the person's rights first, then validates, then calls the store, which
/// writes in one transaction and appends the audit entry with the person as actor. A request
/// for an object that the person may not see throws `ServiceError.notFound`, exactly as for
/// an object that does not exist (rule R15).
///
/// A value is made for one request and used on one thread, like the store it holds.
public struct CertifServices {
    /// How the person reached Certif, recorded in the audit log's actor name.
    public enum Channel: Sendable, Hashable {
        case web
        case api
    }

    public let store: CertifStore
    public let account: Account
    public let reference: ReferenceData
    public let channel: Channel

    public init(store: CertifStore, account: Account, reference: ReferenceData, channel: Channel) {
        self.store = store
        self.account = account
        self.reference = reference
        self.channel = channel
    }

    /// The actor of the audit entries that this person's writes append.
    public var actor: StoreActor {
        switch channel {
        case .web: return .web(account)
        case .api: return .api(account)
        }
    }

    /// Throws `notFound` unless the account may do `action`.
    public func require(_ action: Action) throws(ServiceError) {
        guard account.isAllowed(action) else {
            throw ServiceError.notFound
        }
    }
}
