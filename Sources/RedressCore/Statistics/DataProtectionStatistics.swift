/// The data-protection section of the report: what the office did with the personal data it
/// holds over the period. Each part is a value of its own with the rows it shows
/// (`figures`), so a part added later adds a property and its figures, and the text, CSV
/// and HTML forms show it without change.
public struct DataProtectionStatistics: Sendable, Hashable, Codable {
    /// Cases anonymised (`redress retention run`, `redress person erase`) and legal holds.
    public var anonymisation: AnonymisationStatistics
    /// Subject access requests answered (`redress person export`).
    public var subjectAccess: SubjectAccessStatistics

    /// Makes the section.
    public init(anonymisation: AnonymisationStatistics, subjectAccess: SubjectAccessStatistics) {
        self.anonymisation = anonymisation
        self.subjectAccess = subjectAccess
    }

    /// The section's rows, part by part, as the text, CSV and HTML forms show them.
    public var figures: [DataProtectionFigure] {
        anonymisation.figures + subjectAccess.figures
    }

    private enum CodingKeys: String, CodingKey {
        case anonymisation
        case subjectAccess = "subject_access"
    }
}

/// Cases anonymised over the period, by why, and legal holds.
public struct AnonymisationStatistics: Sendable, Hashable, Codable {
    /// Cases anonymised in the period, on any basis.
    public var casesAnonymised: Int
    /// Of those, because their retention period ended.
    public var anonymisedByRetention: Int
    /// Of those, on a person's erasure request.
    public var anonymisedOnErasure: Int
    /// Legal holds placed in the period.
    public var holdsPlaced: Int
    /// Cases on legal hold at the end of the period.
    public var onHoldAtEnd: Int

    /// Makes the part.
    public init(anonymisedByRetention: Int, anonymisedOnErasure: Int, holdsPlaced: Int, onHoldAtEnd: Int) {
        self.casesAnonymised = anonymisedByRetention + anonymisedOnErasure
        self.anonymisedByRetention = anonymisedByRetention
        self.anonymisedOnErasure = anonymisedOnErasure
        self.holdsPlaced = holdsPlaced
        self.onHoldAtEnd = onHoldAtEnd
    }

    /// The part's rows in the section.
    public var figures: [DataProtectionFigure] {
        func row(_ metric: String, _ label: String, _ value: Int) -> DataProtectionFigure {
            DataProtectionFigure(part: "anonymisation", metric: metric, label: label, value: String(value))
        }
        return [
            row("cases_anonymised", "Cases anonymised", casesAnonymised),
            row("anonymised_by_retention", "  by retention", anonymisedByRetention),
            row("anonymised_on_erasure", "  on an erasure request", anonymisedOnErasure),
            row("holds_placed", "Legal holds placed", holdsPlaced),
            row("on_hold_at_end", "Cases on legal hold at end", onHoldAtEnd),
        ]
    }

    private enum CodingKeys: String, CodingKey {
        case casesAnonymised = "cases_anonymised"
        case anonymisedByRetention = "anonymised_by_retention"
        case anonymisedOnErasure = "anonymised_on_erasure"
        case holdsPlaced = "holds_placed"
        case onHoldAtEnd = "on_hold_at_end"
    }
}

/// One row of the data-protection section: `part` and `metric` name it in the CSV
/// (`data_protection,part,,metric,value`), `label` in the text and HTML tables.
public struct DataProtectionFigure: Sendable, Hashable {
    public var part: String
    public var metric: String
    public var label: String
    /// The figure as the CSV writes it: a count, or days with up to four decimals ("" when
    /// there is none).
    public var value: String
    /// The figure as the text and HTML tables show it ("3 of 4 (75.0%)").
    public var text: String

    public init(part: String, metric: String, label: String, value: String, text: String? = nil) {
        self.part = part
        self.metric = metric
        self.label = label
        self.value = value
        self.text = text ?? (value.isEmpty ? "–" : value)
    }
}

/// Subject access requests over the period and how long their answers took, in calendar
/// days from the day a request was received to the day its export was made (office time):
/// Korea's PIPA gives 10 days, the GDPR one month.
public struct SubjectAccessStatistics: Sendable, Hashable, Codable {
    /// Requests received in the period.
    public var received: Int
    /// Requests answered in the period (whenever received).
    public var answered: Int
    /// Received by the end of the period and answered after it.
    public var openAtEnd: Int
    /// Days to answer, over those answered in the period.
    public var medianDays: Double?
    public var maxDays: Int?
    /// Answered in the period within 10 days (PIPA).
    public var withinTenDays: Proportion
    /// Answered in the period within one calendar month of receipt (GDPR).
    public var withinOneMonth: Proportion

    /// Makes the part.
    public init(
        received: Int, answered: Int, openAtEnd: Int, medianDays: Double?, maxDays: Int?, withinTenDays: Int,
        withinOneMonth: Int
    ) {
        self.received = received
        self.answered = answered
        self.openAtEnd = openAtEnd
        self.medianDays = medianDays
        self.maxDays = maxDays
        self.withinTenDays = Proportion(withinTenDays, of: answered)
        self.withinOneMonth = Proportion(withinOneMonth, of: answered)
    }

    /// The part's rows in the section.
    public var figures: [DataProtectionFigure] {
        func row(_ metric: String, _ label: String, _ value: String, _ text: String? = nil) -> DataProtectionFigure {
            DataProtectionFigure(part: "subject_access", metric: metric, label: label, value: value, text: text)
        }
        return [
            row("received", "Subject access requests received", String(received)),
            row("answered", "Subject access requests answered", String(answered)),
            row("open_at_end", "Subject access requests open at end", String(openAtEnd)),
            row("median_days", "Days to answer, median", medianDays.map(StatisticsReport.decimal) ?? ""),
            row("max_days", "Days to answer, longest", maxDays.map(String.init) ?? ""),
            row(
                "within_10_days", "Answered within 10 days (PIPA)", String(withinTenDays.count),
                withinTenDays.description),
            row(
                "within_one_month", "Answered within one month (GDPR)", String(withinOneMonth.count),
                withinOneMonth.description),
        ]
    }

    private enum CodingKeys: String, CodingKey {
        case received, answered
        case openAtEnd = "open_at_end"
        case medianDays = "median_days"
        case maxDays = "max_days"
        case withinTenDays = "within_10_days"
        case withinOneMonth = "within_one_month"
    }
}
