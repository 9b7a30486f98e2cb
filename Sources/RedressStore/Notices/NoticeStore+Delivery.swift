public import Foundation
import Postgres
public import RedressCore

/// How often a notice is tried and how long a sender waits between attempts.
public struct NoticeRetryPolicy: Sendable, Hashable {
    /// After this many failed attempts a notice is `failed` and no longer tried.
    public var maximumAttempts: Int
    /// The wait after the first failure; each further failure doubles it.
    public var firstDelay: TimeInterval
    /// The longest wait between two attempts.
    public var longestDelay: TimeInterval

    /// Eight attempts, 5 minutes after the first failure, then 10, 20, … up to 6 hours: about
    /// ten and a half hours in all, so a mail server down overnight does not lose a notice.
    public static let standard = NoticeRetryPolicy(maximumAttempts: 8, firstDelay: 300, longestDelay: 6 * 3600)

    public init(maximumAttempts: Int, firstDelay: TimeInterval, longestDelay: TimeInterval) {
        self.maximumAttempts = maximumAttempts
        self.firstDelay = firstDelay
        self.longestDelay = longestDelay
    }

    /// The wait after the `attempts`-th failed attempt (1 for the first).
    public func delay(afterAttempt attempts: Int) -> TimeInterval {
        let doublings = max(0, min(attempts - 1, 30))
        return min(firstDelay * pow(2, Double(doublings)), longestDelay)
    }
}

/// What became of a notice after a failed attempt.
public struct NoticeFailure: Sendable, Hashable {
    /// `pending` (to be retried at `nextAttemptAt`) or `failed` (given up).
    public var state: NoticeState
    public var attempts: Int
    public var nextAttemptAt: Date

    public init(state: NoticeState, attempts: Int, nextAttemptAt: Date) {
        self.state = state
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
    }
}

extension NoticeStore {
    /// Only supervisors and the ombudsperson deliver notices: a message names the complainant,
    /// and the delivery command (`--via`) could be anything, `cat` included.
    public static func requireSender(_ actor: Actor) throws {
        guard actor.roles.contains(.supervisor) || actor.roles.contains(.ombudsperson) else {
            throw StoreError.notPermitted(
                login: actor.login, action: "deliver notices, which name complainants",
                allowed: [.supervisor, .ombudsperson])
        }
    }

    /// Claims the next pending notice of `channel` after id `after` that is due by `dueBy`
    /// (any pending one when nil; a correction of due dates waits for its case's pending
    /// acknowledgement), locking its row (`FOR UPDATE SKIP LOCKED`): another sender
    /// skips it, and it stays locked until the caller's transaction ends. A notice of a case
    /// the sending login is recused from is left for another sender, as that login does not
    /// see the complainant it is addressed to. Nil when none is left.
    ///
    /// Call inside a transaction (READ COMMITTED): a row another sender marked sent meanwhile is
    /// re-checked after its lock is released and no longer matches.
    public func claimNext(channel: NoticeChannel, after: Int, dueBy: Date?) throws -> NoticeRecord? {
        var query: PostgresQuery = """
            SELECT \(unsafeSQL: Self.columns) FROM notice n LEFT JOIN complaint_case c ON c.id = n.case_id
            WHERE n.state = 'pending' AND n.channel = \(channel.rawValue) AND n.id > \(after)
              -- No correction of due dates goes out ahead of the acknowledgement that gives them.
              AND NOT (n.kind = 'corrected_due_dates' AND EXISTS (
                  SELECT 1 FROM notice a WHERE a.case_id = n.case_id AND a.kind = 'acknowledgement' AND a.state = 'pending'))
              AND NOT (n.case_id IS NOT NULL AND redress_login_recused(session_user, n.case_id))
            """
        if let dueBy { query.append(" AND n.next_attempt_at <= \(dueBy)") }
        query.append(" ORDER BY n.id LIMIT 1 FOR UPDATE OF n SKIP LOCKED")
        return try connection.query(query).first.map { try Self.decode($0).notice }
    }

    /// Records that a claimed notice went out at `instant`.
    public func markSent(id: Int, at instant: Date) throws {
        try connection.execute(
            """
            UPDATE notice SET state = 'sent', sent_at = \(instant), attempts = attempts + 1, last_error = NULL
            WHERE id = \(id) AND state = 'pending'
            """)
    }

    /// Records a failed attempt at a claimed notice: its error, one more attempt, and the time
    /// of the next try, or `failed` once `policy.maximumAttempts` are used up.
    public func recordFailure(id: Int, error: String, at instant: Date, policy: NoticeRetryPolicy = .standard) throws
        -> NoticeFailure
    {
        let attempts =
            try connection.query("SELECT attempts FROM notice WHERE id = \(id)").first?.decode(Int.self, at: 0) ?? 0
        let made = attempts + 1
        let state: NoticeState = made >= policy.maximumAttempts ? .failed : .pending
        let next = instant.addingTimeInterval(state == .failed ? 0 : policy.delay(afterAttempt: made))
        try connection.execute(
            """
            UPDATE notice SET attempts = \(made), last_error = \(Self.errorText(error)), state = \(state.rawValue),
                next_attempt_at = \(next)
            WHERE id = \(id) AND state = 'pending'
            """)
        return NoticeFailure(state: state, attempts: made, nextAttemptAt: next)
    }

    /// An error as stored: one line of at most 1000 characters, without NUL.
    static func errorText(_ error: String) -> String {
        var text = error.replacingOccurrences(of: "\u{0}", with: "")
            .split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            .joined(separator: " | ")
        if text.isEmpty { text = "failed without a message" }
        if text.count > 1000 { text = String(text.prefix(999)) + "…" }
        return text
    }
}

extension NoticeStore {
    /// How many notices of `channel` are pending.
    public func pendingCount(channel: NoticeChannel) throws -> Int {
        try connection.query("SELECT count(*) FROM notice WHERE state = 'pending' AND channel = \(channel.rawValue)")
            .first?.decode(Int.self, at: 0) ?? 0
    }
}
