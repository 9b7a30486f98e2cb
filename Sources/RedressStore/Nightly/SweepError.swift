public import RedressCore

/// Why a sweep could not run.
public enum SweepError: Error, Sendable, Hashable {
    /// `--as-of` is after today: steps cannot be taken before they are due.
    case futureDate(LocalDate, today: LocalDate)
    /// A stored clock has a value RedressCore does not know (the schema and the binary disagree).
    case unreadableClock(String)
    /// A notice a step queues has no template for an audience it goes to, in the office's
    /// language or in English: it could never be sent.
    case missingTemplate(kind: String, audience: NoticeAudience, template: String)
}

extension SweepError: RedressError {
    public var kind: ErrorKind {
        switch self {
        case .futureDate: return .badInput
        case .unreadableClock, .missingTemplate: return .failure
        }
    }

    public var hint: ErrorHint? {
        switch self {
        case .futureDate: return .give(["dry_run"])
        case .unreadableClock: return .command("db status")
        case .missingTemplate: return nil
        }
    }

    public var message: String {
        switch self {
        case let .futureDate(date, today):
            return
                "The sweep date \(date.iso) is after today, \(today.iso); give today or an earlier date, or ask for a dry run to see what would be due."
        case let .unreadableClock(detail):
            return
                "A stored clock holds a value this version of Redress cannot read (\(detail)); check the database's migrations and update Redress."
        case let .missingTemplate(kind, audience, template):
            return
                "The sweep would queue \(kind) notices for the \(audience), but the template \(template).mustache is missing and no English one stands in for it, so they could never be sent; add it to the office's templates folder and sweep again."
        }
    }
}
