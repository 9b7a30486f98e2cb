public import Foundation
public import RedressCore

/// A value a notice template can use: `{{name}}` for text-like values, `{{#name}}…{{/name}}`
/// for flags, lists and records.
///
/// Dates, instants and domain terms are written out in the notice's language when it is
/// rendered, so callers pass what they know (a `LocalDate`, an `Outcome`) and never translate.
public enum NoticeValue: Sendable, Hashable {
    /// Text, used as is. An empty text counts as false in a section, so a template can leave
    /// out a paragraph whose text is empty.
    case text(String)
    /// A whole number, written in decimal.
    case number(Int)
    /// A local date, written in the notice's language ("14 March 2026", "2026년 3월 14일"); the
    /// renderer adds `NAME_iso` (YYYY-MM-DD) beside it.
    case date(LocalDate)
    /// An instant, written as a date and time in the office's time zone.
    case instant(Date)
    /// A case state (a route or stage), written as a term in the notice's language; the
    /// renderer adds a flag `NAME_is_STATE` for every state.
    case state(CaseState)
    /// An outcome code, written as a term in the notice's language; the renderer adds a flag
    /// `NAME_is_OUTCOME` for every outcome.
    case outcome(Outcome)
    /// A clock, written as what it times ("the body's written response"); the renderer adds a
    /// flag `NAME_is_CLOCK` for every clock kind.
    case clock(ClockKind)
    /// A flag for a section.
    case flag(Bool)
    /// A list, rendered once per item by a section; the renderer adds a flag `has_NAME`, true
    /// when the list is not empty.
    case list([NoticeValue])
    /// A record whose fields a section (or an item of a list) can use.
    case record([String: NoticeValue])
}

extension NoticeValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) {
        self = .text(value)
    }
}

extension NoticeValue: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) {
        self = .number(value)
    }
}

extension NoticeValue: ExpressibleByBooleanLiteral {
    public init(booleanLiteral value: Bool) {
        self = .flag(value)
    }
}

extension NoticeValue: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: NoticeValue...) {
        self = .list(elements)
    }
}

extension NoticeValue: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, NoticeValue)...) {
        self = .record(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
