import Foundation
import Glibc

/// Runs a shell command (`/bin/sh -c COMMAND`) with a message on its standard input, as
/// `notices send --via` does for each notice: the way one hands mail to `sendmail -t -i`.
///
/// The command runs in a process group of its own, so a command that outlives `timeout` is
/// killed with everything it started; its standard output and error are kept (the last 16 KiB)
/// to say why it failed.
struct CommandPipe {
    /// The shell command line.
    let command: String
    /// How long one delivery may take before it is killed and counted as failed.
    let timeout: TimeInterval

    /// How a run ended.
    struct Result {
        /// The exit status, when the command exited.
        var status: Int32?
        /// The signal that ended it, when one did.
        var signal: Int32?
        var timedOut: Bool
        /// What it wrote on standard output and error (the end of it).
        var output: String

        var succeeded: Bool { status == 0 && !timedOut }

        /// Why it failed, in one line: how it ended and the end of what it said.
        var failure: String {
            var reason: String
            if timedOut {
                reason = "the command did not finish in time and was stopped"
            } else if let status {
                reason = "the command exited with status \(status)"
            } else {
                reason = "the command was killed by signal \(signal ?? 0)"
            }
            let said = output.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }.suffix(3).joined(separator: " | ")
            if !said.isEmpty { reason += ": " + said }
            return reason
        }
    }

    static let keptOutput = 16 * 1024

    /// Runs the command with `input` on its standard input and `environment` added to ours.
    func run(input: [UInt8], environment: [String: String]) throws -> Result {
        var toChild: [Int32] = [0, 0]
        var fromChild: [Int32] = [0, 0]
        guard pipe(&toChild) == 0 else { throw CommandPipeError.system("pipe", errno) }
        guard pipe(&fromChild) == 0 else {
            close(toChild[0])
            close(toChild[1])
            throw CommandPipeError.system("pipe", errno)
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], 2)
        for fd in [toChild[0], toChild[1], fromChild[0], fromChild[1]] {
            posix_spawn_file_actions_addclose(&actions, fd)
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Its own process group, so a timeout kills the whole pipeline; default signal
        // handling (we ignore SIGPIPE) and no blocked signals.
        posix_spawnattr_setpgroup(&attributes, 0)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        let argv = ["/bin/sh", "-c", command].map { $0.withCString { strdup($0) } } + [nil]
        let envp = env.map { "\($0.key)=\($0.value)".withCString { strdup($0) } } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, envp)
        close(toChild[0])
        close(fromChild[1])
        guard spawned == 0 else {
            close(toChild[1])
            close(fromChild[0])
            throw CommandPipeError.system("posix_spawn /bin/sh", spawned)
        }
        return communicate(pid: pid, input: input, writeFD: toChild[1], readFD: fromChild[0])
    }

    private func communicate(pid: pid_t, input: [UInt8], writeFD: Int32, readFD: Int32) -> Result {
        _ = fcntl(writeFD, F_SETFL, fcntl(writeFD, F_GETFL) | O_NONBLOCK)
        _ = fcntl(readFD, F_SETFL, fcntl(readFD, F_GETFL) | O_NONBLOCK)
        var writing: Int32? = writeFD
        var reading: Int32? = readFD
        var written = 0
        var output: [UInt8] = []
        var exitStatus: Int32? = nil
        var timedOut = false
        let deadline = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 65_536)

        func closeWriting() {
            if let fd = writing { close(fd) }
            writing = nil
        }
        if input.isEmpty { closeWriting() }

        while true {
            if exitStatus == nil {
                var status: Int32 = 0
                let done = waitpid(pid, &status, WNOHANG)
                if done == pid || (done == -1 && errno == ECHILD) { exitStatus = status }
            }
            // Once the command has exited, read what is left and stop: a process it left
            // behind may hold the pipe open.
            if exitStatus != nil {
                if let fd = reading {
                    while true {
                        let count = read(fd, &buffer, buffer.count)
                        guard count > 0 else { break }
                        output += buffer[0..<count]
                    }
                }
                break
            }
            if Date() >= deadline {
                timedOut = true
                kill(-pid, SIGKILL)
                var status: Int32 = 0
                while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
                exitStatus = status
                break
            }
            if writing == nil && reading == nil {
                // Both pipes are done: only its exit is awaited.
                usleep(1_000)
                continue
            }
            var fds: [pollfd] = []
            if let fd = writing { fds.append(pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)) }
            if let fd = reading { fds.append(pollfd(fd: fd, events: Int16(POLLIN), revents: 0)) }
            // A short tick, so the command's exit is noticed even when it leaves the pipes open.
            _ = poll(&fds, nfds_t(fds.count), 50)
            for entry in fds {
                if entry.fd == writing, entry.revents != 0 {
                    let chunk = min(input.count - written, 65_536)
                    let count = input.withUnsafeBufferPointer { write(entry.fd, $0.baseAddress! + written, chunk) }
                    if count > 0 {
                        written += count
                        if written == input.count { closeWriting() }
                    } else if count < 0, errno != EAGAIN, errno != EINTR {
                        // EPIPE: the command stopped reading; its exit status says the rest.
                        closeWriting()
                    }
                }
                if entry.fd == reading, entry.revents != 0 {
                    let count = read(entry.fd, &buffer, buffer.count)
                    if count > 0 {
                        output += buffer[0..<count]
                        if output.count > CommandPipe.keptOutput {
                            output.removeFirst(output.count - CommandPipe.keptOutput)
                        }
                    } else if count == 0 || (errno != EAGAIN && errno != EINTR) {
                        close(entry.fd)
                        reading = nil
                    }
                }
            }
        }
        closeWriting()
        if let fd = reading { close(fd) }
        if output.count > CommandPipe.keptOutput { output.removeFirst(output.count - CommandPipe.keptOutput) }
        let status = exitStatus ?? 0
        // WIFEXITED / WEXITSTATUS / WTERMSIG, which Swift does not import as functions.
        let signal = status & 0x7F
        return Result(
            status: signal == 0 ? (status >> 8) & 0xFF : nil, signal: signal == 0 ? nil : signal,
            timedOut: timedOut, output: String(decoding: output, as: UTF8.self))
    }
}

/// The operating system refused to start the delivery command.
struct CommandPipeError: Error, CustomStringConvertible {
    var call: String
    var code: Int32

    static func system(_ call: String, _ code: Int32) -> CommandPipeError { CommandPipeError(call: call, code: code) }

    var description: String { "\(call) failed: \(String(cString: strerror(code)))" }
}
