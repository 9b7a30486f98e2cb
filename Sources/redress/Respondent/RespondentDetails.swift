import ArgumentParser
import RedressStore

/// The contact details of a respondent body and its head, as options.
struct RespondentDetails: ParsableArguments {
    @Option(name: .long, help: "The body's email address.") var email: String?
    @Option(name: .long, help: "The body's postal address, for letters by post.") var postalAddress: String?
    @Option(name: .long, help: "The head of the body.") var headOfBody: String?
    @Option(name: .long, help: "The head of the body's email address.") var headOfBodyEmail: String?
    @Option(name: .long, help: "The head of the body's phone number.") var headOfBodyPhone: String?
    @Option(name: .long, help: "The head of the body's postal address.") var headOfBodyPostalAddress: String?

    var changes: RespondentStore.Changes {
        RespondentStore.Changes(
            email: email, postalAddress: postalAddress, headOfBodyName: headOfBody, headOfBodyEmail: headOfBodyEmail,
            headOfBodyPhone: headOfBodyPhone, headOfBodyPostalAddress: headOfBodyPostalAddress)
    }
}

/// A body of the register in one line, for people.
func respondentSummary(_ entry: RespondentStore.Entry) -> String {
    var line = "\(entry.body.name): \(entry.cases) \(entry.cases == 1 ? "case" : "cases")"
    if !entry.aliases.isEmpty { line += "; also known as " + entry.aliases.map { "\"\($0)\"" }.joined(separator: ", ") }
    return line
}
