extension HolidayFeed {
    /// An `RRULE` with `FREQ=YEARLY` (RFC 5545 §3.3.10), the only frequency holidays need.
    public struct YearlyRule: Sendable, Hashable {
        /// Every how many years (`INTERVAL`, default 1).
        public var interval = 1
        /// How many occurrences in all, the event's start counted (`COUNT`).
        public var count: Int?
        /// The last date an occurrence may start on (`UNTIL`, inclusive).
        public var until: LocalDate?
        /// The months (`BYMONTH`); empty for the start's month, or every month with `monthDays`.
        public var months: [Int] = []
        /// The days of the month (`BYMONTHDAY`, negative from the month's end); empty for the start's day.
        public var monthDays: [Int] = []

        /// Whether the rule goes on for ever (neither `COUNT` nor `UNTIL`).
        public var isOpen: Bool { count == nil && until == nil }

        /// Reads the value of an `RRULE` on line `line`.
        init(_ text: String, line: Int) throws(HolidayFeedError) {
            var seen = Set<String>()
            var frequency: String?
            for part in text.split(separator: ";") {
                let pieces = part.split(separator: "=", maxSplits: 1).map { String($0).uppercased() }
                guard pieces.count == 2, seen.insert(pieces[0]).inserted else {
                    throw .invalidRulePart(line: line, part: String(part))
                }
                let (name, value) = (pieces[0], pieces[1])
                func numbers(_ range: ClosedRange<Int>, allowNegative: Bool = false) throws(HolidayFeedError) -> [Int] {
                    let list = value.split(separator: ",", omittingEmptySubsequences: false).map { Int($0) }
                    let valid = list.compactMap { $0 }.filter {
                        range.contains($0)
                            || (allowNegative && $0 < 0 && $0 >= -range.upperBound && $0 <= -range.lowerBound)
                    }
                    guard !list.isEmpty, valid.count == list.count else {
                        throw .invalidRulePart(line: line, part: String(part))
                    }
                    return valid
                }
                switch name {
                case "FREQ":
                    frequency = value
                case "INTERVAL":
                    interval = try numbers(1...1000)[0]
                case "COUNT":
                    count = try numbers(1...Int(Int32.max))[0]
                case "UNTIL":
                    // A date, or the date of a date and time, which some writers give all-day events.
                    let digits = value.prefix(8)
                    guard value.count == 8 || (value.count >= 15 && value.dropFirst(8).first == "T"),
                        let date = HolidayFeed.date(String(digits))
                    else { throw .invalidRulePart(line: line, part: String(part)) }
                    until = date
                case "BYMONTH":
                    months = try numbers(1...12)
                case "BYMONTHDAY":
                    monthDays = try numbers(1...31, allowNegative: true)
                case "WKST":
                    // The first day of the week matters only to weekly numbering, which yearly dates do not use.
                    continue
                default:
                    throw .unsupportedRulePart(line: line, part: String(part))
                }
            }
            guard let frequency, count == nil || until == nil else { throw .invalidRulePart(line: line, part: text) }
            guard frequency == "YEARLY" else { throw .unsupportedFrequency(line: line, frequency: frequency) }
        }

        /// The dates the rule gives, `start` first (RFC 5545 counts it as the first occurrence):
        /// through `UNTIL`, `COUNT` dates, or, for a rule without an end, through `lastYear`.
        /// More than `limit` dates is refused.
        func dates(from start: LocalDate, through lastYear: Int, limit: Int, line: Int) throws(HolidayFeedError)
            -> [LocalDate]
        {
            var dates = [start]
            let finalYear = until?.year ?? (count == nil ? lastYear : 9999)
            for year in stride(from: start.year, through: finalYear, by: interval) {
                for date in self.dates(in: year, start: start) where date > start {
                    if let until, date > until { return dates }
                    if let count, dates.count >= count { return dates }
                    guard dates.count < limit else {
                        throw .tooManyHolidays(line: line, limit: HolidayFeed.maximumHolidays)
                    }
                    dates.append(date)
                }
            }
            return dates
        }

        /// The rule's dates in `year`, in order; days a month lacks (30 February) are skipped.
        func dates(in year: Int, start: LocalDate) -> [LocalDate] {
            let months =
                self.months.isEmpty ? (monthDays.isEmpty ? [start.month] : Array(1...12)) : self.months.sorted()
            let days = monthDays.isEmpty ? [start.day] : monthDays
            return months.flatMap { month in
                let length = LocalDate.daysIn(month: month, year: year)
                return Set(days.map { $0 < 0 ? length + $0 + 1 : $0 }).filter { (1...length).contains($0) }.sorted()
                    .map { LocalDate(dayNumber: LocalDate.dayNumber(year: year, month: month, day: $0)) }
            }
        }
    }
}
