import Foundation
import Testing

@testable import RedressCore

/// Property tests of the day-counting rule over random calendars and dates.
///
/// Every run draws the same cases from a fixed SplitMix64 seed; a failure message names the
/// seed and the case number, so it can be replayed.
@Suite("Day-counting properties")
struct PropertyTests {
    static let iterations = 500

    /// A random office: a week mask with at least one day and holidays of random density in
    /// 2025–2028, with dates drawn in 2026–2027 so spans reach holidays on both sides.
    struct RandomOffice {
        let calendar: WorkCalendar
        let holidaySet: Set<Int>

        init(using rng: inout SplitMix64) {
            var bits = UInt8(truncatingIfNeeded: rng.next() % 127 + 1)
            // Favour realistic masks half of the time.
            if rng.next() % 2 == 0 { bits = [0b0011111, 0b1001111, 0b0111111, 0b0011011][Int(rng.next() % 4)] }
            let mask = try! WeekMask(bits: bits)
            let density = Int(rng.next() % 40)
            var holidays: [Holiday] = []
            var day = d("2025-06-01")
            while day < d("2028-06-01") {
                if Int(rng.next() % 100) < density {
                    holidays.append(
                        Holiday(date: day, name: "Holiday \(day.iso)", calendar: rng.next() % 2 == 0 ? "A" : "B"))
                }
                day = day + 1
            }
            calendar = try! WorkCalendar(timeZone: "UTC", weekMask: mask, holidays: holidays)
            holidaySet = Set(holidays.map(\.date.dayNumber))
        }

        func naiveIsWorking(_ day: Int) -> Bool {
            calendar.weekMask.contains(isoWeekday: LocalDate(dayNumber: day).weekday) && !holidaySet.contains(day)
        }

        /// numpy's busday_offset(roll='forward'), one day at a time.
        func naiveOffset(_ date: LocalDate, _ n: Int) -> LocalDate {
            var day = date.dayNumber
            while !naiveIsWorking(day) { day += 1 }
            var remaining = abs(n)
            let step = n >= 0 ? 1 : -1
            while remaining > 0 {
                day += step
                if naiveIsWorking(day) { remaining -= 1 }
            }
            return LocalDate(dayNumber: day)
        }

        /// numpy's busday_count, one day at a time: [a, b), or −(b, a] when b < a.
        func naiveCount(_ a: LocalDate, _ b: LocalDate) -> Int {
            if a <= b {
                return (a.dayNumber..<b.dayNumber).filter(naiveIsWorking).count
            }
            return -((b.dayNumber + 1)..<(a.dayNumber + 1)).filter(naiveIsWorking).count
        }
    }

    static func randomDate(_ rng: inout SplitMix64, from: String = "2026-01-01", days: UInt64 = 730) -> LocalDate {
        d(from) + Int(rng.next() % days)
    }

