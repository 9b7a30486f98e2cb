import Foundation

/// Carries a report from the database thread that writes it to the HTTP response that sends
/// it, a few chunks at a time: the writer waits while the reader is behind, so memory stays
/// bounded however large the report, and a reader that goes away stops the writer.
///
/// The writer calls `open()` once nothing can refuse the report any more (token, rights and
/// arguments checked); until then the route waits in `opened()`, and an error that comes
/// first becomes the answer's status.
final class ReportPipe: @unchecked Sendable {
    /// Chunks held at most: with `ReportPipeSink.chunkSize`, the memory a report takes.
    static let capacity = 8

    private let condition = NSCondition()
    private var chunks: [String] = []
    private var begun = false
    private var ended = false
    private var failure: (any Error)?
    private var stopped = false
    /// Counts the writer's actions, so the reader knows whether one came while it looked.
    private var events = 0
    private var waiter: CheckedContinuation<Void, Never>?

    // MARK: The writer (a database thread)

    /// The report is starting.
    func open() {
        writerDid { begun = true }
    }

    /// The report is whole (`nil`) or failed.
    func close(_ error: (any Error)?) {
        writerDid {
            ended = true
            failure = error
        }
    }

    /// Hands over a chunk, waiting while the pipe is full; false when the reader has gone
    /// away and the writer should stop.
    func put(_ chunk: String) -> Bool {
        condition.lock()
        while chunks.count >= Self.capacity && !stopped { condition.wait() }
        let going = !stopped
        condition.unlock()
        if going { writerDid { chunks.append(chunk) } }
        return going
    }

    /// Whether the reader has gone away.
    var isStopped: Bool { condition.withLock { stopped } }

    /// Whether the report has begun to be sent.
    var isOpen: Bool { condition.withLock { begun } }

    private func writerDid(_ change: () -> Void) {
        let continuation: CheckedContinuation<Void, Never>? = condition.withLock {
            change()
            events += 1
            defer { waiter = nil }
            return waiter
        }
        continuation?.resume()
    }

    // MARK: The reader (the HTTP response)

    /// Sends nothing more (the report was sent, or the client went away): the writer stops.
    func stop() {
        condition.withLock {
            stopped = true
            condition.broadcast()
        }
    }

    /// Waits until the report opens, or throws why it never will.
    func opened() async throws {
        while true {
            let (seen, open, done, error) = condition.withLock { (events, begun, ended, failure) }
            if open || (done && error == nil) { return }
            if let error { throw error }
            await waitForWriter(after: seen)
        }
    }

    /// The next chunk, nil at the end; throws the writer's failure.
    func next() async throws -> String? {
        while true {
            let (seen, chunk, done, error): (Int, String?, Bool, (any Error)?) = condition.withLock {
                guard chunks.isEmpty else {
                    condition.broadcast()
                    return (events, chunks.removeFirst(), false, nil)
                }
                return (events, nil, ended, failure)
            }
            if let chunk { return chunk }
            if let error { throw error }
            if done { return nil }
            await waitForWriter(after: seen)
        }
    }

    /// Suspends until the writer has acted since `seen` (at once when it already has).
    private func waitForWriter(after seen: Int) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let now: Bool = condition.withLock {
                guard events == seen else { return true }
                waiter = continuation
                return false
            }
            if now { continuation.resume() }
        }
    }
}

/// A text stream a formatter writes into, handed to a `ReportPipe` in chunks.
struct ReportPipeSink: TextOutputStream {
    /// Characters gathered before a chunk is handed over.
    static let chunkSize = 64 * 1024

    let pipe: ReportPipe
    private var buffer = ""

    init(_ pipe: ReportPipe) { self.pipe = pipe }

    mutating func write(_ string: String) {
        buffer += string
        if buffer.utf8.count >= Self.chunkSize { flush() }
    }

    /// Hands over what was gathered.
    mutating func flush() {
        guard !buffer.isEmpty else { return }
        _ = pipe.put(buffer)
        buffer = ""
    }
}
