import CertifCommands
import Foundation

let status = CertifCommandLine.run(
    Array(CommandLine.arguments.dropFirst()),
    environment: ProcessInfo.processInfo.environment,
    console: Console(echo: true)
)
exit(status)
