import ArgumentParser
import RedressCore
import RedressStore

struct OfficeShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show the office settings.")

    @OptionGroup var database: DatabaseOptions
    @Option(name: .long, help: "Print 'text' or 'json'.") var format: OutputFormat = .text

    func run() throws {
        let session = try Session.open(database)
        defer { session.close() }
        try session.actor.require(.read)
        let s = session.settings
        if format == .json { return try printJSON(s) }
        printTable(
            header: ["SETTING", "VALUE"],
            rows: [
                ["name", s.name], ["reference_prefix", s.referencePrefix], ["time_zone", s.timeZone],
                ["week_mask", s.weekMask],
                ["default_language", s.defaultLanguage], ["sender", s.sender], ["mail_domain", s.mailDomain],
                ["templates_dir", s.templatesDir ?? ""], ["postal_address", s.postalAddress ?? ""],
                ["mail_opens_intake", s.mailOpensIntake ? "yes" : "no"],
                ["document_size_limit", ByteSize.describe(s.documentSizeLimit)],
                ["web_address", s.webAddress ?? ""],
            ])
    }
}
