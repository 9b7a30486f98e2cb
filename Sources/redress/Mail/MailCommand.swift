import ArgumentParser

struct MailCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mail", abstract: "Receive messages from the mail system and file them to cases.",
        subcommands: [MailReceive.self, MailList.self, MailShow.self, MailFile.self])
}
