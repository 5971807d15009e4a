import Foundation

/// The size of a PNG image, read from its header.
struct PNGImage: Equatable {
    var width: Int
    var height: Int

    /// The 8 bytes that start every PNG file.
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// Reads the IHDR chunk, which follows the signature, or returns nil when `data` does not
    /// start like a PNG file.
    init?(_ data: Data) {
        let bytes = [UInt8](data.prefix(24))
        guard bytes.count == 24, Array(bytes[0..<8]) == Self.signature,
            bytes[12..<16].elementsEqual("IHDR".utf8)
        else {
            return nil
        }
        width = Self.bigEndian(bytes[16..<20])
        height = Self.bigEndian(bytes[20..<24])
    }

    private static func bigEndian(_ bytes: ArraySlice<UInt8>) -> Int {
        bytes.reduce(0) { $0 << 8 | Int($1) }
    }
}
