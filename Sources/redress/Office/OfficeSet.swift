import ArgumentParser
import RedressCore
import RedressStore

struct OfficeSet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Change office settings (admin).",
        discussion: "A new week mask recomputes every running clock and prints the cases whose due dates moved.")

    @OptionGroup var database: DatabaseOptions
    @Option(name: .long, help: "The office's name.") var name: String?
    @Option(name: .long, help: "The IANA time zone, e.g. Asia/Seoul.") var timeZone: String?
    @Option(name: .long, help: "Working days of the week, e.g. Mon-Fri or Sun-Thu.") var weekMask: String?
    @Option(name: .long, help: "Case reference prefix, e.g. HRC.") var referencePrefix: String?
    @Option(name: .long, help: "The From address of notices.") var sender: String?
    @Option(name: .long, help: "The domain of notice Message-IDs.") var mailDomain: String?
    @Option(name: .long, help: "Default language of notices (ISO 639 code).") var language: String?
    @Option(
        name: [.customLong("templates"), .customLong("templates-dir")],
        help: ArgumentHelp(
            "Folder of notice templates overriding the built-in ones ('' for none).", valueName: "dir"))
    var templatesDir: String?
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The earliest date an event may be entered for (default 1990-01-01); earlier times are refused as typos.",
            valueName: "date"))
    var earliestEventDate: String?
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The office's own postal address, printed at the head of letters ('' for none).", valueName: "address"))
    var postalAddress: String?
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Whether a mail that names no case opens a new intake (yes) or waits in the unmatched queue (no).",
            valueName: "yes|no"))
    var mailOpensIntake: YesNo?
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The largest document kept (default 25MiB), in bytes or with KiB/MiB/GiB.", valueName: "size"))
    var documentSizeLimit: ByteSize?
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Where the office's public pages are, e.g. https://complaints.example.org; acknowledgements give its status page ('' for none).",
            valueName: "url"))
    var webAddress: String?
    @Option(name: .long, help: ArgumentHelp("When the change is recorded (default: now).", valueName: "time")) var at:
        String?

    func run() throws {
        let changes = OfficeChanges(
            name: name, referencePrefix: referencePrefix, timeZone: timeZone, weekMask: weekMask,
            defaultLanguage: language, sender: sender, mailDomain: mailDomain, templatesDir: templatesDir,
            earliestEventDate: try earliestEventDate.map(parseDate), postalAddress: postalAddress,
            mailOpensIntake: mailOpensIntake?.value, documentSizeLimit: documentSizeLimit?.bytes,
            webAddress: webAddress)
        guard !changes.isEmpty else {
            throw ValidationError("Give at least one setting to change, e.g. --time-zone Asia/Seoul.")
        }
        let session = try Session.open(database)
        defer { session.close() }
        let at = try session.instant(at)
        let update = try session.transaction { try OfficeStore($0).update(changes, actor: session.actor, at: at) }
        print("office settings saved")
        printMoved(update.moved)
    }
}

/// Prints the clocks whose due date moved, one line each.
func printMoved(_ moved: [MovedDueDate]) {
    guard !moved.isEmpty else { return }
    let cases = Set(moved.map(\.reference)).count
    print("due dates moved on \(cases) \(cases == 1 ? "case" : "cases"):")
    printTable(
        header: ["CASE", "CLOCK", "FROM", "TO"],
        rows: moved.map { [$0.reference, $0.clock.rawValue, $0.from?.iso ?? "-", $0.to?.iso ?? "-"] })
}
