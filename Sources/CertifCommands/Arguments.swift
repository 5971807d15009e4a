import CertifDomain

/// A command-line error caused by the words the user typed: printed with the command's usage
/// line, exit status 64 (EX_USAGE).
public struct UsageError: Error, CustomStringConvertible {
    public var message: String
    public var command: String

    public var description: String { message }
}

/// An option that a command accepts.
struct OptionSpec {
    var name: String
    /// The value's placeholder ("DATE", "PATH"), or nil for a flag.
    var value: String?
    var help: String

    static func flag(_ name: String, _ help: String) -> OptionSpec {
        OptionSpec(name: name, value: nil, help: help)
    }

    static func option(_ name: String, _ value: String, _ help: String) -> OptionSpec {
        OptionSpec(name: name, value: value, help: help)
    }
}

/// What a command accepts, and the text of its `--help`.
struct CommandSpec {
    var name: String
    var summary: String
    /// Placeholders of the positional arguments, "FILE".
    var positionals: [String] = []
    var options: [OptionSpec] = []
    var discussion: String = ""

    func helpText() -> String {
        var lines = ["\(summary)", "", "Usage: certif \(name)" + usageTail()]
        if !discussion.isEmpty { lines += ["", discussion] }
        let all = options + [.flag("--help", "Show this help.")]
        lines += ["", "Options:"]
        for option in all {
            let left = "  " + option.name + (option.value.map { " " + $0 } ?? "")
            let padding = String(repeating: " ", count: max(2, 30 - left.count))
            lines.append(left + padding + option.help)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func usageTail() -> String {
        let positional = positionals.map { " " + $0 }.joined()
        return positional + (options.isEmpty ? "" : " [options]")
    }
}

/// The parsed words of one command.
struct ParsedArguments {
    var command: CommandSpec
    var values: [String: String] = [:]
    var flags: Set<String> = []
    var positionals: [String] = []
    var wantsHelp = false

    /// Parses `--name value`, `--name=value`, flags and positional arguments, rejecting unknown
    /// options with a suggestion and a missing or extra positional argument.
    init(_ words: [String], command: CommandSpec) throws {
        self.command = command
        var index = 0
        while index < words.count {
            let word = words[index]
            index += 1
            if word == "--help" || word == "-h" {
                wantsHelp = true
                continue
            }
            // A negative number is a value, not an option: `settings asp-lead-days -1`.
            guard word.hasPrefix("-"), word != "-", Int(word) == nil else {
                positionals.append(word)
                continue
            }
            let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
            let name = parts[0]
            guard let spec = command.options.first(where: { $0.name == name }) else {
                throw usage("unknown option '\(name)'" + suggestion(for: name))
            }
            if values[name] != nil || flags.contains(name) {
                throw usage("option '\(name)' is given twice; give it once")
            }
            guard let placeholder = spec.value else {
                if parts.count > 1 { throw usage("option '\(name)' takes no value") }
                flags.insert(name)
                continue
            }
            if parts.count > 1 {
                values[name] = parts[1]
            } else if index < words.count, !words[index].hasPrefix("--") {
                values[name] = words[index]
                index += 1
            } else {
                throw usage("option '\(name)' needs a value (\(placeholder))")
            }
        }
        if wantsHelp { return }
        if positionals.count > command.positionals.count {
            let extra = positionals[command.positionals.count]
            throw usage("unexpected argument '\(extra)'")
        }
    }

    func usage(_ message: String) -> UsageError {
        UsageError(message: message, command: command.name)
    }

    func positional(_ index: Int) throws -> String {
        guard index < positionals.count else {
            throw usage("missing argument \(command.positionals[index])")
        }
        return positionals[index]
    }

    func value(_ name: String) -> String? { values[name] }

    func flag(_ name: String) -> Bool { flags.contains(name) }

    func date(_ name: String) throws -> CivilDate? {
        guard let text = values[name] else { return nil }
        guard let date = CivilDate(parsing: text) else {
            throw usage(
                "invalid date '\(text)' for \(name): expected AAAA-MM-JJ or JJ/MM/AAAA, a day that exists"
            )
        }
        return date
    }

    func requiredDate(_ name: String) throws -> CivilDate {
        guard let date = try date(name) else { throw usage("missing option \(name) DATE") }
        return date
    }

    func integer(_ name: String, range: ClosedRange<Int>) throws -> Int? {
        guard let text = values[name] else { return nil }
        guard let number = Int(text), range.contains(number) else {
            throw usage(
                "invalid value '\(text)' for \(name): expected a whole number from \(range.lowerBound) to \(range.upperBound)"
            )
        }
        return number
    }

    private func suggestion(for name: String) -> String {
        let known = command.options.map(\.name)
        let close = known.min { distance($0, name) < distance($1, name) }
        if let close, distance(close, name) <= 3 { return "; did you mean '\(close)'?" }
        if known.isEmpty { return "; this command takes no options" }
        return "; expected one of " + known.joined(separator: ", ")
    }
}

/// Levenshtein distance, for "did you mean" suggestions.
func distance(_ left: String, _ right: String) -> Int {
    let a = Array(left)
    let b = Array(right)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...b.count {
            current[j] = min(
                previous[j] + 1,
                current[j - 1] + 1,
                previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
            )
        }
        previous = current
    }
    return previous[b.count]
}
