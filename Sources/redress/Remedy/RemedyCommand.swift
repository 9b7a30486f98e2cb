import ArgumentParser

struct RemedyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remedy",
        abstract: "Track remedy items: add, accept, reject, progress, evidence, verify, list.",
        discussion: """
            Items are numbered within their case. Accepting starts the remedy clock: 20 working \
            days for personal redress, 3 months for a service, training or others affected, 6 \
            months for a policy change or preventive measure, or until a due date set by hand. \
            Evidence ends it and starts the office's 10-working-day verification clock. A case \
            closes by itself when every item is verified, partial, not implemented, rejected or \
            superseded.
            """,
        subcommands: [
            RemedyAdd.self, RemedyAccept.self, RemedyReject.self, RemedyProgress.self, RemedyEvidence.self,
            RemedyVerify.self, RemedyList.self,
        ]
    )
}
