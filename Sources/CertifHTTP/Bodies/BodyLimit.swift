/// The maximum size of a request body that a route accepts. The server answers 413 beyond it.
public struct BodyLimit: Hashable, Sendable, CustomStringConvertible {
    public var maximumBytes: Int

    public init(maximumBytes: Int) {
        precondition(maximumBytes >= 0, "a body limit of \(maximumBytes) bytes is negative")
        self.maximumBytes = maximumBytes
    }

    /// 64 KiB, for URL-encoded forms and for routes that expect no body.
    public static let form = BodyLimit(maximumBytes: 64 * 1024)
    /// 10 MiB for the whole multipart body, so the file itself must be a little smaller.
    public static let fileUpload = BodyLimit(maximumBytes: 10 * 1024 * 1024)

    public var description: String { "\(maximumBytes) bytes" }

    /// The limit in French units: "64 Kio", "10 Mio" or "1500 octets".
    var frenchSize: String {
        let kibibyte = 1024
        let mebibyte = 1024 * kibibyte
        if maximumBytes >= mebibyte, maximumBytes % mebibyte == 0 {
            return "\(maximumBytes / mebibyte) Mio"
        }
        if maximumBytes >= kibibyte, maximumBytes % kibibyte == 0 {
            return "\(maximumBytes / kibibyte) Kio"
        }
        return "\(maximumBytes) octets"
    }
}
