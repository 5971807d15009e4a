import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The signature of libFuzzer's `LLVMFuzzerRunDriver`.
private typealias FuzzerDriver =
    @convention(c) (
        UnsafeMutablePointer<CInt>,
        UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
        @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt

/// Runs libFuzzer's driver on `target` when the fuzzer runtime is linked in, or else calls
/// `target` once with the contents of each file named in the arguments.
public func runFuzzer(_ target: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) {
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
