import ArgumentParser
import Foundation
import Glibc
import RedressCore
import RedressNotices
import RedressStore

struct NoticesExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write pending notices to files: email into a Maildir, letters into a folder.",
        discussion: """
            --maildir DIR writes each pending email notice into the Maildir DIR (made if missing): first \
            into DIR/tmp, synced, then moved into DIR/new, and only then marked sent. --letters DIR writes \
            each pending letter (the post channel) as REFERENCE-notice-ID-KIND-AUDIENCE.txt, ready to \
            print, the same way. A notice that cannot be rendered stays pending with the error recorded; \
            a file that cannot be written stops the run and leaves its notice pending. Exits 1 when a \
            notice was not exported.
            """)

    @OptionGroup var database: DatabaseOptions
    @Option(name: .long, help: ArgumentHelp("A Maildir for the email notices.", valueName: "dir")) var maildir: String?
    @Option(name: .long, help: ArgumentHelp("A folder for the letters.", valueName: "dir")) var letters: String?
    @Option(name: .long, help: "At most this many notices in this run.") var limit: Int?
    @Option(name: .long, help: "Attempts before a notice that cannot be rendered is marked failed.") var maxAttempts:
        Int = NoticeRetryPolicy.standard.maximumAttempts
    @Flag(name: .long, help: "Also export notices whose next attempt is not due yet.") var retryNow = false

    func validate() throws {
        if (maildir == nil) == (letters == nil) {
            throw ValidationError("Give either --maildir DIR (email) or --letters DIR (post).")
        }
        for folder in [maildir, letters].compactMap({ $0 }) where folder.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("The export folder cannot be blank; give a path.")
        }
        if let limit, limit < 1 { throw ValidationError("--limit takes a number of notices, 1 or more.") }
        if maxAttempts < 1 { throw ValidationError("--max-attempts takes a number of attempts, 1 or more.") }
    }

    func run() throws {
        let session = try Session.open(database)
        defer { session.close() }
        try NoticeStore.requireSender(session.actor)
        let folder = try ExportFolder(path: maildir ?? letters!, maildir: maildir != nil)
        var policy = NoticeRetryPolicy.standard
        policy.maximumAttempts = maxAttempts
        let run = NoticeDelivery(
            connection: session.connection, channel: maildir != nil ? .email : .post, limit: limit,
            retryNow: retryNow, policy: policy)
        let summary = try run.run(report: { report($0, $1, verb: "exported", policy: policy) }) { notice, rendered in
            try folder.write(Array(rendered.text.utf8), notice: notice)
        }
        print("notices: " + summary.line(verb: "exported"))
        if summary.retrying + summary.failed > 0 {
            let count = summary.retrying + summary.failed
            throw CLIFailure(
                status: .failure,
                description:
                    "\(count) \(count == 1 ? "notice was" : "notices were") not exported; the lines above say why, and 'redress notices list --state pending' shows them"
            )
        }
    }
}

/// Where `notices export` writes: a Maildir (`tmp`, `new`, `cur`) or a plain folder of letters.
/// Each file is written whole under a temporary name, synced, then renamed into place, so a
/// reader never sees half a message.
struct ExportFolder {
    let path: String
    let maildir: Bool

    init(path: String, maildir: Bool) throws {
        self.path = path
        self.maildir = maildir
        let folders = maildir ? [path, path + "/tmp", path + "/new", path + "/cur"] : [path]
        for folder in folders {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
                guard isDirectory.boolValue else {
                    throw CLIFailure(
                        status: .usage, description: "\(folder) exists and is not a folder; give another path")
                }
                continue
            }
            do {
                try FileManager.default.createDirectory(
                    atPath: folder, withIntermediateDirectories: true,
                    attributes: [.posixPermissions: 0o700])
            } catch {
                throw CLIFailure(
                    status: .failure,
                    description:
                        "cannot make the folder \(folder) (\(ExportFolder.reason(error))); check the path and its permissions"
                )
            }
        }
    }

    /// Writes one notice; throws a `CLIFailure` (which stops the run) when the file system refuses.
    func write(_ bytes: [UInt8], notice: NoticeRecord) throws {
        let name: String
        let temporary: String
        let final: String
        if maildir {
            // time.unique.host (maildir(5)); the notice id makes it unique and the same each
            // time, so a notice exported again after a crash replaces its own file.
            let host = ProcessInfo.processInfo.hostName.replacingOccurrences(of: "/", with: "\\057")
                .replacingOccurrences(of: ":", with: "\\072")
            name = "\(Int(notice.createdAt.timeIntervalSince1970)).R\(notice.id).\(host)"
            temporary = path + "/tmp/" + name
            final = path + "/new/" + name
        } else {
            name = "\(notice.reference ?? "no-case")-notice-\(notice.id)-\(notice.kind)-\(notice.audience.rawValue).txt"
            temporary = path + "/." + name + ".tmp"
            final = path + "/" + name
        }
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw failure("create \(temporary)", errno) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBufferPointer {
                Glibc.write(fd, $0.baseAddress! + written, bytes.count - written)
            }
            if count < 0 {
                if errno == EINTR { continue }
                let code = errno
                close(fd)
                unlink(temporary)
                throw failure("write \(temporary)", code)
            }
            written += count
        }
        guard fsync(fd) == 0 else {
            let code = errno
            close(fd)
            unlink(temporary)
            throw failure("sync \(temporary)", code)
        }
        close(fd)
        guard rename(temporary, final) == 0 else {
            let code = errno
            unlink(temporary)
            throw failure("move \(temporary) to \(final)", code)
        }
        // The rename itself is durable only once the folder is synced.
        let directory = open(maildir ? path + "/new" : path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directory >= 0 {
            _ = fsync(directory)
            close(directory)
        }
    }

    private func failure(_ what: String, _ code: Int32) -> CLIFailure {
        CLIFailure(
            status: .failure,
            description: "cannot \(what): \(String(cString: strerror(code))); the notice stays pending")
    }

    static func reason(_ error: any Error) -> String {
        (error as NSError).localizedDescription
    }
}
