import Foundation
import RedressCore

/// Dates as RFC 5322 §3.3 writes them: `Sat, 14 Mar 2026 09:30:00 +0900`.
enum RFC5322Date {
    private static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The instant as the wall-clock time in `timeZone`, with that zone's offset then.
    static func format(_ instant: Date, timeZone: TimeZone) -> String {
        let local = LocalTime(instant: instant, timeZone: timeZone)
        let offsetMinutes = local.offsetSeconds / 60
        let sign = offsetMinutes < 0 ? "-" : "+"
        let magnitude = abs(offsetMinutes)
        return
            "\(weekdays[local.date.weekday - 1]), \(local.date.day) \(months[local.date.month - 1]) \(pad(local.date.year, 4)) "
            + "\(pad(local.hour, 2)):\(pad(local.minute, 2)):\(pad(local.second, 2)) \(sign)\(pad(magnitude / 60, 2))\(pad(magnitude % 60, 2))"
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
