import Testing

@testable import CertifHTTP

@Suite("Listen addresses")
struct ListenAddressTests {
    @Test(
        "valid addresses parse",
        arguments: [
            ("127.0.0.1:8080", "127.0.0.1", 8080, ListenAddress.Family.ipv4, true),
            ("[::1]:0", "::1", 0, .ipv6, true),
            ("127.1.2.3:65535", "127.1.2.3", 65535, .ipv4, true),
            ("0.0.0.0:80", "0.0.0.0", 80, .ipv4, false),
            ("[::]:8080", "::", 8080, .ipv6, false),
            ("192.168.1.10:8080", "192.168.1.10", 8080, .ipv4, false),
        ]
    )
    func validAddressesParse(
        text: String,
        host: String,
        port: Int,
        family: ListenAddress.Family,
        isLoopback: Bool
    ) throws {
        let address = try ListenAddress(parsing: text)

        #expect(address.host == host)
        #expect(address.port == UInt16(port))
        #expect(address.family == family)
        #expect(address.isLoopback == isLoopback)
        #expect(address.description == text)
    }

    @Test(
        "invalid addresses name the fault",
        arguments: [
            ("localhost:8080", "\"localhost\" is not an IPv4 address"),
            ("127.0.0.1", "the port is missing"),
            ("127.0.0.1:", "the port must be a number from 0 to 65535"),
            ("127.0.0.1:65536", "the port must be a number from 0 to 65535"),
            ("127.0.0.1:-1", "the port must be a number from 0 to 65535"),
            ("::1:8080", "an IPv6 address must be written in brackets"),
            ("[::1]8080", "an IPv6 address in brackets must be followed by a colon and a port"),
            ("[127.0.0.1]:80", "\"127.0.0.1\" is not an IPv6 address"),
            ("256.0.0.1:80", "\"256.0.0.1\" is not an IPv4 address"),
        ]
    )
    func invalidAddressesNameFault(text: String, reason: String) {
        let error = #expect(throws: HTTPServerError.self) { try ListenAddress(parsing: text) }

        #expect(error?.code == .invalidAddress)
        #expect(
            error?.message
                == "invalid listen address \"\(text)\": \(reason); write an IP address and a port, "
                + "such as 127.0.0.1:8080 or [::1]:8080"
        )
    }
}