    @Test func busdayOffsetMatchesDayByDay() {
        var rng = SplitMix64(seed: 0x5EED_0001)
        for index in 0..<Self.iterations {
            let office = RandomOffice(using: &rng)
            for _ in 0..<4 {
                let start = Self.randomDate(&rng)
                let n = Int(rng.next() % 121) - 60
                #expect(
                    office.calendar.busdayOffset(start, n) == office.naiveOffset(start, n),
                    "seed 0x5EED0001 case \(index): \(start) \(n) mask \(office.calendar.weekMask)")
            }
        }
    }

    @Test func busdayCountMatchesDayByDay() {
        var rng = SplitMix64(seed: 0x5EED_0002)
        for index in 0..<Self.iterations {
            let office = RandomOffice(using: &rng)
            for _ in 0..<4 {
                let a = Self.randomDate(&rng)
                let b = a + (Int(rng.next() % 201) - 100)
                #expect(
                    office.calendar.busdayCount(from: a, to: b) == office.naiveCount(a, b),
                    "seed 0x5EED0002 case \(index): \(a) \(b) mask \(office.calendar.weekMask)")
            }
        }
    }

    @Test func offsetAndCountAreInverse() {
        var rng = SplitMix64(seed: 0x5EED_0003)
        for index in 0..<Self.iterations {
            let office = RandomOffice(using: &rng)
            let a = office.calendar.rollForward(Self.randomDate(&rng))
            let b = office.calendar.rollForward(Self.randomDate(&rng))
            let count = office.calendar.busdayCount(from: a, to: b)
            #expect(office.calendar.busdayOffset(a, count) == b, "seed 0x5EED0003 case \(index): \(a) \(b)")
        }
    }

    @Test func rollForwardFindsTheNextWorkingDay() {
        var rng = SplitMix64(seed: 0x5EED_0004)
        for index in 0..<Self.iterations {
            let office = RandomOffice(using: &rng)
            let date = Self.randomDate(&rng)
            let rolled = office.calendar.rollForward(date)
            #expect(office.naiveIsWorking(rolled.dayNumber), "seed 0x5EED0004 case \(index)")
            #expect(
                (date.dayNumber..<rolled.dayNumber).allSatisfy { !office.naiveIsWorking($0) },
                "seed 0x5EED0004 case \(index)")
        }
    }

    /// A random clock: any unit, up to two closed pauses and two extensions.
    static func randomClock(_ rng: inout SplitMix64, unit: AllowanceUnit? = nil) -> Clock {
        let units = AllowanceUnit.allCases
        let unit = unit ?? units[Int(rng.next() % UInt64(units.count))]
        let amount = unit == .months ? Int(rng.next() % 13) : Int(rng.next() % 80)
        let start = randomDate(&rng)
        var clock = Clock(
            kind: .investigation, startInstant: noon(start.iso), startDate: start, allowance: Allowance(amount, unit),
            policyVersion: 1)
        var cursor = start
        for _ in 0..<Int(rng.next() % 3) {
            let from = cursor + Int(rng.next() % 30)
            let to = from + Int(rng.next() % 20)
            clock.pauses.append(Clock.Pause(from: from, to: to, reason: "on_hold"))
            cursor = to
        }
        for _ in 0..<Int(rng.next() % 3) {
            clock.extensions.append(
                Clock.Extension(
                    amount: Int(rng.next() % 10) + 1, reason: "r", approverRole: .supervisor, approvedBy: "s",
                    onDate: start))
        }
        return clock
    }

    @Test func dueDateIsAWorkingDay() {
        var rng = SplitMix64(seed: 0x5EED_0005)
        for index in 0..<Self.iterations {
            let office = RandomOffice(using: &rng)
            let clock = Self.randomClock(&rng)
            let due = clock.dueDate(on: office.calendar)
            #expect(
                due.map { office.naiveIsWorking($0.dayNumber) } == true,
                "seed 0x5EED0005 case \(index): \(clock.allowance)")
            #expect(due.map { $0 >= clock.startDate } == true, "seed 0x5EED0005 case \(index)")
        }
    }

    @Test func dueDateNeverDecreasesAsTheAllowanceGrows() {
        var rng = SplitMix64(seed: 0x5EED_0006)
        for index in 0..<Self.iterations {
            let office = RandomOffice(using: &rng)
            var clock = Self.randomClock(&rng)
            var previous = clock.dueDate(on: office.calendar)!
            for _ in 0..<6 {
                clock.allowance.amount += 1
                let next = clock.dueDate(on: office.calendar)!
                #expect(next >= previous, "seed 0x5EED0006 case \(index): \(clock.allowance)")
                if clock.allowance.unit == .workingDays {
                    #expect(next > previous, "seed 0x5EED0006 case \(index): a working day more moves the date")
                }
                previous = next
            }
        }
    }

    @Test func closedPauseMovesAWorkingDayClockByItsWorkingDays() {
        var rng = SplitMix64(seed: 0x5EED_0007)
        for index in 0..<Self.iterations {
            let office = RandomOffice(using: &rng)
            var clock = Self.randomClock(&rng, unit: .workingDays)
            let before = clock.dueDate(on: office.calendar)!
            let from = clock.pauses.last?.to ?? clock.startDate
            let pauseStart = from + Int(rng.next() % 40)
            let pauseEnd = pauseStart + Int(rng.next() % 40)
            let k = office.naiveCount(pauseStart, pauseEnd)
            clock.pauses.append(Clock.Pause(from: pauseStart, to: pauseEnd, reason: "awaiting_info"))
            let after = clock.dueDate(on: office.calendar)!
            #expect(office.calendar.busdayCount(from: before, to: after) == k, "seed 0x5EED0007 case \(index)")
            #expect(after == office.naiveOffset(before, k), "seed 0x5EED0007 case \(index)")
        }
    }

    @Test func withoutHolidaysMondayToFridayIsPlainWeekdayArithmetic() {
        var rng = SplitMix64(seed: 0x5EED_0008)
        let calendar = Fixtures.plain
        for index in 0..<Self.iterations {
            let start = Self.randomDate(&rng, from: "1990-01-01", days: 40 * 365)
            let n = Int(rng.next() % 400)
            // Move a weekend start to Monday, then count whole weeks and leftover weekdays.
            let weekday = start.weekday
            let rolled = weekday >= 6 ? start + (8 - weekday) : start
            let position = rolled.weekday - 1 + n // weekdays since that week's Monday
            let expected = (rolled - (rolled.weekday - 1)) + (position / 5) * 7 + position % 5
            #expect(calendar.busdayOffset(start, n) == expected, "seed 0x5EED0008 case \(index): \(start) + \(n)")
            let clock = Fixtures.clock(start: start.iso, .workingDays(n))
            #expect(clock.dueDate(on: calendar) == expected, "seed 0x5EED0008 case \(index)")
        }
    }

    @Test func localDateAgreesWithFoundationCalendar() {
        var rng = SplitMix64(seed: 0x5EED_0009)
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = TimeZone(identifier: "UTC")!
        for index in 0..<Self.iterations {
            let dayNumber = Int(rng.next() % 146_097) - 73_000 // 1770 to 2170
            let date = LocalDate(dayNumber: dayNumber)
            let parts = gregorian.dateComponents(
                [.year, .month, .day, .weekday], from: Date(timeIntervalSince1970: Double(dayNumber) * 86_400))
            #expect(
                date.year == parts.year && date.month == parts.month && date.day == parts.day,
                "seed 0x5EED0009 case \(index): \(dayNumber)")
            // Foundation numbers weekdays 1 = Sunday.
            #expect(date.weekday == (parts.weekday! + 5) % 7 + 1, "seed 0x5EED0009 case \(index)")
            #expect((try? LocalDate(year: date.year, month: date.month, day: date.day)) == date)
            #expect(LocalDate(iso: date.iso) == date)
        }
    }

    @Test func addingMonthsMatchesCountingMonthByMonth() {
        var rng = SplitMix64(seed: 0x5EED_000A)
        for index in 0..<Self.iterations {
            let date = Self.randomDate(&rng, from: "1999-01-01", days: 40 * 365)
            let months = Int(rng.next() % 49) - 24
            var year = date.year
            var month = date.month
            for _ in 0..<abs(months) {
                month += months > 0 ? 1 : -1
                if month == 13 {
                    month = 1
                    year += 1
                }
                if month == 0 {
                    month = 12
                    year -= 1
                }
            }
            let expected = try! LocalDate(
                year: year, month: month, day: min(date.day, LocalDate.daysIn(month: month, year: year)))
            #expect(date.adding(months: months) == expected, "seed 0x5EED000A case \(index): \(date) + \(months)")
        }
    }

    @Test func everyWeekMaskFormatsAndParsesBack() throws {
        for bits in UInt8(1)...UInt8(127) {
            let mask = try WeekMask(bits: bits)
            #expect(try WeekMask(parsing: mask.formatted) == mask, "\(mask.formatted)")
        }
    }

    @Test func escalationStepsFireOnceInLadderOrder() {
        var rng = SplitMix64(seed: 0x5EED_000B)
        let kinds: [ClockKind] = [
            .triage, .respondentResponse, .respondentReply, .remedy, .complainantUpdate, .investigation,
        ]
        for index in 0..<150 {
            let office = RandomOffice(using: &rng)
            var clock = Self.randomClock(&rng)
            // Keep the whole ladder inside the swept window: at most a year and a half.
            clock.allowance.amount =
                clock.allowance.unit == .months ? clock.allowance.amount % 7 : clock.allowance.amount % 60
            clock.extensions = clock.extensions.map {
                var grant = $0
                grant.amount = grant.amount % 3 + 1
                return grant
            }
            clock.kind = kinds[Int(rng.next() % UInt64(kinds.count))]
            if clock.kind == .remedy { clock.remedyScale = .personal }
            var taken: [EscalationStep] = []
            var day = clock.startDate
            let stride = Int(rng.next() % 5) + 1 // sweeps need not run every day
            while day < clock.startDate + 900 {
                taken += Escalation.dueSteps(for: clock, taken: Set(taken), asOf: day, calendar: office.calendar)
                day = day + stride
            }
            #expect(
                taken == Escalation.ladder(for: clock.kind), "seed 0x5EED000B case \(index): \(clock.kind) \(taken)")
        }
    }
}
