import ArgumentParser
import RedressCore
import RedressStore

struct CaseUpdate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update", abstract: "Correct what was entered at intake, on the record.",
        discussion: """
            Example: redress case update HRC-2026-000042 --urgency urgent --add-category housing. \
            The audit log keeps each field before and after. A new urgency recomputes the running \
            clocks and prints the due dates that moved. Caseworkers, supervisors and the ombudsperson may.
            """)

    enum Urgency: String, ExpressibleByArgument, CaseIterable {
        case urgent, normal
    }

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ChangeOptions
    @Argument(help: "The case reference.") var reference: String
    @Option(name: .long, help: "What the complaint is about.") var summary: String?
    @Option(name: .long, help: "The case's rights categories from now on (repeat; replaces them all).")
    var category: [String] = []
    @Option(name: .long, help: "A rights category to add (repeat for several).") var addCategory: [String] = []
    @Option(name: .long, help: "A rights category to take off (repeat for several).") var removeCategory: [String] = []
    @Option(name: .long, help: "urgent (the urgent profile) or normal.") var urgency: Urgency?
    @Option(name: .long, help: "How it arrived: web, email, post, phone, in_person, referral or own_initiative.")
    var channel: Channel?
    @Option(name: .long, help: ArgumentHelp("When the events complained of happened.", valueName: "YYYY-MM-DD"))
    var incidentDate: String?

    func run() throws {
        let correction = CaseCorrection(
            summary: summary, categories: category.isEmpty ? nil : category, addCategories: addCategory,
            removeCategories: removeCategory, urgent: urgency.map { $0 == .urgent }, channel: channel,
            incidentDate: try incidentDate.map(parseDate))
        guard !correction.isEmpty else {
            throw ValidationError("Give at least one field to correct, e.g. --summary or --urgency urgent.")
        }
        var moved: [MovedDueDate] = []
        try runCaseChange(options, database: database) { store, actor, at, version in
            let corrected = try store.correct(
                reference: reference, correction, actor: actor, at: at, expectVersion: version)
            moved = corrected.moved
            return corrected.change
        }
        if options.format != .json { printMoved(moved) }
    }
}
