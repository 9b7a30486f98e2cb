import Foundation
import Hummingbird
import Postgres

extension RedressServer {
    /// `/healthz` (the process answers), `/readyz` (the database answers too),
    /// `/metrics` (Prometheus text) and `/openapi.json`.
    func addOperationalRoutes(to router: Router<RedressRequestContext>) {
        router.get("/healthz") { _, _ in
            try Response.json(["status": "ok"])
        }
        router.get("/readyz") { _, _ in
            guard await database.isReachable() else { throw ServiceError.databaseUnavailable() }
            return try Response.json(["status": "ready"])
        }
        router.get("/metrics") { _, _ in
            let usage = database.pool.usage
            let text = metrics.prometheusText(
                pool: (usage.open, usage.inUse, usage.waiting, database.pool.maximumConnections))
            return Response.text(text, contentType: "text/plain; version=0.0.4; charset=utf-8")
        }
        router.get("/openapi.json") { _, _ in
            var response = Response.json(data: Data(OpenAPIDocument.json.utf8))
            response.headers[.cacheControl] = "public, max-age=300"
            return response
        }
    }
}
