extension Clock {
    /// Stops the clock from `date` on, for `reason`.
    public mutating func pause(from date: LocalDate, reason: String) throws {
        try checkLive()
        if let open = openPause { throw ClockError.alreadyPaused(kind, since: open.from) }
        guard date >= startDate else { throw ClockError.beforeStart(kind, date: date, start: startDate) }
        if let last = pauses.last?.to, date < last {
            throw ClockError.pauseOverlaps(kind, date: date, previousEnd: last)
        }
        guard !reason.isBlank else { throw ClockError.missingReason(kind) }
        pauses.append(Pause(from: date, to: nil, reason: reason))
    }

    /// Restarts the clock on `date`; the days from the pause's start up to `date` are paused.
    public mutating func resume(on date: LocalDate) throws {
        try checkLive()
        guard let index = pauses.lastIndex(where: \.isOpen) else { throw ClockError.notPaused(kind) }
        guard date >= pauses[index].from else {
            throw ClockError.resumeBeforePause(kind, pausedOn: pauses[index].from, resumeOn: date)
        }
        pauses[index].to = date
    }

    /// Records the event that ends the clock, on its local `date`; an open pause closes that day.
    public mutating func end(on date: LocalDate) throws {
        try checkLive()
        guard date >= startDate else { throw ClockError.beforeStart(kind, date: date, start: startDate) }
        if let index = pauses.lastIndex(where: \.isOpen) {
            pauses[index].to = max(date, pauses[index].from)
        }
        endedOn = date
    }

    /// Cancels the clock on `date`: its stage will not happen.
    public mutating func cancel(on date: LocalDate) throws {
        try checkLive()
        cancelled = true
        cancelledOn = date
    }

    private func checkLive() throws {
        if cancelled { throw ClockError.cancelled(kind) }
        if let ended = endedOn { throw ClockError.ended(kind, on: ended) }
    }
}
