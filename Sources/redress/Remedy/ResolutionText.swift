import Foundation
import RedressCore
import RedressStore

/// The text form of a case's mediation, arbitration, investigation, decision and remedies.
enum ResolutionText {
    static func render(_ r: ResolutionSections, clock: OfficeClock) -> String {
        var lines: [String] = []
        func field(_ label: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            lines.append(fieldLabel(label) + value)
        }
        if let m = r.mediation {
            let answers = DisputeParty.allCases.map { "\($0.rawValue) \(m.answers[$0]?.answer.rawValue ?? "pending")" }
                .joined(separator: ", ")
            field(
                "Mediation",
                "\(m.status.rawValue), offered \(m.offeredOn.iso)"
                    + (m.acceptanceDueDate.map { ", answer due \($0.iso)" } ?? ""))
            field("Answers", answers)
            for session in m.sessions {
                field("Session", "\(clock.localTime(at: session.at)) at \(session.place) with \(session.mediator)")
            }
            if let notes = m.notes {
                for note in notes { field("Note", "\(clock.localTime(at: note.notedAt)) \(note.author): \(note.text)") }
            } else {
                field("Notes", "withheld (confidential to the mediation)")
            }
        }
        if let a = r.arbitration {
            field("Arbitration", a.status.rawValue)
            field(
                "Consents",
                DisputeParty.allCases.map { "\($0.rawValue) \(a.consents[$0]?.iso ?? "no")" }.joined(separator: ", "))
            field("Arbitrators", a.arbitrators.joined(separator: ", "))
            for hearing in a.hearings { field("Hearing", "\(clock.localTime(at: hearing.at)) at \(hearing.place)") }
            if let award = a.award { field("Award", "\(award.binding ? "binding" : "advisory"), \(award.on.iso)") }
        }
        if let i = r.investigation {
            field("Response", i.firstResponseOn.map { "first response \($0.iso)" } ?? "first response awaited")
            for request in i.requests {
                field(
                    "Request \(request.number)",
                    "\(request.about) (due \(request.dueDate?.iso ?? "-"), \(request.answeredOn.map { "answered \($0.iso)" } ?? "open"))"
                )
            }
        }
        if let d = r.decision {
            field(
                "Decision",
                "\(d.kind.rawValue), \(d.outcome.rawValue), \(d.issuedOn.iso)"
                    + (d.respondentReplyDueDate.map { "; reply due \($0.iso)" } ?? ""))
        }
        if let review = r.review {
            field(
                "Review",
                "asked \(review.requestedOn.iso) by the \(review.requestedBy.rawValue)"
                    + (review.late ? " (late, accepted: \(review.lateReason ?? ""))" : "")
                    + (review.dueDate.map { "; due \($0.iso)" } ?? ""))
            field("Grounds", review.grounds)
            field("Reviewer", review.reviewer ?? "not assigned")
            if let outcome = review.outcome {
                field("Outcome", "\(outcome.rawValue), \(review.decidedOn?.iso ?? "") by \(review.decidedBy ?? "")")
                field("Reasons", review.reasons)
                field("Varied text", review.variedText)
            }
        }
        if !r.remedies.isEmpty {
            lines.append("")
            let rows = r.remedies.map { item in
                [
                    String(item.number), item.kind.rawValue, item.state.rawValue, item.dueDate?.iso ?? "",
                    item.overdue ? "overdue" : "",
                    item.late.map { $0 ? "late" : "on time" } ?? "", item.description,
                ]
            }
            lines.append(
                contentsOf: tableLines(
                    header: ["#", "REMEDY", "STATE", "DUE", "OVERDUE", "VERIFIED", "DESCRIPTION"], rows: rows))
        }
        return lines.joined(separator: "\n")
    }
}
