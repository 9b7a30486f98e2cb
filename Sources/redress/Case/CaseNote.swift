import ArgumentParser
import RedressCore
import RedressStore

struct CaseNote: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "note", abstract: "Add a note to a case.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var options: ChangeOptions
    @Argument(help: "The case reference.") var reference: String
    @Argument(help: "The note.") var text: String

    func run() throws {
        try runCaseChange(options, database: database) {
            try $0.addNote(reference: reference, text: text, actor: $1, at: $2, expectVersion: $3)
        }
    }
}
