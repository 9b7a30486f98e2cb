import ArgumentParser
import RedressStore

struct CaseConsent: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consent",
        abstract: "Record the complainant's consent to disclose their identity to the respondent (audited).",
        discussion: """
            Until it is recorded, respondent and head-of-body notices never carry the complainant's name or \
            contact details, and a notice whose text would reveal them is refused. --withdraw records that \
            the consent was withdrawn.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ChangeOptions
    @Argument(help: "The case reference.") var reference: String
    @Flag(name: .long, help: "The complainant agrees that the respondent may learn who they are.")
    var discloseIdentity = false
    @Flag(name: .long, help: "The complainant withdraws that consent.") var withdraw = false

    func validate() throws {
        guard discloseIdentity != withdraw else {
            throw ValidationError("Give either --disclose-identity or --withdraw.")
        }
    }

    func run() throws {
        try runCaseChange(options, database: database) {
            try $0.setIdentityDisclosure(
                reference: reference, disclose: discloseIdentity, actor: $1, at: $2, expectVersion: $3)
        }
    }
}
