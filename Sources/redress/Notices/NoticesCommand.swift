import ArgumentParser

struct NoticesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notices",
        abstract: "List, read, send and export the notices in the outbox.",
        discussion: """
            Email notices go out with 'notices send --via COMMAND' (cron: ops/send-notices) or \
            'notices export --maildir DIR'; letters (the post channel) with 'notices export --letters DIR' \
            or 'notices show ID'.
            """,
        subcommands: [
            NoticesList.self, NoticesShow.self, NoticesSend.self, NoticesExport.self, NoticesCancel.self,
            NoticesRetry.self,
        ]
    )
}
