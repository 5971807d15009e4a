import CertifAuth
import CertifDomain
import CertifStore

/// `certif users`: lists the accounts.
struct UsersCommand: CertifCommand {
    static let spec = CommandSpec(
        name: "users",
        summary: "List the accounts of the web application (see also users add).",
        options: [CommandContext.databaseOption]
    )

    func run(_ context: CommandContext) throws {
        let store = try context.openStore(.readOnly)
        let accounts = try store.accounts()
        if accounts.isEmpty {
            context.console.print("no account; 'certif serve' creates the first administrator")
        }
        for account in accounts {
            let state = account.isActive ? "active" : "inactive"
            context.console.print(
                "\(account.login)  \(UsersAddCommand.roleWord(account.role))  \(state)  \(account.displayName)"
            )
        }
    }
}

/// `certif users add LOGIN`: creates an account with a one-time password.
struct UsersAddCommand: CertifCommand {
    static let spec = CommandSpec(
        name: "users add",
        summary: "Create an account and print its one-time password.",
        positionals: ["LOGIN"],
        options: [
            CommandContext.databaseOption,
            .option("--name", "TEXT", "The person's name as pages show it (required)."),
            .option("--role", "ROLE", "administrator, officer or reader (required)."),
            .option("--territory", "CODE", "An officer's territory, its INSEE code: 84, 11, 04…"),
        ],
        discussion: """
            The password is printed once and stored hashed with Argon2id; the person changes it
            under 'Mon compte'.
            """
    )

    static func roleWord(_ role: Role) -> String {
        switch role {
        case .nationalAdministrator: return "administrator"
        case .regionalOfficer(let territory): return "officer(\(territory.rawValue))"
        case .nationalReader: return "reader"
        }
    }

    func run(_ context: CommandContext) throws {
        let arguments = context.arguments
        let login = try arguments.positional(0)
        guard let name = arguments.value("--name") else {
            throw arguments.usage(
                "missing --name: give the person's name, --name \"Jeanne Martin\""
            )
        }
        let role: Role
        switch arguments.value("--role") {
        case "administrator":
            role = .nationalAdministrator
        case "reader":
            role = .nationalReader
        case "officer":
            guard let code = arguments.value("--territory") else {
                throw arguments.usage(
                    "an officer needs --territory CODE, the INSEE code of his region"
                )
            }
            let reference = try context.reference()
            guard let territory = reference.territory(matching: code) else {
                let codes = reference.territories.map(\.code.rawValue).joined(separator: ", ")
                throw arguments.usage("unknown territory '\(code)': expected one of \(codes)")
            }
            role = .regionalOfficer(territory: territory.code)
        case let word?:
            throw arguments.usage(
                "unknown role '\(word)': expected administrator, officer or reader"
            )
        case nil:
            throw arguments.usage("missing --role: administrator, officer or reader")
        }
        if arguments.value("--territory") != nil, case .regionalOfficer = role {
        } else if arguments.value("--territory") != nil {
            throw arguments.usage("--territory is for officers only")
        }
        let store = try context.openStore(.existing)
        let password = try OneTimePassword.generate()
        do {
            let account = try store.createAccount(
                login: login,
                displayName: name,
                role: role,
                passwordHash: try PasswordHasher().hash(password),
                actor: context.actor
            )
            context.console.print("account \(account.login) created")
            context.console.print("  password: \(password)")
            context.console.print("Shown once; the person changes it under 'Mon compte'.")
        } catch let error as StoreError {
            throw CommandFailure.data(error.message)
        }
    }
}
