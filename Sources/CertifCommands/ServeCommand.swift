import CertifAuth
import CertifHTTP
import CertifStore
import CertifWeb
import Dispatch
import Foundation

/// `certif serve`: runs the web application until SIGINT or SIGTERM.
struct ServeCommand: CertifCommand {
    static let spec = CommandSpec(
        name: "serve",
        summary: "Run the web application (default address 127.0.0.1:8080).",
        options: [
            CommandContext.databaseOption,
            .option(
                "--listen",
                "ADDRESS",
                "Address and port, 127.0.0.1:8080 or [::1]:8080 (default: $CERTIF_LISTEN)."
            ),
            .option(
                "--dsfr",
                "PATH",
                "Installed DSFR folder (default: $CERTIF_DSFR, else out/static/dsfr)."
            ),
            .option(
                "--today",
                "DATE",
                "Date that pages and plans take as today, for a demonstration (YYYY-MM-DD)."
            ),
            .option("--threads", "N", "Threads of the HTTP server's pool (default 4)."),
            .option(
                "--log-level",
                "LEVEL",
                "trace, debug, info (default), notice, warning, error."
            ),
            .flag("--secure-cookies", "Mark cookies Secure: set it behind an HTTPS reverse proxy."),
            .flag(
                "--trust-forwarded-for",
                "Read the client's address from X-Forwarded-For (behind a reverse proxy only)."
            ),
        ],
        discussion: """
            The first time it runs on a database without accounts, it creates the national
            administrator 'admin' and prints a one-time password, once; 'certif users add'
            creates other accounts. Behind a TLS reverse proxy, give --secure-cookies and
            --trust-forwarded-for (docs/deployment.md).
            """
    )

    func run(_ context: CommandContext) throws {
        let arguments = context.arguments
        let address =
            arguments.value("--listen")
            ?? context.environment["CERTIF_LISTEN"].flatMap { $0.isEmpty ? nil : $0 }
            ?? "127.0.0.1:8080"
        let threads = try arguments.integer("--threads", range: 1...256) ?? 4
        var logLevel = Logger.Level.info
        if let word = arguments.value("--log-level") {
            guard let level = Logger.Level.allCases.first(where: { $0.description == word }) else {
                throw arguments.usage(
                    "unknown log level '\(word)': expected one of "
                        + Logger.Level.allCases.map(\.description).joined(separator: ", ")
                )
            }
            logLevel = level
        }
        let logger = Logger(label: "certif", logLevel: logLevel)
        let dsfr =
            arguments.value("--dsfr")
            ?? context.environment["CERTIF_DSFR"].flatMap { $0.isEmpty ? nil : $0 }
            ?? "out/static/dsfr"

        let store = try context.openStore(.create)
        try firstAdministrator(store, context)
        try store.close()

        let configuration = WebConfiguration(
            databasePath: context.databasePath,
            dsfrDirectory: dsfr,
            secureCookies: arguments.flag("--secure-cookies"),
            trustForwardedFor: arguments.flag("--trust-forwarded-for"),
            fixedToday: try arguments.date("--today")
        )
        let application: WebApplication
        let server: HTTPServer
        do {
            application = try WebApplication(
                configuration: configuration,
                reference: try context.reference(),
                logger: logger
            )
            server = try HTTPServer(
                configuration: application.serverConfiguration(
                    address: address,
                    threadPoolSize: threads,
                    logger: logger
                ),
                router: application.router()
            )
        } catch let error as HTTPServerError {
            throw CommandFailure(message: error.message)
        }
        let host = server.address.description
        context.console.print("Certif is listening on http://\(host)/ (stop with Ctrl-C)")
        context.console.print(
            application.usesDSFR
                ? "pages use the DSFR installed in \(dsfr)"
                : "pages use the neutral stylesheet: no DSFR in \(dsfr) (scripts/install-dsfr.sh)"
        )
        let finished = DispatchSemaphore(value: 0)
        Task {
            await server.runUntilSignalled()
            finished.signal()
        }
        finished.wait()
    }

    /// Creates the national administrator `admin` with a random password when the database
    /// has no account, and prints the password once: it is stored hashed only.
    private func firstAdministrator(_ store: CertifStore, _ context: CommandContext) throws {
        let count = try store.accountCount()
        guard count == 0 else {
            context.console.print(
                "the database has \(count) account(s), so no administrator was created; "
                    + "'certif users' lists them and 'certif users add' creates another"
            )
            return
        }
        let password = try OneTimePassword.generate()
        _ = try store.createAccount(
            login: "admin",
            displayName: "Administrateur national",
            role: .nationalAdministrator,
            passwordHash: try PasswordHasher().hash(password),
            actor: context.actor
        )
        context.console.print("First national administrator created.")
        context.console.print("  login:    admin")
        context.console.print("  password: \(password)")
        context.console.print(
            "This password is shown once; change it under 'Mon compte' after logging in."
        )
    }
}
