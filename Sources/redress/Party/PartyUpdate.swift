import ArgumentParser
import RedressCore
import RedressStore

struct PartyUpdate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update", abstract: "Correct a complainant's or the representative's name and contact details.",
        discussion: """
            Example: redress party update HRC-2026-000042 --complainant 1 --postal-address '12 Geumnam-ro, Gwangju'. \
            '' clears a detail. The audit log keeps names and contact details only as digests. The case's \
            assignee, supervisors and the ombudsperson may. A letter that waited for an address goes on the \
            next 'notices export'.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ChangeOptions
    @Argument(help: "The case reference.") var reference: String
    @Option(name: .long, help: ArgumentHelp("Which complainant, from 1.", valueName: "n")) var complainant: Int?
    @Flag(name: .long, help: "The representative.") var representative = false
    @Option(name: .long, help: "The name.") var name: String?
    @Option(name: .long, help: "The email address.") var email: String?
    @Option(name: .long, help: "The phone number.") var phone: String?
    @Option(name: .long, help: "The postal address.") var postalAddress: String?
    @Option(name: .long, help: "The language of letters (ISO 639 code, e.g. en, ko).") var language: String?
    @Option(name: .long, help: "How to contact them: email, post or phone.") var contactPreference: String?

    func validate() throws {
        guard (complainant != nil) != representative else {
            throw ValidationError("Name the party: --complainant N or --representative.")
        }
        if let complainant, complainant < 1 {
            throw ValidationError("Complainants are numbered from 1; give --complainant 1 or more.")
        }
    }

    func run() throws {
        let correction = PartyCorrection(
            name: name, email: email, phone: phone, postalAddress: postalAddress, language: language,
            contactPreference: contactPreference)
        guard !correction.isEmpty else {
            throw ValidationError("Give at least one detail to correct, e.g. --postal-address.")
        }
        let party = complainant.map { PartySelector.complainant($0) } ?? .representative
        try runCaseChange(options, database: database) {
            try $0.correctParty(reference: reference, party, correction, actor: $1, at: $2, expectVersion: $3)
        }
    }
}
