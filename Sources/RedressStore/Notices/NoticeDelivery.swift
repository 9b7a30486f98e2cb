public import Foundation
public import Postgres
public import RedressCore
public import RedressNotices

/// A delivery that did not happen, to be recorded on the notice and retried later.
public struct NoticeDeliveryFailure: Error, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}

/// One run of `notices send` or `notices export`: the pending notices of one channel, oldest
/// first, each in a transaction of its own.
///
/// Each notice is claimed with `FOR UPDATE SKIP LOCKED`, rendered, delivered while its row stays
/// locked, and marked sent in the same transaction, committed as soon as the delivery returns.
/// So concurrent runs never deliver one notice twice, and a run killed between delivering and
/// committing leaves that one notice pending, to go out again with the same Message-ID.
/// A failed delivery (`NoticeDeliveryFailure`, or a notice that cannot be rendered) is recorded
/// on the notice, which waits its turn to be tried again (`NoticeRetryPolicy`); any other error
/// (the database, the file system, the command that cannot be started) stops the run and
/// leaves the notice as it was.
public struct NoticeDelivery {
    public let connection: PostgresConnection
    public let channel: NoticeChannel
    /// At most this many notices in the run.
    public let limit: Int?
    /// Also deliver notices whose next attempt is not due yet.
    public let retryNow: Bool
    public let policy: NoticeRetryPolicy

    public init(
        connection: PostgresConnection, channel: NoticeChannel, limit: Int?, retryNow: Bool, policy: NoticeRetryPolicy
    ) {
        self.connection = connection
        self.channel = channel
        self.limit = limit
        self.retryNow = retryNow
        self.policy = policy
    }

    /// What became of one notice.
    public enum Outcome: Sendable {
        case delivered
        /// Not delivered; tried again after `next`.
        case retrying(attempt: Int, next: Date, reason: String)
        /// Not delivered, and no more attempts are left.
        case failed(attempts: Int, reason: String)
    }

    public struct Summary: Sendable {
        public var delivered = 0
        public var retrying = 0
        public var failed = 0

        public var attempted: Int { delivered + retrying + failed }
    }

    /// Delivers the run's notices with `deliver`, telling `report` what became of each.
    public func run(
        report: (NoticeRecord, Outcome) -> Void, _ deliver: (NoticeRecord, RenderedNotice) throws -> Void
    ) throws -> Summary {
        let store = NoticeStore(connection)
        let composer = try NoticeComposer(connection)
        // The row stays locked while the delivery runs; the server must not end the session meanwhile.
        try connection.execute(unsafeSQL: "SET idle_in_transaction_session_timeout = 0")
        var summary = Summary()
        var after = 0
        while limit.map({ summary.attempted < $0 }) ?? true {
            // One attempt only: the body delivers, which a retry would do twice.
            let attempt = try connection.withTransaction(attempts: 1) { _ -> (NoticeRecord, Outcome)? in
                guard let notice = try store.claimNext(channel: channel, after: after, dueBy: retryNow ? nil : Date())
                else { return nil }
                after = notice.id
                var failure: String? = nil
                do {
                    let rendered: RenderedNotice
                    do {
                        rendered = try composer.render(notice)
                    } catch let error as PostgresError {
                        throw error
                    } catch {
                        // The notice cannot be rendered (template, variable, address, identity):
                        // recorded on it, like a failed delivery.
                        throw NoticeDeliveryFailure("\(error)")
                    }
                    try deliver(notice, rendered)
                } catch let error as NoticeDeliveryFailure {
                    failure = error.description
                }
                guard let failure else {
                    try store.markSent(id: notice.id, at: Date())
                    return (notice, .delivered)
                }
                let result = try store.recordFailure(id: notice.id, error: failure, at: Date(), policy: policy)
                return result.state == .failed
                    ? (notice, .failed(attempts: result.attempts, reason: failure))
                    : (notice, .retrying(attempt: result.attempts, next: result.nextAttemptAt, reason: failure))
            }
            guard let (notice, outcome) = attempt else { break }
            switch outcome {
            case .delivered: summary.delivered += 1
            case .retrying: summary.retrying += 1
            case .failed: summary.failed += 1
            }
            report(notice, outcome)
        }
        return summary
    }
}
