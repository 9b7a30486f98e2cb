import RedressCore

extension CaseRecord {
    /// The due date of the live clock of `kind` as notice data (YYYY-MM-DD), taken when the
    /// notice is queued so the letter states the date of its event; null when there is none.
    func noticeDueDate(_ kind: ClockKind, context: OfficeContext) -> JSONValue {
        .text(liveClock(kind)?.clock.dueDate(on: context.calendar)?.iso)
    }

    /// The due date of the stage a route decision sends the case to, as notice data.
    func noticeDueDate(routeOf state: CaseState, context: OfficeContext) -> JSONValue {
        guard let kind = CaseRecord.routeClock(state) else { return .null }
        return noticeDueDate(kind, context: context)
    }

    /// The clock a route decision names as the next date: the end of early resolution, the
    /// reply to the offer of mediation, or the end of the investigation.
    static func routeClock(_ state: CaseState) -> ClockKind? {
        switch state {
        case .earlyResolution: return .earlyResolution
        case .mediation: return .mediationAcceptance
        case .investigation: return .investigation
        default: return nil
        }
    }

    /// The clock of `kind` a notice speaks of: the live one, else the latest.
    func noticeClock(_ kind: ClockKind) -> StoredClock? {
        liveClock(kind) ?? clocks.last { $0.clock.kind == kind }
    }
}
