extension Clock {
    /// The units added by approved extensions.
    public var extensionTotal: Int {
        extensions.reduce(0) { $0 + $1.amount }
    }

    /// The allowance plus every extension, in the clock's unit.
    public var totalAllowance: Int {
        allowance.amount + extensionTotal
    }

    /// The pause that is still open, if any.
    public var openPause: Pause? {
        pauses.last(where: \.isOpen)
    }

    /// Whether the clock stands still now.
    public var isPaused: Bool {
        openPause != nil
    }

    /// The time the pauses added: working days (`busday_count(from, to)`) for a working-day
    /// clock, calendar days (`to − from`) otherwise.
    ///
    /// Open pauses count up to `asOf` when it is given, and not at all otherwise.
    public func pausedDays(on calendar: WorkCalendar, asOf: LocalDate? = nil) -> Int {
        pauses.reduce(0) { sum, pause in
            guard let end = pause.to ?? asOf else { return sum }
            return sum + added(by: pause, endingOn: end, calendar: calendar)
        }
    }

    /// The time one pause added, in the clock's pause unit, if it ends on `end`.
    public func added(by pause: Pause, endingOn end: LocalDate, calendar: WorkCalendar) -> Int {
        let end = max(end, pause.from)
        switch allowance.unit {
        case .workingDays: return calendar.busdayCount(from: pause.from, to: end)
        case .calendarDays, .months: return end - pause.from
        }
    }

    /// The due date by the rule of SPEC §2.2, or `nil` while a pause is open.
    ///
    /// - working days: `busday_offset(start, allowance + extensions + paused working days, roll='forward')`;
    /// - calendar days: `start + allowance + extensions + paused days`, rolled forward to a working day;
    /// - months: `start + (allowance + extensions) months` (clamped to the month's end) `+ paused days`,
    ///   rolled forward.
    public func dueDate(on calendar: WorkCalendar) -> LocalDate? {
        guard !isPaused else { return nil }
        return dueDate(on: calendar, resumingOn: startDate)
    }

    /// The due date the clock would have if every open pause ended on `resumption`; the plain
    /// due date when nothing is paused.
    public func dueDate(on calendar: WorkCalendar, resumingOn resumption: LocalDate) -> LocalDate {
        dueDate(on: calendar, amount: totalAllowance, resumingOn: resumption)
    }

    /// The date on which `amount` units of the clock are used up, counted exactly as the due
    /// date is (same start, same pauses), with open pauses ending on `resumption`.
    func dueDate(on calendar: WorkCalendar, amount: Int, resumingOn resumption: LocalDate) -> LocalDate {
        let paused = pauses.reduce(0) { $0 + added(by: $1, endingOn: $1.to ?? resumption, calendar: calendar) }
        switch allowance.unit {
        case .workingDays:
            return calendar.busdayOffset(startDate, amount + paused)
        case .calendarDays:
            return calendar.rollForward(startDate + (amount + paused))
        case .months:
            return calendar.rollForward(startDate.adding(months: amount) + paused)
        }
    }

    /// The clock as it stood at the end of `date`: later pauses, extensions, ending and
    /// cancellation are left out, and a pause that ended later is still open.
    ///
    /// This is what makes a sweep `--as-of` a past date reproduce what would have happened then.
    public func snapshot(asOf date: LocalDate) -> Clock {
        // Most clocks have no later facts; skip the copy for them (the sweep runs this a million times).
        let nothingLater =
            pauses.allSatisfy { $0.from <= date && ($0.to ?? date) <= date }
            && extensions.allSatisfy { $0.onDate <= date }
            && (endedOn ?? date) <= date
            && (cancelledOn ?? date) <= date
        if nothingLater { return self }
        var clock = self
        clock.pauses = pauses.compactMap { pause in
            guard pause.from <= date else { return nil }
            guard let end = pause.to, end <= date else { return Pause(from: pause.from, to: nil, reason: pause.reason) }
            return pause
        }
        clock.extensions = extensions.filter { $0.onDate <= date }
        if let ended = endedOn, ended > date { clock.endedOn = nil }
        if cancelled, let on = cancelledOn, on > date {
            clock.cancelled = false
            clock.cancelledOn = nil
        }
        return clock
    }

    /// The clock's status at the end of `date` (SPEC §2.2).
    ///
    /// Met when it ended on or before its due date, met_late after it; while running, breached
    /// on any date after the due date. A clock that ended during a pause is judged with the
    /// pause closed on its ending date.
    public func status(asOf date: LocalDate, calendar: WorkCalendar) -> ClockStatus {
        snapshot(asOf: date).currentStatus(asOf: date, calendar: calendar)
    }

    /// The status on `date` of a clock that holds no fact later than `date`.
    func currentStatus(asOf date: LocalDate, calendar: WorkCalendar) -> ClockStatus {
        let clock = self
        if clock.cancelled { return .cancelled }
        if let ended = clock.endedOn {
            return ended <= clock.dueDate(on: calendar, resumingOn: ended) ? .met : .metLate
        }
        guard let due = clock.dueDate(on: calendar) else { return .paused }
        return date > due ? .breached : .running
    }
}
