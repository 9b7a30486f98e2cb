public import ArgumentParser
import Foundation
import RedressCore
import RedressStore

// Domain vocabularies read straight from the command line by their snake_case names.
extension CaseState: ExpressibleByArgument {}
extension Outcome: ExpressibleByArgument {}
extension ClockKind: ExpressibleByArgument {}
extension ReviewRequester: ExpressibleByArgument {}
extension ReviewOutcome: ExpressibleByArgument {}
extension Role: ExpressibleByArgument {}
extension RemedyScale: ExpressibleByArgument {}
extension AllowanceUnit: ExpressibleByArgument {}
extension Channel: ExpressibleByArgument {}
extension ContactPreference: ExpressibleByArgument {}
extension ContactChannel: ExpressibleByArgument {}
extension ContactDirection: ExpressibleByArgument {}
extension ContactParty: ExpressibleByArgument {}

// Link kinds are typed with a hyphen: same-issue.
extension CaseLinkKind: ExpressibleByArgument {
    init?(argument: String) { self.init(parsing: argument) }
    static var allValueStrings: [String] { ["duplicate", "related", "same-issue"] }
}

/// `yes` or `no` (also `true`/`false`, `on`/`off`).
struct YesNo: ExpressibleByArgument {
    var value: Bool

    init?(argument: String) {
        switch argument.lowercased() {
        case "yes", "true", "on": value = true
        case "no", "false", "off": value = false
        default: return nil
        }
    }
}

/// A size in bytes, written plainly (`26214400`) or with a binary unit (`25MiB`, `512KiB`, `1GiB`).
struct ByteSize: ExpressibleByArgument {
    var bytes: Int

    init?(argument: String) {
        let text = argument.trimmingCharacters(in: .whitespaces)
        let units: [(String, Int)] = [("KiB", 1024), ("MiB", 1024 * 1024), ("GiB", 1024 * 1024 * 1024), ("B", 1)]
        var number = text
        var factor = 1
        for (unit, size) in units where text.hasSuffix(unit) {
            number = String(text.dropLast(unit.count)).trimmingCharacters(in: .whitespaces)
            factor = size
            break
        }
        guard !number.isEmpty, number.allSatisfy(\.isASCII), let value = Int(number), value >= 0,
            value <= Int.max / factor
        else { return nil }
        bytes = value * factor
    }

    /// `25 MiB` for 26214400, else the bytes.
    static func describe(_ bytes: Int) -> String {
        if bytes > 0, bytes % (1024 * 1024) == 0 { return "\(bytes / (1024 * 1024)) MiB" }
        if bytes > 0, bytes % 1024 == 0 { return "\(bytes / 1024) KiB" }
        return "\(bytes) bytes"
    }
}
extension RetentionSchedule.Class: ExpressibleByArgument {}
