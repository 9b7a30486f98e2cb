import Foundation
import RedressCore

/// The sweep's writer thread: each batch is written on a thread of its own while the reader
/// streams and judges the clocks of the next, so the two connections work at once. One batch
/// is written while the next fills, never more, so memory stays bounded; once a batch fails
/// no later one is written, and the failure is thrown to the reader at its next batch.
final class SweepPipeline: @unchecked Sendable {
    private let queue = DispatchQueue(label: "redress.sweep.writer")
    private let idle = DispatchSemaphore(value: 1)
    private let lock = NSLock()
    private var failure: (any Error)?
    private var written: SweepSummary

    init(asOf: LocalDate) {
        written = SweepSummary(asOf: asOf, dryRun: false)
    }

    /// Waits until the batch before is written, then has `write` run on the writer thread;
    /// throws that batch's failure instead if it failed.
    func submit(_ write: @escaping () throws -> SweepSummary) throws {
        idle.wait()
        if let failure = lock.withLock({ failure }) {
            idle.signal()
            throw failure
        }
        let job = Job(write: write)
        queue.async { [self] in
            defer { idle.signal() }
            do {
                let batch = try job.write()
                lock.withLock { written.add(batch) }
            } catch {
                lock.withLock { failure = error }
            }
        }
    }

    /// Waits for the batch being written, if any.
    func drain() {
        queue.sync {}
    }

    /// What every batch wrote, once the last is written, or the first failure.
    func finish() throws -> SweepSummary {
        drain()
        return try lock.withLock {
            if let failure { throw failure }
            return written
        }
    }

    /// A batch's write, handed to the writer thread: only that thread runs it, and the reader
    /// does not touch the writer's connection until `drain` returns.
    private struct Job: @unchecked Sendable {
        let write: () throws -> SweepSummary
    }
}
