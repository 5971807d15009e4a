import CertifHTTP
import Foundation

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

/// The signature of libFuzzer's `LLVMFuzzerRunDriver`.
private typealias FuzzerDriver =
    @convention(c) (
        UnsafeMutablePointer<CInt>,
        UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
        @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt

/// Runs libFuzzer's driver on `target` when the fuzzer runtime is linked in, or else calls
/// `target` once with the contents of each file named in the arguments.
private func runFuzzer(_ target: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) {
    if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "LLVMFuzzerRunDriver") {
        let driver = unsafeBitCast(symbol, to: FuzzerDriver.self)
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(driver(&argc, &argv, target))
    }
    for path in CommandLine.arguments.dropFirst() {
        guard let data = FileManager.default.contents(atPath: path) else {
            print("cannot read \(path)")
            exit(1)
        }
        _ = data.withUnsafeBytes { target($0.bindMemory(to: UInt8.self).baseAddress, $0.count) }
        print("ran \(path)")
    }
}
