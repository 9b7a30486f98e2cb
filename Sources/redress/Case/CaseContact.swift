import ArgumentParser
import RedressCore
import RedressStore

struct CaseContact: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contact", abstract: "Log a call, visit, letter or email that came by no 'mail receive'.",
        discussion: """
            A contact with the complainant (the default --party) restarts the complainant_update \
            clock, as a notice to them does. --at is when the contact happened.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ChangeOptions
    @Argument(help: "The case reference.") var reference: String
    @Option(name: .long, help: "phone, in_person, letter or email.") var channel: ContactChannel
    @Option(name: .long, help: "in (to the office) or out (from it).") var direction: ContactDirection
    @Option(name: .long, help: "complainant, respondent or other (default: complainant).") var party: ContactParty =
        .complainant
    @Option(name: .long, help: "What was said.") var summary: String

    func run() throws {
        try runCaseChange(options, database: database) {
            try $0.logContact(
                reference: reference, channel: channel, direction: direction, party: party, summary: summary,
                actor: $1, at: $2, expectVersion: $3)
        }
    }
}
