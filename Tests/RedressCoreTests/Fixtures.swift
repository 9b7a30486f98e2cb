import Foundation

@testable import RedressCore

/// A date from its ISO text; test tables use literal dates.
func d(_ iso: String) -> LocalDate {
    guard let date = LocalDate(iso: iso) else { fatalError("bad test date \(iso)") }
    return date
}

/// An instant from `YYYY-MM-DDTHH:MM:SSZ`.
func instant(_ text: String) -> Date {
    let date = d(String(text.prefix(10)))
    let time = text.dropFirst(11).prefix(8).split(separator: ":").map { Int($0)! }
    let seconds = date.dayNumber * 86_400 + time[0] * 3600 + time[1] * 60 + time[2]
    return Date(timeIntervalSince1970: Double(seconds))
}

/// Noon UTC on a date: an instant whose local date is that date in the fixtures' zones.
func noon(_ iso: String) -> Date {
    instant(iso + "T03:00:00Z")
}

enum Fixtures {
    /// Monday to Friday in UTC with no holidays.
    static let plain = try! WorkCalendar(timeZone: "UTC")

    /// Korean public holidays of 2026 and New Year 2027, plus a local day in a second calendar.
    static let koreanHolidays: [Holiday] = [
        ("2026-01-01", "New Year's Day"),
        ("2026-02-16", "Seollal"), ("2026-02-17", "Seollal"), ("2026-02-18", "Seollal"),
        ("2026-03-01", "Independence Movement Day"),
        ("2026-03-02", "Substitute holiday for Independence Movement Day"),
        ("2026-05-05", "Children's Day"),
        ("2026-05-24", "Buddha's Birthday"),
        ("2026-05-25", "Substitute holiday for Buddha's Birthday"),
        ("2026-06-03", "Local elections"),
        ("2026-06-06", "Memorial Day"),
        ("2026-08-15", "Liberation Day"),
        ("2026-08-17", "Substitute holiday for Liberation Day"),
        ("2026-10-03", "National Foundation Day"),
        ("2026-10-05", "Substitute holiday for National Foundation Day"),
        ("2026-10-09", "Hangul Day"),
        ("2026-12-25", "Christmas Day"),
        ("2027-01-01", "New Year's Day"),
    ].map { Holiday(date: d($0.0), name: $0.1, calendar: "KR national") }

    /// Seoul time, Monday to Friday, the national holidays and Gwangju's 18 May.
    static let korea = try! WorkCalendar(
        timeZone: "Asia/Seoul",
        holidays: koreanHolidays + [
            Holiday(date: d("2026-05-18"), name: "May 18 Democratic Uprising Memorial Day", calendar: "Gwangju")
        ]
    )

    static let newYork = try! WorkCalendar(timeZone: "America/New_York")
    static let london = try! WorkCalendar(timeZone: "Europe/London")

    static func calendar(_ name: String) -> WorkCalendar {
        switch name {
        case "plain": return plain
        case "korea": return korea
        case "newYork": return newYork
        case "london": return london
        default: fatalError("no calendar \(name)")
        }
    }

    /// A clock starting at noon on `start` (a date, in the calendar's zone) with no history.
    static func clock(_ kind: ClockKind = .triage, start: String, _ allowance: Allowance) -> Clock {
        Clock(kind: kind, startInstant: noon(start), startDate: d(start), allowance: allowance, policyVersion: 1)
    }
}

/// SplitMix64: a tiny seeded generator, so every property run is reproducible from its seed.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
