import ArgumentParser
import Foundation
import Glibc
import RedressCore
import RedressStore

struct CaseImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Register many complaints from CSV or JSON Lines, all or nothing.",
        discussion: """
            Columns (CSV header) or keys (JSON Lines): received_at, channel, complainant (several separated by ;), email, phone, \
            address, language, contact_preference, group_size, representative, representative_email, respondent, respondent_email, \
            head_of_body, head_of_body_email, categories (separated by ;), summary, urgent, confidential, incident_date, \
            accept_late_reason. received_at, complainant, respondent and summary are required. One bad row and nothing is \
            imported; --dry-run lists every bad row with its line number. With --batch-commit N every row is still checked \
            first, then each N rows commit on their own: run again after an interruption, the same file resumes after the \
            last line that went in.
            """)

    /// Files larger than this are refused before they are read.
    static let sizeLimit = 256 << 20

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The file.") var file: String
    @Option(name: .long, help: "csv or jsonl (default: detected from the name or content).") var format: String?
    @Flag(name: .long, help: "Validate only: list every bad row and write nothing.") var dryRun = false
    @Option(
        name: .long,
        help: "Commit every N rows (each batch holds the year's reference numbers only while it writes); resumable.")
    var batchCommit: Int?

    func validate() throws {
        if let batchCommit, batchCommit < 1 { throw ValidationError("--batch-commit takes a number of rows above 0.") }
        if batchCommit != nil, dryRun {
            throw ValidationError("--batch-commit writes; --dry-run writes nothing: use one.")
        }
    }

    func run() throws {
        let text = try readTextFile(file, limit: Self.sizeLimit)
        let fileFormat: CaseImporter.Format
        if let format {
            guard let chosen = CaseImporter.Format(rawValue: format.lowercased()) else {
                throw ValidationError("--format is csv or jsonl, not \(format).")
            }
            fileFormat = chosen
        } else {
            fileFormat = CaseImporter.detect(text: text, path: file)
        }
        let session = try Session.open(database)
        defer { session.close() }
        let bar = ProgressBar(label: "importing")
        let source = (file as NSString).lastPathComponent
        do {
            if let batchCommit {
                try importByBatches(text: text, format: fileFormat, source: source, size: batchCommit, session: session)
                return
            }
            let summary = try session.transaction { connection in
                try CaseImporter(connection).run(
                    text: text, format: fileFormat, source: source, dryRun: dryRun, actor: session.actor, at: Date(),
                    progress: bar.update)
            }
            bar.finish()
            if dryRun {
                print(
                    "\(summary.rows) \(summary.rows == 1 ? "row is" : "rows are") valid; nothing was written (dry run)")
            } else {
                print(
                    "imported \(summary.rows) \(summary.rows == 1 ? "case" : "cases"): \(summary.firstReference ?? "") to \(summary.lastReference ?? "")"
                )
            }
        } catch let rejected as CaseImporter.Rejected {
            bar.finish()
            let shown = dryRun ? rejected.problems : Array(rejected.problems.prefix(20))
            for problem in shown { printErr("\(file): \(problem)") }
            if shown.count < rejected.problems.count {
                printErr("\(file): … and \(rejected.problems.count - shown.count) more (see --dry-run)")
            }
            throw CLIFailure(status: .usage, description: rejected.description)
        }
    }
}

extension CaseImport {
    /// Checks every row, then writes those after the last line an earlier run of the same file
    /// wrote, `size` rows a transaction, each with its own audit row. Two runs of one file at
    /// once would write its rows twice, so the second is refused.
    func importByBatches(text: String, format: CaseImporter.Format, source: String, size: Int, session: Session)
        throws
    {
        let digest = CaseImporter.digest(text)
        let valid = try session.transaction {
            try CaseImporter($0).check(text: text, format: format, actor: session.actor)
        }
        let importer = CaseImporter(session.connection)
        guard try importer.lock(digest: digest) else {
            throw CLIFailure(
                status: .conflict,
                description:
                    "Another import of \(file) (the same content) is running; let it finish, or stop it and run this again."
            )
        }
        let through = try importer.importedThrough(digest: digest)
        let remaining = valid.drop { row in through.map { row.line <= $0 } ?? false }
        if let through {
            guard !remaining.isEmpty else {
                print("nothing to import: every row of \(file) was imported before (through line \(through))")
                return
            }
            print(
                "resuming after line \(through): \(valid.count - remaining.count) of \(valid.count) rows were imported before"
            )
        }
        let bar = ProgressBar(label: "importing")
        defer { bar.finish() }
        var first: String?
        var last: String?
        var written = 0
        var start = remaining.startIndex
        while start < remaining.endIndex {
            let end = min(start + size, remaining.endIndex)
            let summary = try session.transaction {
                try CaseImporter($0).write(
                    remaining[start..<end], source: source, digest: digest, actor: session.actor, at: Date())
            }
            first = first ?? summary.firstReference
            last = summary.lastReference
            written += summary.rows
            bar.update(written, remaining.count)
            start = end
        }
        bar.finish()
        print(
            "imported \(written) \(written == 1 ? "case" : "cases") in batches of \(size): \(first ?? "") to \(last ?? "")"
        )
    }
}

/// A progress bar on stderr, drawn only when stderr is a terminal.
final class ProgressBar {
    let label: String
    let enabled = isatty(2) == 1
    private var drawn = false

    init(label: String) { self.label = label }

    func update(_ done: Int, _ total: Int) {
        guard enabled, total > 0 else { return }
        let width = 30
        let filled = done * width / total
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        FileHandle.standardError.write(Data("\r\(label) [\(bar)] \(done)/\(total)".utf8))
        drawn = true
    }

    func finish() {
        if drawn { FileHandle.standardError.write(Data("\n".utf8)) }
        drawn = false
    }
}
