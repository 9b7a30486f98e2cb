import NIOCore
import Synchronization

/// Caps the connections one client address holds at once, so that one client's idle or
/// half-sent requests cannot take every file descriptor the service has and starve the others
/// (health checks and staff included).
///
/// A connection over the cap is closed as soon as it opens, before anything is read.
final class ConnectionLimiter: Sendable {
    let perClient: Int
    private let open = Mutex<[String: Int]>([:])

    init(perClient: Int) {
        self.perClient = perClient
    }

    /// Takes a place for `client`; false when it holds `perClient` already.
    func admit(_ client: String) -> Bool {
        open.withLock { open in
            let held = open[client, default: 0]
            guard held < perClient else { return false }
            open[client] = held + 1
            return true
        }
    }

    /// Gives back the place of a connection that closed.
    func release(_ client: String) {
        open.withLock { open in
            let held = open[client, default: 1] - 1
            open[client] = held > 0 ? held : nil
        }
    }

    /// The handler one connection carries: it admits the connection or closes it.
    func handler() -> Handler {
        Handler(limiter: self)
    }

    final class Handler: ChannelInboundHandler, RemovableChannelHandler {
        typealias InboundIn = NIOAny

        let limiter: ConnectionLimiter
        private var client: String?

        init(limiter: ConnectionLimiter) {
            self.limiter = limiter
        }

        func channelActive(context: ChannelHandlerContext) {
            let address = context.remoteAddress?.ipAddress ?? "unknown"
            guard limiter.admit(address) else {
                context.close(promise: nil)
                return
            }
            client = address
            context.fireChannelActive()
        }

        func channelInactive(context: ChannelHandlerContext) {
            if let client { limiter.release(client) }
            client = nil
            context.fireChannelInactive()
        }
    }
}
