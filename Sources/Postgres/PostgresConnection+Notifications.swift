import CLibPQ
import Glibc

/// A NOTIFY received on a channel this connection LISTENs to.
public struct PostgresNotification: Sendable, Hashable {
    public var channel: String
    public var payload: String
    public var senderPID: Int
}

extension PostgresConnection {
    public func listen(_ channel: String) throws(PostgresError) {
        try execute("LISTEN \(identifier: channel)")
    }

    public func unlisten(_ channel: String) throws(PostgresError) {
        try execute("UNLISTEN \(identifier: channel)")
    }

    public func notify(_ channel: String, payload: String = "") throws(PostgresError) {
        try execute("SELECT pg_notify(\(channel), \(payload))")
    }

    /// Waits up to `timeout` seconds for notifications and returns those that
    /// arrived (none on time-out).
    public func notifications(timeout: Double) throws(PostgresError) -> [PostgresNotification] {
        try checkOpen()
        var received = pendingNotifications()
        if !received.isEmpty { return received }
        let socket = PQsocket(conn)
        guard socket >= 0 else { throw currentError() }
        var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, Int32(timeout * 1000))
        if ready < 0, errno == EINTR { return [] }
        guard ready >= 0 else { throw PostgresError(kind: .connection, message: "waiting for notifications failed") }
        guard PQconsumeInput(conn) == 1 else { throw currentError() }
        received = pendingNotifications()
        return received
    }

    private func pendingNotifications() -> [PostgresNotification] {
        var received: [PostgresNotification] = []
        while let notify = PQnotifies(conn) {
            let n = notify.pointee
            received.append(
                PostgresNotification(
                    channel: String(cString: n.relname), payload: String(cString: n.extra), senderPID: Int(n.be_pid)))
            PQfreemem(notify)
        }
        return received
    }
}
