import ArgumentParser
import Foundation
import RedressCore
import RedressStore

struct CaseAttach: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attach", abstract: "Keep a file with a case as its next document.",
        discussion: """
            The file is stored in the database once by its SHA-256 (the same file attached twice is \
            kept once), read and written a megabyte at a time, up to the office's size limit \
            ('office set --document-size-limit', 25 MiB unless changed). Its content type is told \
            from its first bytes. A confidential document is read only by those who may see who \
            complained.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ChangeOptions
    @Argument(help: "The case reference.") var reference: String
    @Argument(help: "The file to attach.") var file: String
    @Option(name: .long, help: "What the document is (default: the file name).") var title: String?
    @Flag(name: .long, help: "Only those who may see who complained read it.") var confidential = false

    func run() throws {
        let source = try FileSource(URL(fileURLWithPath: file))
        let session = try Session.open(database)
        defer { session.close() }
        let at = try session.instant(options.at)
        let added = try session.transaction {
            try DocumentStore($0).attach(
                reference: reference, source,
                details: DocumentDetails(
                    title: title, filename: URL(fileURLWithPath: file).lastPathComponent, confidential: confidential),
                actor: session.actor, at: at, expectVersion: options.expectVersion)
        }
        if options.format == .json { return try printJSON(added) }
        printText(
            "\(reference) document \(added.number): \(added.title) (\(added.contentType), \(DocumentStore.describe(added.size)))"
        )
    }
}

struct CaseDocuments: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "documents", abstract: "List a case's documents you may read.")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The case reference.") var reference: String
    @Option(name: .long, help: "Print 'text' or 'json'.") var format: OutputFormat = .text

    func run() throws {
        let session = try Session.open(database)
        defer { session.close() }
        let documents = try session.transaction {
            try DocumentStore($0).list(reference: reference, actor: session.actor, at: Date())
        }
        if format == .json { return try printJSON(documents) }
        if documents.isEmpty { return printErr("\(reference) has no documents you may read.") }
        let clock = try session.clock
        printTable(
            header: ["N", "TITLE", "TYPE", "SIZE", "FROM", "ADDED", "BY"],
            rows: documents.map {
                [
                    String($0.number), $0.title + ($0.confidential ? " (confidential)" : ""), $0.contentType,
                    DocumentStore.describe($0.size), $0.message.map { "message \($0)" } ?? "attached",
                    clock.localTime(at: $0.addedAt), $0.addedBy,
                ]
            })
    }
}

struct CaseDocumentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "document", abstract: "Read a case's documents.", subcommands: [CaseDocumentGet.self])
}

struct CaseDocumentGet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get", abstract: "Write a document's bytes to a file or stdout, exactly as stored.")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The case reference.") var reference: String
    @Argument(help: "The document's number (see 'case documents').") var number: Int
    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Write to this file.", valueName: "file"))
    var output: String?

    func run() throws {
        if output == nil, isatty(STDOUT_FILENO) == 1 {
            throw ValidationError("A document is written as it is stored; give -o FILE or redirect stdout.")
        }
        let session = try Session.open(database)
        defer { session.close() }
        let target: FileHandle
        if let output {
            guard FileManager.default.createFile(atPath: output, contents: nil),
                let handle = FileHandle(forWritingAtPath: output)
            else {
                throw CLIFailure(
                    status: .usage, description: "\(output) cannot be written; check the folder and its permissions.")
            }
            target = handle
        } else {
            target = FileHandle.standardOutput
        }
        do {
            try session.transaction { connection in
                let store = DocumentStore(connection)
                let document = try store.document(
                    reference: reference, number: number, actor: session.actor, at: Date())
                try store.read(document) { try target.write(contentsOf: Data($0)) }
            }
            if output != nil { try target.close() }
        } catch {
            if let output {
                try? target.close()
                try? FileManager.default.removeItem(atPath: output)
            }
            throw error
        }
    }
}
