import ArgumentParser
import RedressCore

struct PersonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "person",
        abstract: "Find a person's cases, export what is held about them (subject access) or erase them.",
        subcommands: [PersonFind.self, PersonExport.self, PersonErase.self])
}

/// The one key a person is looked for by: `--email`, `--phone` or `--name`.
struct PersonKeyOptions: ParsableArguments {
    @Option(name: .long, help: "The person's email address (any case).") var email: String?
    @Option(name: .long, help: "The person's phone number (any punctuation; +82 as 0).") var phone: String?
    @Option(name: .long, help: "The person's name (any case or spacing).") var name: String?

    func validate() throws {
        let given = [email, phone, name].compactMap { $0 }
        guard given.count == 1 else {
            throw ValidationError("Give exactly one of --email, --phone or --name.")
        }
    }

    /// The key given, checked.
    func key() throws -> PersonKey {
        if let email { return try PersonKey(kind: .email, value: email) }
        if let phone { return try PersonKey(kind: .phone, value: phone) }
        return try PersonKey(kind: .name, value: name ?? "")
    }
}
