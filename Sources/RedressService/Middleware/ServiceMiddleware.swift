import Foundation
import HTTPTypes
public import Hummingbird
import Logging

/// The outermost layer of every route: turns whatever a handler threw into
/// a JSON error answer, counts the request for `/metrics` and writes one log
/// line for it (method, route template, status, time; never the path or body).
public struct ServiceMiddleware: RouterMiddleware {
    public typealias Context = RedressRequestContext
    let metrics: MetricsRegistry
    let allowedMethods: AllowedMethods

    public init(metrics: MetricsRegistry, allowedMethods: AllowedMethods) {
        self.metrics = metrics
        self.allowedMethods = allowedMethods
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        let started = ContinuousClock.now
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            let allowed = allowedMethods.methods(for: request.uri.path)
            let refusal =
                allowed.isEmpty || allowed.contains(request.method.rawValue)
                ? ServiceError.from(error, logger: context.logger)
                : .methodNotAllowed(request.method.rawValue, allowed: allowed)
            response = refusal.response()
        } catch {
            response = ServiceError.from(error, logger: context.logger).response()
        }
        response.headers[.xContentTypeOptions] = "nosniff"
        // Every answer, the public pages first: nothing from another origin, no script at all,
        // never framed, no Referer sent on (a status page's address would name its case).
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.referrerPolicy] = "no-referrer"
        response.headers[.xFrameOptions] = "DENY"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }

        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let route = Self.routeLabel(context.endpointPath)
        metrics.record(route: route, method: request.method.rawValue, status: response.status.code, seconds: seconds)
        let level: Logger.Level = response.status.code == 503 ? .warning : response.status.code >= 500 ? .error : .info
        context.logger.log(
            level: level, "request answered",
            metadata: [
                "http.method": "\(request.method.rawValue)",
                "http.route": "\(route)",
                "http.status": "\(response.status.code)",
                "http.duration_ms": "\(String(format: "%.1f", seconds * 1000))",
            ])
        return response
    }

    /// The policy of every answer: own-origin style sheets only, no script, forms posted here only.
    static let contentSecurityPolicy =
        "default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

    /// The route template, or one label for every path no route matched.
    static func routeLabel(_ endpointPath: String?) -> String {
        guard let endpointPath, endpointPath != "NotFound" else { return "unmatched" }
        return endpointPath
    }
}

extension HTTPField.Name {
    static let xContentTypeOptions = HTTPField.Name("X-Content-Type-Options")!
    static let contentSecurityPolicy = HTTPField.Name("Content-Security-Policy")!
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
    static let xFrameOptions = HTTPField.Name("X-Frame-Options")!
}
