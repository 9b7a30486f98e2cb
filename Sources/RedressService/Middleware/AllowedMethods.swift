public import Hummingbird
import Synchronization

/// The methods each route template answers, to tell a client that used the wrong one: a path
/// that exists under another method gets 405 with `Allow`, not 404.
public final class AllowedMethods: Sendable {
    private struct Route: Sendable {
        /// The template's segments; nil stands for a `{capture}`.
        var segments: [String?]
        var method: String
    }

    private let routes: Mutex<[Route]> = Mutex([])

    public init() {}

    /// Takes the routes of `router`, once it has them all.
    public func learn(from router: Router<some RequestContext>) {
        let learned = router.routes.map { route in
            Route(
                segments: route.path.components.map { element in
                    let text = element.description
                    return text.hasPrefix("{") || text.hasPrefix(":") ? nil : text
                }, method: route.method.rawValue)
        }
        routes.withLock { $0 = learned }
    }

    /// The methods, sorted, that some route answers on `path`; empty when no route has that path.
    public func methods(for path: String) -> [String] {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        let methods = routes.withLock { routes in
            routes.filter { route in
                route.segments.count == segments.count
                    && zip(route.segments, segments).allSatisfy { template, segment in
                        template.map { $0 == segment } ?? true
                    }
            }.map(\.method)
        }
        return Set(methods).sorted()
    }
}
