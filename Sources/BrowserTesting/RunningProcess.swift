import Foundation

/// A child process started with `posix_spawn`, its standard output and error written to a
/// file.
///
/// Foundation's `Process` is not used because its child inherits the signal mask of the
/// thread that starts it, and the threads of a Swift test process block SIGTERM and most
/// other signals: a chromedriver started that way ignores SIGTERM. This child starts with
/// no signal blocked and every signal at its default action.
final class RunningProcess: @unchecked Sendable {
    // Sendable because `waitStatus` is only read or written under `lock`.
    private let lock = NSLock()
    private var waitStatus: Int32?
    let processID: pid_t

    private init(processID: pid_t) {
        self.processID = processID
    }

    /// Starts `executable` with `arguments` and the environment of this process, with the
    /// variables of `environment` added or replaced. Its standard input is /dev/null, and its
    /// standard output and error go to `outputFile`, which is created or emptied first.
    static func launch(
        executable: String,
        arguments: [String],
        environment: [String: String] = [:],
        outputFile: URL
    ) throws(ProcessLaunchError) -> RunningProcess {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(
            &actions,
            1,
            outputFile.path,
            O_WRONLY | O_CREAT | O_TRUNC,
            0o644
        )
        posix_spawn_file_actions_adddup2(&actions, 1, 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argumentVector: [UnsafeMutablePointer<CChar>?] =
            ([executable] + arguments).map { strdup($0) } + [nil]
        defer {
            for argument in argumentVector {
                free(argument)
            }
        }
        let variables = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let environmentVector: [UnsafeMutablePointer<CChar>?] =
            variables.map { strdup($0.key + "=" + $0.value) } + [nil]
        defer {
            for variable in environmentVector {
                free(variable)
            }
        }
        var processID = pid_t()
        let result = posix_spawn(
            &processID,
            executable,
            &actions,
            &attributes,
            argumentVector,
            environmentVector
        )
        guard result == 0 else {
            throw ProcessLaunchError(
                message: "posix_spawn of \(executable) failed: \(String(cString: strerror(result)))"
            )
        }
        return RunningProcess(processID: processID)
    }

    /// Whether the process still runs. Reaps it once it has exited.
    var isRunning: Bool {
        lock.withLock {
            guard waitStatus == nil else {
                return false
            }
            var status: Int32 = 0
            if waitpid(processID, &status, WNOHANG) == processID {
                waitStatus = status
                return false
            }
            return true
        }
    }

    /// "exit code 1" or "signal 9", or "running".
    var exitDescription: String {
        guard !isRunning, let status = lock.withLock({ waitStatus }) else {
            return "running"
        }
        let signal = status & 0x7F
        return signal == 0 ? "exit code \((status >> 8) & 0xFF)" : "signal \(signal)"
    }

    /// Sends SIGTERM if the process still runs.
    func terminate() {
        if isRunning {
            kill(processID, SIGTERM)
        }
    }

    /// Sends SIGKILL if the process still runs.
    func forceKill() {
        if isRunning {
            kill(processID, SIGKILL)
        }
    }

    /// Waits until the process has exited or `timeout` has passed, and returns whether it
    /// exited.
    func waitForExit(timeout: Duration) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while isRunning {
            if ContinuousClock.now >= deadline {
                return false
            }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return true
    }
}

/// A process that `posix_spawn` could not start.
struct ProcessLaunchError: Error, Sendable, CustomStringConvertible {
    var message: String

    var description: String { message }
}
