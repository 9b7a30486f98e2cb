import ArgumentParser

struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Record a request for review of a decision, its reviewer and its outcome.",
        discussion: """
            A review is asked for within the policy's window (20 working days from the decision \
            by default); after it only the ombudsperson accepts a request, with --late-reason. \
            The request starts the review clock (20 working days); the reviewer must not be the \
            one who took the decision. A remitted decision sends the case back to investigation.
            """,
        subcommands: [ReviewRequest.self, ReviewAssign.self, ReviewDecide.self]
    )
}
