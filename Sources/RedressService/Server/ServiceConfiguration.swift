import Foundation

/// How `redress serve` runs: where it listens and how it treats clients.
public struct ServiceConfiguration: Sendable {
    /// Address to listen on; loopback by default, behind a reverse proxy.
    public var host = "127.0.0.1"
    /// TCP port; 0 asks the system for a free one.
    public var port = 8080
    /// The most database connections the service opens.
    public var poolSize = 8
    /// How long a request waits for a database connection before it is answered 503.
    public var databaseWaitLimit: Duration = .seconds(5)
    /// How long one database statement may run, or wait for a lock, before the server cancels
    /// it, rolls its transaction back and the request is answered 503 (set on the connections
    /// of the pool that `RedressServer.run` opens).
    public var statementTimeout: Duration = .seconds(4)
    /// How long the deadline report's one long read may run (`GET /v1/reports/deadlines`
    /// streams every live clock of the office).
    public var reportTimeout: Duration = .seconds(600)
    /// The largest request body accepted, in bytes.
    public var maximumBodySize = 64 * 1024
    /// Public requests (intake and status) a client may send a minute once its burst is spent.
    public var publicRequestsPerMinute = 30
    /// Public requests a client may send at once.
    public var publicBurst = 10
    /// The clock the public rate limit refills by, in seconds (the system's uptime).
    public var publicClock: @Sendable () -> Double = { ProcessInfo.processInfo.systemUptime }
    /// How long a connection may stay idle, or take to send a request's head, before it is closed.
    public var idleTimeout: Duration = .seconds(15)
    /// The most connections one client address may hold at once; behind a reverse proxy every
    /// connection comes from the proxy, so raise it there and let the proxy limit its clients.
    public var connectionsPerClient = 64
    /// Take the client's address from the last `X-Forwarded-For` entry
    /// (set this only behind a reverse proxy that writes that header).
    public var trustForwardedFor = false
    /// The secret the public forms' hidden tokens are signed with; nil for a random one per
    /// process (forms served before a restart are then shown again to be sent once more).
    /// Instances behind one proxy share one (`REDRESS_FORM_SECRET`).
    public var formSecret: String?

    public init() {}
}
