import ArgumentParser

struct MediationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mediation",
        abstract: "Offer mediation, record answers and sessions, settle or fail.",
        discussion: """
            An offer moves the case to mediation and starts the 10-working-day acceptance clock; \
            an offer not answered by its due date is deemed declined. When both parties accept, \
            the 30-working-day mediation clock starts; extend it only with both parties' consent \
            ('redress case extend REF --clock mediation --consent'). Notes added with \
            'redress case note' while the case is in mediation are confidential to it.
            """,
        subcommands: [
            MediationOffer.self, MediationAccept.self, MediationDecline.self, MediationSession.self,
            MediationSettle.self, MediationFail.self,
        ]
    )
}
