import ArgumentParser
import RedressCore
import RedressStore

struct CaseMove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "move", abstract: "Move a case to another state.",
        discussion:
            "A decision or closing needs --outcome (closing as a duplicate also --original); a settlement --terms; an award --award-text and --binding or --advisory; a reopening, withdrawal or transfer --reason."
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ChangeOptions
    @Argument(help: "The case reference.") var reference: String
    @Option(name: .long, help: "The state to move to.") var to: CaseState
    @Option(name: .long, help: "The outcome code of a decision or closing.") var outcome: Outcome?
    @Option(name: .long, help: "Why (reopening, withdrawal, transfer).") var reason: String?
    @Option(name: .long, help: "The terms of a mediated settlement.") var terms: String?
    @Option(name: .long, help: "The text of an arbitral award.") var awardText: String?
    @Option(name: .long, help: "The original case, when closing as a duplicate.") var original: String?
    @Flag(name: .long, inversion: .prefixedEnableDisable, help: "Whether the award binds the parties.") var binding:
        Bool?

    func run() throws {
        let request = MoveRequest(
            to: to, outcome: outcome, reason: reason, terms: terms, awardText: awardText, binding: binding,
            original: original)
        try runCaseChange(options, database: database) {
            try $0.move(reference: reference, request, actor: $1, at: $2, expectVersion: $3)
        }
    }
}
