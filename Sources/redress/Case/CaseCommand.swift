import ArgumentParser
import RedressCore

struct CaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case",
        abstract: "Register, read and work on cases.",
        subcommands: [
            CaseOpen.self, CaseImport.self, CaseList.self, CaseFind.self, CaseShow.self, CaseExplain.self,
            CaseHistory.self,
            CaseAssign.self, CaseNote.self, CaseAcknowledge.self, CaseMove.self, CaseRequestInfo.self,
            CaseInfoReceived.self,
            CasePause.self, CaseResume.self, CaseExtend.self, CaseClose.self, CaseReopen.self, CaseConsent.self,
            CaseLink.self, CaseUnlink.self,
            CaseReassign.self, CaseRecuse.self,
            CaseUpdate.self, CaseHold.self, CaseRelease.self,
            CaseAttach.self, CaseDocuments.self, CaseDocumentCommand.self, CaseContact.self,
        ]
    )
}
