/// The days of the week on which the office works, before holidays are taken out.
///
/// Written as `Mon-Fri`, `Sun-Thu` (ranges wrap round the week) or `Mon,Tue,Thu`; numpy's
/// seven-digit form `1111100` (Monday first) is read too.
public struct WeekMask: Sendable, Hashable {
    /// Bit `weekday − 1` is set for each working ISO weekday (bit 0 is Monday, bit 6 Sunday).
    public let bits: UInt8

    /// Monday to Friday, the default.
    public static let mondayToFriday = WeekMask(uncheckedBits: 0b0011111)

    /// Three-letter English names of the ISO weekdays, Monday first.
    public static let shortNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    /// Full English names of the ISO weekdays, Monday first.
    public static let fullNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// Makes a mask from ISO weekdays (1 = Monday … 7 = Sunday); it must hold at least one.
    public init(isoWeekdays: Set<Int>) throws {
        var bits: UInt8 = 0
        for weekday in isoWeekdays {
            guard (1...7).contains(weekday) else {
                throw CalendarError.invalidWeekMask(isoWeekdays.sorted().map(String.init).joined(separator: ","))
            }
            bits |= 1 << UInt8(weekday - 1)
        }
        try self.init(bits: bits)
    }

    /// Makes a mask from its bit pattern (bit 0 Monday … bit 6 Sunday).
    public init(bits: UInt8) throws {
        guard bits & 0b0111_1111 != 0 else { throw CalendarError.emptyWeekMask }
        guard bits & 0b1000_0000 == 0 else { throw CalendarError.invalidWeekMask(String(bits, radix: 2)) }
        self.bits = bits
    }

    private init(uncheckedBits: UInt8) {
        self.bits = uncheckedBits
    }

    /// Reads a mask such as `Mon-Fri`, `Sun-Thu`, `Mon,Tue,Thu` or `1111100`.
    public init(parsing text: String) throws {
        let trimmed = text.trimmingWhitespace()
        if trimmed.count == 7, trimmed.allSatisfy({ $0 == "0" || $0 == "1" }) {
            var bits: UInt8 = 0
            for (index, character) in trimmed.enumerated() where character == "1" {
                bits |= 1 << UInt8(index)
            }
            try self.init(bits: bits)
            return
        }
        var bits: UInt8 = 0
        for item in trimmed.split(separator: ",", omittingEmptySubsequences: false) {
            let ends = item.split(separator: "-", omittingEmptySubsequences: false)
            guard (1...2).contains(ends.count),
                let first = WeekMask.weekday(named: String(ends[0])),
                let last = WeekMask.weekday(named: String(ends[ends.count - 1]))
            else { throw CalendarError.invalidWeekMask(text) }
            // A range runs forward from its first day and may wrap past Sunday (Sun-Thu).
            var day = first
            while true {
                bits |= 1 << UInt8(day - 1)
                if day == last { break }
                day = day == 7 ? 1 : day + 1
            }
        }
        try self.init(bits: bits)
    }

    /// Whether the ISO weekday (1 = Monday … 7 = Sunday) is a working day of the week.
    @inline(__always)
    public func contains(isoWeekday: Int) -> Bool {
        bits & (1 << UInt8(truncatingIfNeeded: isoWeekday - 1)) != 0
    }

    /// The working ISO weekdays, Monday first.
    public var isoWeekdays: [Int] {
        (1...7).filter { contains(isoWeekday: $0) }
    }

    /// How many days of the week are working days.
    public var daysPerWeek: Int { bits.nonzeroBitCount }

    /// The mask written back in the short form: runs of three or more days as ranges.
    public var formatted: String {
        if bits == 0b0111_1111 { return "Mon-Sun" }
        var runs: [(start: Int, length: Int)] = []
        for day in 1...7 where contains(isoWeekday: day) {
            let previous = day == 1 ? 7 : day - 1
            guard !contains(isoWeekday: previous) else { continue }
            var length = 1
            var next = day == 7 ? 1 : day + 1
            while contains(isoWeekday: next) {
                length += 1
                next = next == 7 ? 1 : next + 1
            }
            runs.append((day, length))
        }
        var names: [String] = []
        for run in runs {
            let days = (0..<run.length).map { (run.start - 1 + $0) % 7 }
            if run.length >= 3 {
                names.append("\(WeekMask.shortNames[days[0]])-\(WeekMask.shortNames[days[days.count - 1]])")
            } else {
                names.append(contentsOf: days.map { WeekMask.shortNames[$0] })
            }
        }
        return names.joined(separator: ",")
    }

    private static func weekday(named raw: String) -> Int? {
        let name = raw.trimmingWhitespace().lowercased()
        guard name.count >= 3 else { return nil }
        for (index, full) in fullNames.enumerated() {
            let lower = full.lowercased()
            if name == lower || name == String(lower.prefix(3)) { return index + 1 }
        }
        return nil
    }
}

extension WeekMask: CustomStringConvertible {
    public var description: String { formatted }
}

extension WeekMask: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(parsing: text)
        } catch let error as CalendarError {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(formatted)
    }
}
