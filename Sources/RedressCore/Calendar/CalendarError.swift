public import Foundation

/// Why a date, week mask, time zone or holiday calendar was refused.
public enum CalendarError: Error, Sendable, Hashable {
    /// The text does not name a real calendar date.
    case invalidDate(String)
    /// The text is neither an ISO 8601 date nor an ISO 8601 instant.
    case invalidInstant(String)
    /// The instant is later than now (plus the allowed skew): events are entered once they happened.
    case instantInFuture(String, latest: String)
    /// The instant's office date is before the earliest date the office enters events for.
    case instantTooEarly(String, earliest: LocalDate)
    /// The time zone is not a known IANA zone name.
    case unknownTimeZone(String)
    /// The week mask could not be read.
    case invalidWeekMask(String)
    /// The week mask has no working day at all, so no deadline could ever fall due.
    case emptyWeekMask
    /// A holiday has no name, so explanations could not say what was skipped.
    case unnamedHoliday(LocalDate)
    /// A holiday belongs to no named calendar.
    case unnamedHolidayCalendar(LocalDate)
}

extension CalendarError: RedressError, LocalizedError {
    public var kind: ErrorKind { .badInput }

    public var message: String {
        switch self {
        case .invalidDate(let text):
            return "\"\(text)\" is not a calendar date; give a real date as YYYY-MM-DD."
        case .invalidInstant(let text):
            return
                "\"\(text)\" is not a date or time; write a date as YYYY-MM-DD or an instant as YYYY-MM-DDTHH:MM[:SS] with Z or an offset such as +09:00."
        case let .instantInFuture(text, latest):
            return "\(text) is in the future (after \(latest)); give the time the event happened."
        case let .instantTooEarly(text, earliest):
            return
                "\(text) is before \(earliest.iso), the earliest date this office enters events for; check the year, or ask an admin to move the earliest date back."
        case .unknownTimeZone(let name):
            return "\"\(name)\" is not a known IANA time zone; use a name such as Asia/Seoul or Europe/London."
        case .invalidWeekMask(let text):
            return "\"\(text)\" is not a week mask; write working days as Mon-Fri, Sun-Thu or Mon,Tue,Thu."
        case .emptyWeekMask:
            return "The week mask has no working day; include at least one day, for example Mon-Fri."
        case .unnamedHoliday(let date):
            return "The holiday on \(date.iso) has no name; give every holiday a name."
        case .unnamedHolidayCalendar(let date):
            return "The holiday on \(date.iso) belongs to no named calendar; give its calendar a name."
        }
    }

    public var errorDescription: String? { description }
}
