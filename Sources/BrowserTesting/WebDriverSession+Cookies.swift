import Foundation

/// A cookie as WebDriver reads and writes it.
public struct WebDriverCookie: Sendable, Equatable, Codable {
    public var name: String
    public var value: String
    public var path: String?
    /// The domain. When adding a cookie, nil means the current page's host.
    public var domain: String?
    public var secure: Bool?
    public var httpOnly: Bool?
    /// The expiry in seconds since 1970, or nil for a cookie that ends with the session.
    public var expiry: Int?
    /// "Lax", "Strict" or "None".
    public var sameSite: String?

    public init(
        name: String,
        value: String,
        path: String? = "/",
        domain: String? = nil,
        secure: Bool? = nil,
        httpOnly: Bool? = nil,
        expiry: Int? = nil,
        sameSite: String? = nil
    ) {
        self.name = name
        self.value = value
        self.path = path
        self.domain = domain
        self.secure = secure
        self.httpOnly = httpOnly
        self.expiry = expiry
        self.sameSite = sameSite
    }
}

extension WebDriverSession {
    /// Returns the cookies that the browser would send to the current page's URL, `HttpOnly`
    /// ones included.
    public func cookies() async throws(WebDriverError) -> [WebDriverCookie] {
        let value = try await send("GET", "/cookie")
        return try value.decoded(as: [WebDriverCookie].self, command: "GET /session/{id}/cookie")
    }

    /// Returns the cookie named `name` that the browser would send to the current page's URL,
    /// or nil when there is none.
    public func cookie(named name: String) async throws(WebDriverError) -> WebDriverCookie? {
        do {
            let value = try await send("GET", "/cookie/\(name)", pattern: "/cookie/{name}")
            return try value.decoded(
                as: WebDriverCookie.self,
                command: "GET /session/{id}/cookie/{name}"
            )
        } catch {
            guard error.code == .noSuchCookie else {
                throw error
            }
            return nil
        }
    }

    /// Adds `cookie` for the current page's host, which must already be loaded.
    public func addCookie(_ cookie: WebDriverCookie) async throws(WebDriverError) {
        let json = try JSONValue(encoding: cookie, command: "POST /session/{id}/cookie")
        _ = try await send("POST", "/cookie", body: ["cookie": json])
    }

    /// Deletes the cookie named `name`. Deleting a cookie that does not exist is no error.
    public func deleteCookie(named name: String) async throws(WebDriverError) {
        _ = try await send("DELETE", "/cookie/\(name)", pattern: "/cookie/{name}")
    }

    public func deleteAllCookies() async throws(WebDriverError) {
        _ = try await send("DELETE", "/cookie")
    }
}

extension JSONValue {
    /// Decodes the value as `type`, going through its JSON text.
    public func decoded<Value: Decodable>(
        as type: Value.Type,
        command: String
    ) throws(WebDriverError) -> Value {
        do {
            let data = try JSONEncoder().encode(self)
            return try JSONDecoder().decode(type, from: data)
        } catch {
            throw WebDriverError(
                code: .invalidResponse,
                message: "the driver's response is not a \(type)",
                command: command,
                underlyingError: error
            )
        }
    }

    /// Encodes `value` into a JSON value, going through its JSON text.
    init(encoding value: some Encodable, command: String) throws(WebDriverError) {
        do {
            let data = try JSONEncoder().encode(value)
            self = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw WebDriverError(
                code: .invalidArgument,
                message: "the value could not be encoded as JSON",
                command: command,
                underlyingError: error
            )
        }
    }
}
