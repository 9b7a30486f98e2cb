import ArgumentParser
import Foundation
import Glibc
import RedressCore
import RedressStore

struct PersonExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write everything held about a person into a new folder (a subject access request).",
        discussion: """
            The folder gets export.json, a readable index.html and the files they name: the \
            notices sent to the person, and the documents they sent, each with its SHA-256. Other \
            people on the cases are replaced by their role. The export is recorded in the register \
            of subject access requests, with the day the request was received, for `report stats`.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var person: PersonKeyOptions
    @Option(name: .shortAndLong, help: ArgumentHelp("The folder to write: new, or empty.", valueName: "dir"))
    var output: String
    @Option(
        name: .long,
        help: ArgumentHelp("The day the request was received, YYYY-MM-DD (default: today).", valueName: "date"))
    var requestReceived: String?
    @Option(name: .long, help: ArgumentHelp("The office's reference for the request.", valueName: "text"))
    var reference: String?

    func run() throws {
        let key = try person.key()
        let folder = URL(fileURLWithPath: output).standardizedFileURL
        try Self.checkFree(folder)
        let session = try Session.open(database)
        defer { session.close() }
        try session.requirePrimary()
        let today = try session.clock.today
        let received = try session.date(requestReceived)
        guard received <= today else {
            throw CLIFailure(
                status: .usage,
                description:
                    "--request-received \(received.iso) is after today (\(today.iso)); give the day the request came in"
            )
        }
        let partial = folder.deletingLastPathComponent().appendingPathComponent(
            ".\(folder.lastPathComponent).partial-\(getpid())")
        let officeName = session.settings.name
        let written: SubjectAccessExport
        do {
            written = try session.transaction { connection in
                try? FileManager.default.removeItem(at: partial)
                let store = PersonStore(connection)
                var export = try store.export(
                    key, actor: session.actor, receivedOn: received, reference: reference, officeName: officeName,
                    at: Date())
                try ExportWriter(root: partial).write(&export, store: store)
                export.request = try store.record(export, key: key)
                try ExportWriter(root: partial).writeIndex(export)
                return export
            }
        } catch {
            try? FileManager.default.removeItem(at: partial)
            throw error
        }
        // An empty folder given is replaced by the export whole (rename(2) takes an empty directory).
        guard rename(partial.path, folder.path) == 0 else {
            let reason = String(cString: strerror(errno))
            throw CLIFailure(
                status: .failure,
                description:
                    "request \(written.request ?? 0) is recorded but the export could not be moved from \(partial.path) to \(folder.path) (\(reason)); move it by hand"
            )
        }
        let notices = written.cases.reduce(0) { $0 + $1.notices.count }
        let documents = written.cases.reduce(0) { $0 + $1.documents.filter { $0.file != nil }.count }
        print(
            "Subject access request \(written.request ?? 0): \(written.cases.count) case\(written.cases.count == 1 ? "" : "s"), \(notices) notice\(notices == 1 ? "" : "s"), \(documents) document\(documents == 1 ? "" : "s") written to \(folder.path)."
        )
    }

    /// Refuses a path that is a file, or a folder with anything in it: an export is never mixed
    /// with other files.
    static func checkFree(_ folder: URL) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) else {
            var parentIsDirectory: ObjCBool = false
            let parent = folder.deletingLastPathComponent().path
            guard FileManager.default.fileExists(atPath: parent, isDirectory: &parentIsDirectory),
                parentIsDirectory.boolValue
            else {
                throw CLIFailure(
                    status: .usage, description: "\(parent) is not a folder; give a path in an existing folder")
            }
            return
        }
        guard isDirectory.boolValue else {
            throw CLIFailure(
                status: .usage, description: "\(folder.path) exists and is not a folder; give a new folder")
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? ["?"]
        guard entries.isEmpty else {
            throw CLIFailure(
                status: .usage, description: "\(folder.path) exists and is not empty; give a new or empty folder")
        }
    }
}

/// Writes an export's files under `root`: the notices and documents, then export.json and
/// index.html.
struct ExportWriter {
    let root: URL

    func write(_ export: inout SubjectAccessExport, store: PersonStore) throws {
        try make(root)
        for c in export.cases.indices {
            let reference = export.cases[c].reference
            let caseFolder = "cases/" + Self.safe(reference)
            for n in export.cases[c].notices.indices {
                let notice = export.cases[c].notices[n]
                guard let body = notice.body else { continue }
                let path = "\(caseFolder)/notices/notice-\(notice.id)-\(Self.safe(notice.kind)).txt"
                try save(Array(("Subject: " + (notice.subject ?? "") + "\n\n" + body + "\n").utf8), at: path)
                export.cases[c].notices[n].file = path
            }
            for d in export.cases[c].documents.indices where export.cases[c].documents[d].withheld == nil {
                let document = export.cases[c].documents[d]
                let path = "\(caseFolder)/documents/\(document.number)-\(Self.safe(document.title))"
                let url = root.appendingPathComponent(path)
                try make(url.deletingLastPathComponent())
                guard
                    FileManager.default.createFile(
                        atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600]),
                    let handle = FileHandle(forWritingAtPath: url.path)
                else { throw Self.failure(url.path) }
                defer { try? handle.close() }
                let digest = try store.read(document) { try handle.write(contentsOf: Data($0)) }
                guard digest == document.sha256 else {
                    throw CLIFailure(
                        status: .failure,
                        description:
                            "document \(document.number) of \(reference) read back with another SHA-256 than stored; nothing was recorded"
                    )
                }
                export.cases[c].documents[d].file = path
            }
        }
    }

    func writeIndex(_ export: SubjectAccessExport) throws {
        try save(Array((try RedressJSON.text(export) + "\n").utf8), at: "export.json")
        try save(Array(export.renderHTML().utf8), at: "index.html")
    }

    func make(_ folder: URL) throws {
        do {
            try FileManager.default.createDirectory(
                at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw Self.failure(folder.path)
        }
    }

    func save(_ bytes: [UInt8], at path: String) throws {
        let url = root.appendingPathComponent(path)
        try make(url.deletingLastPathComponent())
        guard
            FileManager.default.createFile(
                atPath: url.path, contents: Data(bytes), attributes: [.posixPermissions: 0o600])
        else { throw Self.failure(url.path) }
    }

    static func failure(_ path: String) -> CLIFailure {
        CLIFailure(status: .failure, description: "cannot write \(path); check the folder and its permissions")
    }

    /// A name safe as one path component: letters, digits, dot, dash and underscore, at most 80.
    static func safe(_ name: String) -> String {
        let mapped = String(
            name.unicodeScalars.map { scalar -> Character in
                scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "._-".unicodeScalars.contains(scalar))
                    ? Character(scalar) : "_"
            })
        let trimmed = String(mapped.drop { $0 == "." }.prefix(80))
        return trimmed.isEmpty ? "file" : trimmed
    }
}
