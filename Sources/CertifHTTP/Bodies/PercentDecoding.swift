/// Decodes the `%XY` escapes of `bytes`, and `+` as a space when `plusAsSpace` is set.
///
/// `bytes` keeps the indices of the body that it was sliced from, and an error gives the
/// offset of the faulty `%` in that body.
func percentDecoded(
    _ bytes: ArraySlice<UInt8>,
    plusAsSpace: Bool
) throws(BodyParseError) -> [UInt8] {
    var decoded: [UInt8] = []
    decoded.reserveCapacity(bytes.count)
    var index = bytes.startIndex
    while index < bytes.endIndex {
        let byte = bytes[index]
        if byte == UInt8(ascii: "%") {
            guard bytes.endIndex - index >= 3,
                let high = hexadecimalValue(bytes[index + 1]),
                let low = hexadecimalValue(bytes[index + 2])
            else {
                throw BodyParseError(
                    code: .invalidPercentEscape,
                    message: "invalid percent escape at byte offset \(index): '%' must be "
                        + "followed by two hexadecimal digits",
                    offset: index
                )
            }
            decoded.append(high << 4 | low)
            index += 3
        } else {
            decoded.append(plusAsSpace && byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
            index += 1
        }
    }
    return decoded
}

private func hexadecimalValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
    default: return nil
    }
}
