import ArgumentParser

struct InvestigationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "investigation",
        abstract: "Open an investigation, record the respondent's responses and findings, and decide.",
        discussion: """
            Opening starts respondent_response (20 working days) and investigation (60 working \
            days). Each further request to the respondent has its own 10-working-day clock. The \
            decision moves the case to decided and starts respondent_reply (30 calendar days); \
            its recommendations become remedy items that the respondent accepts or rejects with \
            'redress remedy accept' or 'redress remedy reject'.
            """,
        subcommands: [
            InvestigationOpen.self, InvestigationResponse.self, InvestigationRequest.self, InvestigationAnswer.self,
            InvestigationFindings.self, InvestigationDecide.self,
        ]
    )
}
