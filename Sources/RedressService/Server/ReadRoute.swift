import Foundation

/// Whether `GET` endpoints try the read database now. When it fails to answer, reads go to
/// the primary for a while (`pause`) rather than each waiting for it first.
final class ReadRoute: @unchecked Sendable {
    private let lock = NSLock()
    private var closedUntil = Date.distantPast
    let pause: TimeInterval

    init(pause: TimeInterval = 10) {
        self.pause = pause
    }

    var isOpen: Bool { lock.withLock { Date() >= closedUntil } }

    func failed() {
        lock.withLock { closedUntil = Date().addingTimeInterval(pause) }
    }
}
