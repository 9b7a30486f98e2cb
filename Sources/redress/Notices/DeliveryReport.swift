import Foundation
import RedressCore
import RedressStore

/// Prints what became of one notice of a `notices send` or `notices export` run.
func report(_ notice: NoticeRecord, _ outcome: NoticeDelivery.Outcome, verb: String, policy: NoticeRetryPolicy) {
    let label = "notice \(notice.id) (\(notice.reference ?? "no case") \(notice.kind) to \(notice.audience.rawValue))"
    switch outcome {
    case .delivered:
        print("\(label): \(verb)")
    case let .retrying(attempt, next, reason):
        print(
            "\(label): not \(verb), attempt \(attempt) of \(policy.maximumAttempts), next after \(next.formatted(.iso8601)): \(reason)"
        )
    case let .failed(attempts, reason):
        print("\(label): failed after \(attempts) attempts: \(reason)")
    }
}

extension NoticeDelivery.Summary {
    /// "3 sent, 1 to be retried, 0 failed".
    func line(verb: String) -> String {
        "\(delivered) \(verb), \(retrying) to be retried, \(failed) failed"
    }
}
