public import Foundation

/// A token bucket per client: `burst` requests at once, refilled at
/// `perMinute` a minute. Kept in memory; buckets that are full again are
/// forgotten, so the table holds only clients seen lately.
public final class RateLimiter: @unchecked Sendable {
    public let perMinute: Int
    public let burst: Int
    private let lock = NSLock()
    private var buckets: [String: Bucket] = [:]
    private let now: @Sendable () -> Double

    struct Bucket {
        var tokens: Double
        var updated: Double
    }

    /// The most buckets kept before full ones are swept out.
    static let sweepThreshold = 10_000

    public init(
        perMinute: Int, burst: Int, now: @escaping @Sendable () -> Double = { ProcessInfo.processInfo.systemUptime }
    ) {
        self.perMinute = max(perMinute, 1)
        self.burst = max(burst, 1)
        self.now = now
    }

    /// Takes one token for `client`; `nil` when allowed, else the whole
    /// seconds to wait before the next request would be.
    public func acquire(_ client: String) -> Int? {
        let rate = Double(perMinute) / 60
        let capacity = Double(burst)
        return lock.withLock {
            let time = now()
            if buckets.count > Self.sweepThreshold { sweep(at: time, rate: rate, capacity: capacity) }
            var bucket = buckets[client] ?? Bucket(tokens: capacity, updated: time)
            bucket.tokens = min(capacity, bucket.tokens + (time - bucket.updated) * rate)
            bucket.updated = time
            defer { buckets[client] = bucket }
            if bucket.tokens >= 1 {
                bucket.tokens -= 1
                return nil
            }
            return max(1, Int(((1 - bucket.tokens) / rate).rounded(.up)))
        }
    }

    private func sweep(at time: Double, rate: Double, capacity: Double) {
        buckets = buckets.filter { $0.value.tokens + (time - $0.value.updated) * rate < capacity }
    }
}
