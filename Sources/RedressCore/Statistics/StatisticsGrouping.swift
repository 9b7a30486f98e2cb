/// What the per-group table of a statistics report (`--by`) is grouped by.
public enum StatisticsGrouping: String, Sendable, Hashable, Codable, CaseIterable {
    /// The respondent body complained about.
    case respondent
    /// The rights category; a case with several categories counts in each.
    case category
    /// How the complaint arrived (web, email, letter, phone, in person…).
    case channel
    /// The staff member the case was assigned to at the end of the period.
    case assignee
    /// The systemic issue the case is linked to (`case link --as same-issue`), named by its
    /// first case; cases linked to none count under "(no linked issue)".
    case issue

    /// Reads a grouping name, refusing anything else.
    public init(parsing text: String) throws {
        guard let grouping = StatisticsGrouping(rawValue: text.trimmingWhitespace().lowercased()) else {
            throw StatisticsError.unknownGrouping(text)
        }
        self = grouping
    }

    /// The column heading for the group key.
    public var heading: String {
        switch self {
        case .respondent: return "Respondent"
        case .category: return "Category"
        case .channel: return "Channel"
        case .assignee: return "Assignee"
        case .issue: return "Issue"
        }
    }
}

extension StatisticsGrouping: CustomStringConvertible {
    public var description: String { rawValue }
}

/// The output formats of `redress report stats`.
public enum StatisticsFormat: String, Sendable, Hashable, Codable, CaseIterable {
    /// Aligned tables for people.
    case text
    /// One tidy table, a figure a row, for spreadsheets.
    case csv
    /// The whole report as one JSON object with snake_case keys.
    case json
    /// One self-contained HTML page with tables and inline SVG charts.
    case html

    /// Reads a format name, refusing anything else.
    public init(parsing text: String) throws {
        guard let format = StatisticsFormat(rawValue: text.trimmingWhitespace().lowercased()) else {
            throw StatisticsError.unknownFormat(text)
        }
        self = format
    }
}

extension StatisticsFormat: CustomStringConvertible {
    public var description: String { rawValue }
}
