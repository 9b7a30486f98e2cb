import Foundation
import RedressCore

/// One complaint as intake registers it, built once for every way in: `case open` and the
/// service's intake (`CaseStore.open`), `case import` (`CaseImporter`, which batches the rows
/// with COPY) and `demo seed` (`DemoSeedLoader`). `Lifecycle.open` decides the clocks and the
/// `case_opened` event; this turns them, and the complaint, into the rows each path writes.
struct CaseOpening {
    /// The case as opened: `received`, its parties, categories (sorted, once each) and new
    /// clocks; `id` is 0 until the writer knows it.
    var record: CaseRecord
    /// The audit row's kind (`case_opened`) and data.
    var eventKind: String
    var event: [String: JSONValue]

    /// Opens `new`, validated as `intake`, under `reference`, registered by `openedBy`, about
    /// `respondent` as stored.
    init(
        _ new: NewCase, intake: IntakeValidator.Intake, reference: String, openedBy: String, respondent: RespondentBody,
        context: OfficeContext
    ) throws {
        let language = new.language ?? new.complainants.first?.language ?? context.settings.defaultLanguage
        let lateFilingReason = intake.lateFiling ? new.acceptLateReason : nil
        let policy = try context.policies.inForce(on: intake.receivedOn)
        let plan = Lifecycle.open(
            Lifecycle.Opening(
                reference: reference, receivedAt: new.receivedAt, channel: new.channel.rawValue, urgent: new.urgent,
                confidential: new.confidential, lateFiling: intake.lateFiling, lateFilingReason: lateFilingReason,
                respondent: new.respondent.name, categories: new.categories), policy: policy, calendar: context.calendar
        )
        record = CaseRecord(
            id: 0, reference: reference, state: plan.after.state, outcome: nil, receivedAt: new.receivedAt,
            receivedOn: intake.receivedOn, channel: new.channel, summary: new.summary, language: language,
            incidentDate: new.incidentDate, lateFiling: intake.lateFiling, lateFilingReason: lateFilingReason,
            urgent: new.urgent,
            confidential: new.confidential, groupSize: new.groupSize, respondent: respondent, assignee: nil,
            infoRequests: plan.after.infoRequests, version: 1, openedBy: openedBy, createdAt: new.receivedAt,
            updatedAt: new.receivedAt, closedAt: nil, complainants: new.complainants,
            representative: new.representative,
            categories: Array(Set(new.categories)).sorted(), clocks: [])
        _ = try record.apply(plan, context: context)
        eventKind = plan.event.kind
        event = plan.event.json
    }
}

extension CaseRecord {
    /// The `party` rows of the case: role, position and party; complainants from 1 in order,
    /// the representative as 1.
    var partyRows: [(role: String, position: Int, party: Party)] {
        complainants.enumerated().map { ("complainant", $0.offset + 1, $0.element) }
            + (representative.map { [("representative", 1, $0)] } ?? [])
    }
}
