extension Node {
    /// Renders the node as HTML text.
    ///
    /// The output is the same for the same node: attributes come in the order given and
    /// nothing is added between nodes.
    public func render() -> String {
        String(decoding: renderUTF8(), as: UTF8.self)
    }

    /// Renders the node as UTF-8 bytes, ready for an HTTP body or a file.
    public func renderUTF8() -> [UInt8] {
        var output = HTMLOutput()
        output.write(self)
        return output.bytes
    }
}

/// The buffer that rendering appends to. Each node is written once, in one pass, so rendering
/// takes time in proportion to the size of the output.
struct HTMLOutput {
    var bytes: [UInt8] = []

    init() {
        bytes.reserveCapacity(4096)
    }

    mutating func write(_ node: Node) {
        switch node.content {
        case .text(let text):
            appendEscaped(text)
        case .raw(let html):
            bytes.append(contentsOf: html.utf8)
        case .fragment(let nodes):
            for child in nodes {
                write(child)
            }
        case .element(let element):
            write(element)
        }
    }

    private mutating func write(_ element: Element) {
        bytes.append(UInt8(ascii: "<"))
        bytes.append(contentsOf: element.name.utf8)
        for attribute in element.attributes {
            bytes.append(UInt8(ascii: " "))
            bytes.append(contentsOf: attribute.name.utf8)
            if let value = attribute.value {
                bytes.append(contentsOf: #"=""#.utf8)
                appendEscaped(value)
                bytes.append(UInt8(ascii: "\""))
            }
        }
        bytes.append(UInt8(ascii: ">"))
        if element.isVoid { return }

        for child in element.children {
            write(child)
        }
        bytes.append(contentsOf: "</".utf8)
        bytes.append(contentsOf: element.name.utf8)
        bytes.append(UInt8(ascii: ">"))
    }

    /// Appends `text` with `& < > " '` replaced by character references. The same escaping is
    /// right for text and for quoted attribute values, and it keeps `</textarea>` or
    /// `</title>` in a value from closing the element.
    mutating func appendEscaped(_ text: String) {
        var text = text
        text.withUTF8 { buffer in
            var start = 0
            for index in buffer.indices {
                let reference: StaticString
                switch buffer[index] {
                case UInt8(ascii: "&"): reference = "&amp;"
                case UInt8(ascii: "<"): reference = "&lt;"
                case UInt8(ascii: ">"): reference = "&gt;"
                case UInt8(ascii: "\""): reference = "&quot;"
                case UInt8(ascii: "'"): reference = "&#39;"
                default: continue
                }
                bytes.append(contentsOf: buffer[start..<index])
                reference.withUTF8Buffer { bytes.append(contentsOf: $0) }
                start = index + 1
            }
            bytes.append(contentsOf: buffer[start...])
        }
    }
}
