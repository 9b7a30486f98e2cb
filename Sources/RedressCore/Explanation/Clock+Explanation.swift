extension Clock {
    /// How this clock's due date was worked out on `calendar`; see `Explanation`.
    public func explain(on calendar: WorkCalendar, asOf: LocalDate? = nil) -> Explanation {
        Explanation(clock: self, calendar: calendar, asOf: asOf)
    }
}
