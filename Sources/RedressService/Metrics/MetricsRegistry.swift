import Foundation

/// Request counts and latencies by route, method and status, kept in memory
/// and written in the Prometheus text format (version 0.0.4).
///
/// Routes are the router's path templates (`/v1/cases/{reference}`), never
/// the request's own path, so label values stay few and carry no personal data.
public final class MetricsRegistry: @unchecked Sendable {
    /// Upper bounds of the latency buckets, in seconds.
    public static let latencyBuckets: [Double] = [
        0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
    ]

    struct Key: Hashable, Comparable {
        var route: String
        var method: String
        var status: Int

        static func < (lhs: Key, rhs: Key) -> Bool {
            (lhs.route, lhs.method, lhs.status) < (rhs.route, rhs.method, rhs.status)
        }
    }

    struct Series {
        var count = 0
        var sum = 0.0
        var buckets = [Int](repeating: 0, count: MetricsRegistry.latencyBuckets.count)
    }

    private let lock = NSLock()
    private var series: [Key: Series] = [:]
    private var rateLimited = 0
    private var databaseTimeouts = 0
    private let started = Date()

    public init() {}

    /// Counts one answered request.
    public func record(route: String, method: String, status: Int, seconds: Double) {
        lock.withLock {
            var entry = series[Key(route: route, method: method, status: status), default: Series()]
            entry.count += 1
            entry.sum += seconds
            for (index, bound) in Self.latencyBuckets.enumerated() where seconds <= bound {
                entry.buckets[index] += 1
            }
            series[Key(route: route, method: method, status: status)] = entry
        }
    }

    /// Counts one request refused by the rate limiter.
    public func recordRateLimited() {
        lock.withLock { rateLimited += 1 }
    }

    /// Counts one request that gave up waiting for a database connection.
    public func recordDatabaseTimeout() {
        lock.withLock { databaseTimeouts += 1 }
    }

    /// How many requests were answered for `route` with `status` (for tests and checks).
    public func count(route: String, status: Int) -> Int {
        lock.withLock {
            series.filter { $0.key.route == route && $0.key.status == status }.reduce(0) { $0 + $1.value.count }
        }
    }

    /// The whole registry in the Prometheus text format, with the pool's
    /// usage read at this moment.
    public func prometheusText(pool: (open: Int, inUse: Int, waiting: Int, maximum: Int)?) -> String {
        let (snapshot, limited, timeouts) = lock.withLock { (series, rateLimited, databaseTimeouts) }
        var out = ""
        out += "# HELP redress_http_requests_total HTTP requests answered, by route, method and status.\n"
        out += "# TYPE redress_http_requests_total counter\n"
        let keys = snapshot.keys.sorted()
        for key in keys {
            out += "redress_http_requests_total{\(labels(key))} \(snapshot[key]!.count)\n"
        }
        out +=
            "# HELP redress_http_request_duration_seconds Time to answer HTTP requests, by route, method and status.\n"
        out += "# TYPE redress_http_request_duration_seconds histogram\n"
        for key in keys {
            let entry = snapshot[key]!
            for (index, bound) in Self.latencyBuckets.enumerated() {
                out +=
                    "redress_http_request_duration_seconds_bucket{\(labels(key)),le=\"\(format(bound))\"} \(entry.buckets[index])\n"
            }
            out += "redress_http_request_duration_seconds_bucket{\(labels(key)),le=\"+Inf\"} \(entry.count)\n"
            out += "redress_http_request_duration_seconds_sum{\(labels(key))} \(format(entry.sum))\n"
            out += "redress_http_request_duration_seconds_count{\(labels(key))} \(entry.count)\n"
        }
        out += "# HELP redress_http_rate_limited_total Requests refused because a client sent too many.\n"
        out += "# TYPE redress_http_rate_limited_total counter\n"
        out += "redress_http_rate_limited_total \(limited)\n"
        out +=
            "# HELP redress_db_wait_timeouts_total Requests answered 503 because no database connection came in time.\n"
        out += "# TYPE redress_db_wait_timeouts_total counter\n"
        out += "redress_db_wait_timeouts_total \(timeouts)\n"
        if let pool {
            out += "# HELP redress_db_pool_connections Database connections of the service's pool, by state.\n"
            out += "# TYPE redress_db_pool_connections gauge\n"
            out += "redress_db_pool_connections{state=\"open\"} \(pool.open)\n"
            out += "redress_db_pool_connections{state=\"in_use\"} \(pool.inUse)\n"
            out += "# HELP redress_db_pool_max_connections The most connections the pool opens.\n"
            out += "# TYPE redress_db_pool_max_connections gauge\n"
            out += "redress_db_pool_max_connections \(pool.maximum)\n"
            out += "# HELP redress_db_pool_waiting Requests waiting for a database connection.\n"
            out += "# TYPE redress_db_pool_waiting gauge\n"
            out += "redress_db_pool_waiting \(pool.waiting)\n"
        }
        out += "# HELP redress_process_start_time_seconds When the service started, in seconds since the Unix epoch.\n"
        out += "# TYPE redress_process_start_time_seconds gauge\n"
        out += "redress_process_start_time_seconds \(format(started.timeIntervalSince1970))\n"
        return out
    }

    private func labels(_ key: Key) -> String {
        "route=\"\(escape(key.route))\",method=\"\(escape(key.method))\",status=\"\(key.status)\""
    }

    /// Label values escape backslash, double quote and newline.
    private func escape(_ value: String) -> String {
        var out = ""
        for character in value {
            switch character {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.append(character)
            }
        }
        return out
    }

    private func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }
}
