public import Foundation

/// Why a change to a clock was refused.
public enum ClockError: Error, Sendable, Hashable {
    /// The clock is already paused since that date.
    case alreadyPaused(ClockKind, since: LocalDate)
    /// The clock is not paused, so it cannot resume.
    case notPaused(ClockKind)
    /// The resumption date is before the pause began.
    case resumeBeforePause(ClockKind, pausedOn: LocalDate, resumeOn: LocalDate)
    /// The new pause would start before the previous one ended.
    case pauseOverlaps(ClockKind, date: LocalDate, previousEnd: LocalDate)
    /// The date is before the clock started.
    case beforeStart(ClockKind, date: LocalDate, start: LocalDate)
    /// The clock has already ended.
    case ended(ClockKind, on: LocalDate)
    /// The clock was cancelled.
    case cancelled(ClockKind)
    /// A pause needs a reason, for the paused-days report.
    case missingReason(ClockKind)
}

extension ClockError: RedressError, LocalizedError {
    public var kind: ErrorKind { .refused }

    public var message: String {
        switch self {
        case let .alreadyPaused(kind, since):
            return "The \(kind) clock is already paused since \(since.iso); resume it before pausing it again."
        case let .notPaused(kind):
            return "The \(kind) clock is not paused, so there is nothing to resume."
        case let .resumeBeforePause(kind, pausedOn, resumeOn):
            return
                "The \(kind) clock cannot resume on \(resumeOn.iso), before its pause began on \(pausedOn.iso); give a date on or after \(pausedOn.iso)."
        case let .pauseOverlaps(kind, date, previousEnd):
            return
                "The \(kind) clock cannot be paused from \(date.iso), inside its previous pause that ended on \(previousEnd.iso); give a date on or after \(previousEnd.iso)."
        case let .beforeStart(kind, date, start):
            return
                "The date \(date.iso) is before the \(kind) clock started on \(start.iso); give a date on or after \(start.iso)."
        case let .ended(kind, on):
            return "The \(kind) clock already ended on \(on.iso), so it cannot change."
        case let .cancelled(kind):
            return "The \(kind) clock was cancelled, so it cannot change."
        case let .missingReason(kind):
            return "Pausing the \(kind) clock needs a reason; give one and try again."
        }
    }

    public var errorDescription: String? { description }
}
