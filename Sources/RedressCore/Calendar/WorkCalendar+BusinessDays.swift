extension WorkCalendar {
    /// Whether `date` is a working day: in the week mask and not a holiday.
    public func isWorkingDay(_ date: LocalDate) -> Bool {
        weekMask.contains(isoWeekday: date.weekday) && !isHoliday(dayNumber: date.dayNumber)
    }

    /// Whether `date` is a holiday in any of the office's calendars.
    public func isHoliday(_ date: LocalDate) -> Bool {
        !holidays(on: date).isEmpty
    }

    /// `date` if it is a working day, otherwise the next working day (numpy's `roll='forward'`).
    public func rollForward(_ date: LocalDate) -> LocalDate {
        LocalDate(dayNumber: rollForward(dayNumber: date.dayNumber))
    }

    /// `date` if it is a working day, otherwise the working day before it (numpy's `roll='backward'`).
    public func rollBackward(_ date: LocalDate) -> LocalDate {
        isWorkingDay(date) ? date : busdayOffset(date, -1)
    }

    /// The last day of a window of `n` working days after `date`: the `n`-th working day after
    /// it, so that nothing in the window has more than `n` working days left. On a working day
    /// that is `busday_offset(date, n)`; from a Saturday it counts from the Friday before
    /// (`roll='backward'`), Monday being the first working day after the Saturday.
    public func windowEnd(after date: LocalDate, workingDays n: Int) -> LocalDate {
        busdayOffset(rollBackward(date), n)
    }

    /// numpy's `busday_offset(date, n, roll='forward')`: roll `date` forward to a working day,
    /// then move `n` working days (backwards when `n` is negative).
    ///
    /// Received Friday, 3 working days gives the Wednesday; received Saturday, the Thursday.
    /// Runs in time independent of `n`: whole weeks are jumped, and holidays are counted with a
    /// binary search over the sorted holiday list.
    public func busdayOffset(_ date: LocalDate, _ n: Int) -> LocalDate {
        var current = rollForward(dayNumber: date.dayNumber)
        if n > 0 {
            // Invariant: the working days in (start, current] number n minus `remaining`.
            var remaining = n
            while remaining > 0 {
                let next = maskDay(after: current, count: remaining)
                remaining = holidayCount(from: current + 1, to: next + 1)
                current = next
            }
        } else if n < 0 {
            var remaining = -n
            while remaining > 0 {
                let previous = maskDay(before: current, count: remaining)
                remaining = holidayCount(from: previous, to: current)
                current = previous
            }
        }
        return LocalDate(dayNumber: current)
    }

    /// numpy's `busday_count(begin, end)`: the working days in [begin, end).
    ///
    /// When `end` is before `begin` the result is negative and counts the working days in
    /// (end, begin], as numpy does since 1.25, so that `busdayOffset(a, busdayCount(from: a, to: b))`
    /// is `b` whenever `a` and `b` are working days.
    public func busdayCount(from begin: LocalDate, to end: LocalDate) -> Int {
        if begin <= end {
            return workingDays(from: begin.dayNumber, to: end.dayNumber)
        }
        return -workingDays(from: end.dayNumber + 1, to: begin.dayNumber + 1)
    }

    /// The days in [begin, end) that are not working days, in order, each with why it is off.
    public func nonWorkingDays(from begin: LocalDate, to end: LocalDate) -> [DayOff] {
        guard begin < end else { return [] }
        var days: [DayOff] = []
        var date = begin
        while date < end {
            let named = holidays(on: date)
            let isWeekend = !weekMask.contains(isoWeekday: date.weekday)
            if isWeekend || !named.isEmpty {
                days.append(DayOff(date: date, isWeekend: isWeekend, holidays: named))
            }
            date = date + 1
        }
        return days
    }

    // MARK: Integer core

    @inline(__always)
    func isHoliday(dayNumber: Int) -> Bool {
        let index = holidayIndex(atOrAfter: dayNumber)
        return index < holidayDays.count && holidayDays[index] == dayNumber
    }

    @inline(__always)
    func weekdayIndex(_ dayNumber: Int) -> Int {
        LocalDate.isoWeekday(ofDayNumber: dayNumber) - 1
    }

    func rollForward(dayNumber: Int) -> Int {
        var day = dayNumber
        var index = holidayIndex(atOrAfter: day)
        while true {
            let weekday = weekdayIndex(day)
            if !weekMask.contains(isoWeekday: weekday + 1) {
                day += forwardSteps[weekday * 8 + 1]
                continue
            }
            while index < holidayDays.count, holidayDays[index] < day { index += 1 }
            if index < holidayDays.count, holidayDays[index] == day {
                day += forwardSteps[weekday * 8 + 1]
                continue
            }
            return day
        }
    }

    /// The `count`-th week-mask day after `dayNumber` (count ≥ 1), ignoring holidays.
    @inline(__always)
    func maskDay(after dayNumber: Int, count: Int) -> Int {
        let perWeek = weekMask.daysPerWeek
        let weeks = (count - 1) / perWeek
        let step = (count - 1) % perWeek + 1
        return dayNumber + weeks * 7 + forwardSteps[weekdayIndex(dayNumber) * 8 + step]
    }

    /// The `count`-th week-mask day before `dayNumber` (count ≥ 1), ignoring holidays.
    @inline(__always)
    func maskDay(before dayNumber: Int, count: Int) -> Int {
        let perWeek = weekMask.daysPerWeek
        let weeks = (count - 1) / perWeek
        let step = (count - 1) % perWeek + 1
        return dayNumber - weeks * 7 - backwardSteps[weekdayIndex(dayNumber) * 8 + step]
    }

    /// Working days in [begin, end) for begin ≤ end.
    @inline(__always)
    func workingDays(from begin: Int, to end: Int) -> Int {
        let span = end - begin
        let maskDays = (span / 7) * weekMask.daysPerWeek + maskPrefix[weekdayIndex(begin) * 8 + span % 7]
        return maskDays - holidayCount(from: begin, to: end)
    }

    /// Holidays on working weekdays in [begin, end).
    @inline(__always)
    func holidayCount(from begin: Int, to end: Int) -> Int {
        guard begin < end, !holidayDays.isEmpty else { return 0 }
        return holidayIndex(atOrAfter: end) - holidayIndex(atOrAfter: begin)
    }

    /// The index of the first holiday day number ≥ `dayNumber` (binary search).
    @inline(__always)
    func holidayIndex(atOrAfter dayNumber: Int) -> Int {
        var low = 0
        var high = holidayDays.count
        while low < high {
            let middle = (low + high) >> 1
            if holidayDays[middle] < dayNumber { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
