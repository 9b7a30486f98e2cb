import Foundation
import Postgres
import RedressCore
import RedressNotices
import RedressStore

/// A delivery that did not happen, to be recorded on the notice and retried later.
struct DeliveryFailure: Error, CustomStringConvertible {
    var description: String
}

/// One run of `notices send` or `notices export`: the pending notices of one channel, oldest
/// first, each in a transaction of its own.
///
/// Each notice is claimed with `FOR UPDATE SKIP LOCKED`, rendered, delivered while its row stays
/// locked, and marked sent in the same transaction, committed as soon as the delivery returns.
/// So concurrent runs never deliver one notice twice, and a run killed between delivering and
/// committing leaves that one notice pending, to go out again with the same Message-ID.
/// A failed delivery (`DeliveryFailure`, or a notice that cannot be rendered) is recorded on
/// the notice, which waits its turn to be tried again (`NoticeRetryPolicy`); any other error
/// (the database, the file system, the command that cannot be started) stops the run and
/// leaves the notice as it was.
struct DeliveryRun {
    let connection: PostgresConnection
    let channel: NoticeChannel
    /// At most this many notices in the run.
    let limit: Int?
    /// Also deliver notices whose next attempt is not due yet.
    let retryNow: Bool
    let policy: NoticeRetryPolicy
    /// The verb of a success in the report: "sent", "exported".
    let verb: String

    struct Summary {
        var delivered = 0
        var retrying = 0
        var failed = 0

        var attempted: Int { delivered + retrying + failed }

        func line(verb: String) -> String {
            "\(delivered) \(verb), \(retrying) to be retried, \(failed) failed"
        }
    }

    func run(_ deliver: (NoticeRecord, RenderedNotice) throws -> Void) throws -> Summary {
        let store = NoticeStore(connection)
        let composer = try NoticeComposer(connection)
        var summary = Summary()
        var after = 0
        while limit.map({ summary.attempted < $0 }) ?? true {
            try connection.execute(unsafeSQL: "BEGIN ISOLATION LEVEL READ COMMITTED")
            do {
                guard let notice = try store.claimNext(channel: channel, after: after, dueBy: retryNow ? nil : Date()) else {
                    try connection.execute(unsafeSQL: "COMMIT")
                    break
                }
                after = notice.id
                var failure: String? = nil
                var rendered: RenderedNotice? = nil
                do {
                    rendered = try composer.render(notice)
                } catch let error as PostgresError {
                    throw error
                } catch {
                    // The notice cannot be rendered (template, variable, address, identity):
                    // recorded on it, like a failed delivery.
                    failure = "\(error)"
                }
                if let rendered {
                    do {
                        try deliver(notice, rendered)
                    } catch let error as DeliveryFailure {
                        failure = error.description
                    }
                }
                let label = "notice \(notice.id) (\(notice.reference ?? "no case") \(notice.kind) to \(notice.audience.rawValue))"
                if let failure {
                    let result = try store.recordFailure(id: notice.id, error: failure, at: Date(), policy: policy)
                    try connection.execute(unsafeSQL: "COMMIT")
                    if result.state == .failed {
                        summary.failed += 1
                        print("\(label): failed after \(result.attempts) attempts: \(failure)")
                    } else {
                        summary.retrying += 1
                        print("\(label): not \(verb), attempt \(result.attempts) of \(policy.maximumAttempts), next after \(result.nextAttemptAt.formatted(.iso8601)): \(failure)")
                    }
                } else {
                    try store.markSent(id: notice.id, at: Date())
                    try connection.execute(unsafeSQL: "COMMIT")
                    summary.delivered += 1
                    print("\(label): \(verb)")
                }
            } catch {
                if connection.isHealthy { _ = try? connection.execute(unsafeSQL: "ROLLBACK") }
                throw error
            }
        }
        return summary
    }
}
