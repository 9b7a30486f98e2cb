public import Hummingbird
import NIOCore

/// What one request carries through the middleware to its handler.
public struct RedressRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The peer's IP address as the socket saw it (nil in router tests).
    public let peerAddress: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        peerAddress = source.channel.remoteAddress?.ipAddress
    }

    /// The body limit the service keeps (SPEC §3.3: size-limited intake).
    public var maxUploadSize: Int { 64 * 1024 }
}
