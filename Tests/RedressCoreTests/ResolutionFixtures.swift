import Foundation

@testable import RedressCore

/// The clocks of one case as the resolution rules change them, keyed as the store keys them:
/// kind plus subject (remedy item or information request number).
struct ClockBoard {
    struct Key: Hashable, CustomStringConvertible {
        var kind: ClockKind
        var subject: Int?
        var description: String { subject.map { "\(kind)#\($0)" } ?? kind.rawValue }
    }

    var clocks: [Key: Clock] = [:]
    var calendar: WorkCalendar
    var policy = Policy.default
    var urgent = false

    init(calendar: WorkCalendar = Fixtures.plain) {
        self.calendar = calendar
    }

    /// Applies effects as the store does: a start makes a clock (refusing a second live one of
    /// the same key), every other effect changes the clock it names if there is one.
    mutating func apply(_ effects: [ClockEffect]) throws {
        for effect in effects {
            let key = Key(kind: effect.kind, subject: effect.subject)
            if let clock = effect.makeClock(policy: policy, calendar: calendar, urgent: urgent) {
                precondition(clocks[key].map { $0.cancelled || $0.endedOn != nil } ?? true, "second live \(key)")
                clocks[key] = clock
            } else if var clock = clocks[key] {
                try effect.apply(to: &clock)
                clocks[key] = clock
            }
        }
    }

    subscript(_ kind: ClockKind, _ subject: Int? = nil) -> Clock? {
        clocks[Key(kind: kind, subject: subject)]
    }

    func due(_ kind: ClockKind, _ subject: Int? = nil) -> LocalDate? {
        self[kind, subject]?.dueDate(on: calendar)
    }

    func status(_ kind: ClockKind, _ subject: Int? = nil, asOf: String) -> ClockStatus? {
        self[kind, subject]?.status(asOf: d(asOf), calendar: calendar)
    }
}
