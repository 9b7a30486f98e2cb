public import Foundation

extension LocalDate {
    /// The date that `instant` falls on in `timeZone`: the office-local date of an event.
    ///
    /// Uses the zone's offset in force at that instant, so daylight-saving changes are honoured:
    /// 2026-03-01T16:00Z is 2 March in Asia/Seoul but 1 March in America/New_York.
    public init(instant: Date, in timeZone: TimeZone) {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: instant)
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        self.init(dayNumber: days)
    }
}
