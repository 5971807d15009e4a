import CertifHTTP

/// The headers that every page and file of the application carries.
enum SecurityHeaders {
    /// Everything from the application's own origin, no inline script or style, no frame.
    /// DSFR's stylesheet draws its icons from `data:` images.
    static let contentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
        + "form-action 'self'; frame-ancestors 'none'"

    /// Adds the headers to `response`. Dynamic answers may hold personal data, so no cache
    /// keeps them; static files say how long they may be kept.
    static func apply(to response: inout HTTPResponse, cacheable: Bool = false) {
        let headers: [(String, String)] = [
            ("Content-Security-Policy", contentSecurityPolicy),
            ("X-Content-Type-Options", "nosniff"),
            ("X-Frame-Options", "DENY"),
            ("Referrer-Policy", "same-origin"),
            ("Cross-Origin-Opener-Policy", "same-origin"),
            ("Cross-Origin-Resource-Policy", "same-origin"),
            ("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"),
        ]
        for (name, value) in headers where !response.headers.contains(name) {
            response.headers.replaceOrAdd(name: name, value: value)
        }
        if !cacheable, !response.headers.contains("Cache-Control") {
            response.headers.replaceOrAdd(name: "Cache-Control", value: "no-store")
        }
    }
}
