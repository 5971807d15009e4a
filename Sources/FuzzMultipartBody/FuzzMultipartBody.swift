import CertifHTTP
import Foundation
import FuzzSupport

/// The libFuzzer target for `MultipartBody.parse`. An input is a Content-Type value, a line
/// feed, then the body, so that the fuzzer also varies the boundary parameter.
///
/// Built with `-sanitize=fuzzer`, it hands its arguments to libFuzzer's driver. Built without
/// it, it runs the parser once on each file named in its arguments.
@main
enum FuzzMultipartBody {
    static func main() {
        runFuzzer(fuzzMultipartBody)
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMultipartBody(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let input = start.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    let newline = input.firstIndex(of: 10) ?? input.count
    let contentType = String(decoding: input[..<newline], as: UTF8.self)
    let body = Data(input[min(newline + 1, input.count)...])
    let limits = MultipartBody.Limits(maximumPartCount: 20, maximumHeaderBytes: 512)
    guard let parsed = try? MultipartBody.parse(body, contentType: contentType, limits: limits),
        let boundary = try? MultipartBody.boundary(fromContentType: contentType)
    else {
        return 0
    }
    // The parts, written again with the same boundary, must parse to the same parts.
    var written = Data()
    for part in parsed.parts {
        written.append(Data("--\(boundary)\r\n".utf8))
        for field in part.headers {
            written.append(Data("\(field.name): \(field.value)\r\n".utf8))
        }
        written.append(Data("\r\n".utf8))
        written.append(part.body)
        written.append(Data("\r\n".utf8))
    }
    written.append(Data("--\(boundary)--\r\n".utf8))
    guard let again = try? MultipartBody.parse(written, boundary: boundary, limits: limits),
        again == parsed
    else {
        fatalError("MultipartBody did not round-trip \(parsed.parts.count) parts")
    }
    return 0
}
