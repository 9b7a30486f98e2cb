import RedressCore

extension CaseRecord {
    /// The due date of the live clock of `kind` as notice data (YYYY-MM-DD), taken when the
    /// notice is queued so the letter states the date of its event; null when there is none.
    func noticeDueDate(_ kind: ClockKind, context: OfficeContext) -> JSONValue {
        .text(liveClock(kind)?.clock.dueDate(on: context.calendar)?.iso)
    }

    /// The clock of `kind` a notice speaks of: the live one, else the latest.
    func noticeClock(_ kind: ClockKind) -> StoredClock? {
        liveClock(kind) ?? clocks.last { $0.clock.kind == kind }
    }
}
