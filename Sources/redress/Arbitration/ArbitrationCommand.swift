import ArgumentParser

struct ArbitrationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "arbitration",
        abstract: "Record consents, the panel, hearings and the award.",
        discussion: """
            A case goes to arbitration out of mediation, once both parties have consented. \
            Appointing the first arbitrator constitutes the panel and starts arbitration_overall \
            (6 months); closing the hearing starts arbitration_award (20 working days).
            """,
        subcommands: [
            ArbitrationConsent.self, ArbitrationAppoint.self, ArbitrationHearing.self, ArbitrationCloseHearing.self,
            ArbitrationAward.self,
        ]
    )
}
