import Foundation

/// The paths of the application's objects, with each identifier percent-encoded so that any
/// character of an identifier gives a path that routes back to it.
public enum Paths {
    public static func candidate(_ id: String) -> String { "/candidats/" + segment(id) }
    public static func session(_ id: String) -> String { "/sessions/" + segment(id) }
    public static func plan(_ id: Int) -> String { "/planification/plans/\(id)" }

    /// `text` as one path segment: every UTF-8 byte but those of unreserved ASCII characters
    /// written `%XX` in upper-case hexadecimal, as `addingPercentEncoding` writes it. A list
    /// page builds a hundred of these, so the bytes are encoded here without Foundation.
    public static func segment(_ text: String) -> String {
        var encoded = ""
        encoded.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if isUnreserved(byte) {
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                encoded += "%"
                encoded.unicodeScalars.append(hexDigits[Int(byte >> 4)])
                encoded.unicodeScalars.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return encoded
    }

    private static let hexDigits = Array("0123456789ABCDEF".unicodeScalars)

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
            UInt8(ascii: "_"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }
}
