import ArgumentParser

struct RespondentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "respondent", abstract: "Keep the register of respondent bodies (admin; list: everyone).",
        discussion: """
            Names are unique whatever their case and spacing; a body's former names stay as aliases, and \
            intake by any of them lands on the body.
            """,
        subcommands: [
            RespondentList.self, RespondentAdd.self, RespondentUpdate.self, RespondentRename.self,
            RespondentMerge.self,
        ])
}
