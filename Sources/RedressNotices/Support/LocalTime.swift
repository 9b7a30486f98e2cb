import Foundation
import RedressCore

/// The wall-clock reading of an instant in a time zone, whole seconds.
struct LocalTime {
    var date: LocalDate
    var hour: Int
    var minute: Int
    var second: Int
    /// The zone's offset from UTC at the instant, rounded to whole minutes.
    var offsetSeconds: Int

    init(instant: Date, timeZone: TimeZone) {
        let offset = Int((Double(timeZone.secondsFromGMT(for: instant)) / 60).rounded()) * 60
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) + offset
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        self.date = LocalDate(dayNumber: days)
        self.hour = secondOfDay / 3600
        self.minute = secondOfDay % 3600 / 60
        self.second = secondOfDay % 60
        self.offsetSeconds = offset
    }
}
