import Foundation
import RedressCore

extension WorkCalendar {
    /// The first instant of `date` in the office time zone (midnight, or the first moment of
    /// the day where a daylight-saving change skips midnight).
    func startOfDay(_ date: LocalDate) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let (year, month, day) = date.parts
        let noon = calendar.date(from: DateComponents(year: year, month: month, day: day, hour: 12))!
        return calendar.startOfDay(for: noon)
    }

    /// The last second of `date` in the office time zone: when a sweep run later for that date
    /// records its steps as having happened.
    func endOfDay(_ date: LocalDate) -> Date {
        startOfDay(date + 1).addingTimeInterval(-1)
    }
}
