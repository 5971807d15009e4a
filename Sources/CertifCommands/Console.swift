/// Where a command writes: standard output and standard error, or buffers in tests.
public final class Console {
    public private(set) var output = ""
    public private(set) var errors = ""
    private let echo: Bool

    /// With `echo`, text goes to the process's streams as it is written; without it, it is only
    /// kept in `output` and `errors`.
    public init(echo: Bool) { self.echo = echo }

    public func print(_ line: String = "", terminator: String = "\n") {
        let text = line + terminator
        if echo { FileStreams.writeOutput(text) } else { output += text }
    }

    public func error(_ line: String) {
        let text = line + "\n"
        if echo { FileStreams.writeError(text) } else { errors += text }
    }
}
