import CertifHTTP
import Foundation
import FuzzSupport

/// The libFuzzer target for `FormBody.parse`.
///
/// Built with `-sanitize=fuzzer`, it hands its arguments to libFuzzer's driver. Built without
/// it, it runs the parser once on each file named in its arguments.
@main
enum FuzzFormBody {
    static func main() {
        runFuzzer(fuzzFormBody)
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFormBody(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let body = start.map { Data(bytes: $0, count: count) } ?? Data()
    guard let form = try? FormBody.parse(body) else {
        return 0
    }
    // A parsed form, encoded again with every byte escaped, must parse to the same fields.
    let encoded = form.fields.map { escaped($0.name) + "=" + escaped($0.value) }
        .joined(separator: "&")
    guard let again = try? FormBody.parse(Data(encoded.utf8)), again == form else {
        fatalError("FormBody did not round-trip its own encoding of \(form.fields.count) fields")
    }
    return 0
}

private func escaped(_ text: String) -> String {
    text.utf8.map { "%" + String($0 >> 4, radix: 16) + String($0 & 0xF, radix: 16) }.joined()
}
