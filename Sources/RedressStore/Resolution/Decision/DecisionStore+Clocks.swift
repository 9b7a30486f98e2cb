import Foundation
import Postgres
import RedressCore

extension CaseRecord {
    /// Applies the clock effects of a resolution event to the case's clocks, matching each
    /// effect to the live clock of its kind and subject (remedy item or request number).
    ///
    /// A start makes a clock under the policy in force on its start date, unless a live clock of
    /// that kind and subject already runs (a move may have started it); an end, cancellation,
    /// pause or resumption changes the live clock it names and is skipped when there is none.
    mutating func applyResolution(_ effects: [ClockEffect], context: OfficeContext) throws -> ClockEffects {
        var summary = ClockEffects()
        for effect in effects {
            let index = clocks.lastIndex { $0.clock.kind == effect.kind && $0.subject == effect.subject && $0.isLive }
            if case let .start(instant, _, _) = effect.action {
                guard index == nil else { continue }
                let policy = try context.policies.inForce(on: context.localDate(instant))
                guard let clock = effect.makeClock(policy: policy, calendar: context.calendar, urgent: urgent) else {
                    continue
                }
                clocks.append(StoredClock(id: nil, clock: clock, pauseCauses: [], subject: effect.subject))
                summary.started.append(effect.kind)
                continue
            }
            guard let index else { continue }
            let wasPaused = clocks[index].clock.isPaused
            try effect.apply(to: &clocks[index].clock)
            switch effect.action {
            case .start:
                break
            case .end:
                summary.met.append(effect.kind)
            case .cancel:
                summary.cancelled.append(effect.kind)
            case let .pause(_, reason):
                guard !wasPaused else { continue }
                clocks[index].pauseCauses.append(reason)
                summary.paused.append(effect.kind)
            case .resume:
                guard wasPaused else { continue }
                summary.resumed.append(effect.kind)
            }
            clocks[index].isDirty = true
        }
        return summary
    }

    /// The live clock of `kind` belonging to `subject`, if any.
    func liveClock(_ kind: ClockKind, subject: Int?) -> StoredClock? {
        clocks.last { $0.clock.kind == kind && $0.subject == subject && $0.isLive }
    }

    /// The latest clock of `kind` belonging to `subject`, live or not.
    func latestClock(_ kind: ClockKind, subject: Int?) -> StoredClock? {
        clocks.last { $0.clock.kind == kind && $0.subject == subject }
    }

    /// A notice to the respondent body: by email when its address is known, else by post. It
    /// carries nothing that identifies the complainant.
    func respondentNotice(kind: String, data: [String: JSONValue]) -> NoticeRequest {
        NoticeRequest(
            kind: kind,
            address: NoticeRouting.address(
                .respondent, NoticeContact(email: respondent.email), fallbackLanguage: language),
            data: data)
    }
}

extension ClockEffects {
    /// Adds what `other` did.
    mutating func absorb(_ other: ClockEffects) {
        started += other.started
        met += other.met
        paused += other.paused
        resumed += other.resumed
        cancelled += other.cancelled
        extended += other.extended
    }
}

extension CaseStore {
    /// Notices of `kind` to the complainant (and their representative) and to the respondent,
    /// with the same data.
    func partyNotices(_ record: CaseRecord, kind: String, data: [String: JSONValue]) -> [NoticeRequest] {
        complainantNotices(record, kind: kind, data: data) + [record.respondentNotice(kind: kind, data: data)]
    }

    /// Runs a lifecycle move (with its clocks, audit row and notices) and then the resolution
    /// change `body`, in the caller's transaction; returns the second change with the notices
    /// and clock effects of both.
    func moveThenChange(
        reference: String,
        move: MoveRequest?,
        expectVersion: Int?,
        actor: Actor,
        at instant: Date,
        _ body: (inout CaseRecord, OfficeContext, LocalDate) throws -> (
            kind: String, data: [String: JSONValue], effects: ClockEffects, notices: [NoticeRequest]
        ),
        afterClaim: (CaseRecord) throws -> [String: JSONValue] = { _ in [:] }
    ) throws -> CaseChange {
        var first: CaseChange?
        if let move {
            first = try self.move(reference: reference, move, actor: actor, at: instant, expectVersion: expectVersion)
        }
        var second = try change(
            reference: reference, expectVersion: first == nil ? expectVersion : nil, actor: actor,
            permission: .workCase, at: instant, body, afterClaim: afterClaim)
        if let first {
            var effects = first.effects
            effects.absorb(second.effects)
            second.effects = effects
            second.notices = first.notices + second.notices
        }
        return second
    }
}
