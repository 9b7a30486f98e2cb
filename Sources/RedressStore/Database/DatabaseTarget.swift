public import Foundation
public import Postgres

/// Which database a command uses, by libpq's conventions first and the local
/// cluster last.
public struct DatabaseTarget: Sendable {
    public var configuration: PostgresConfiguration
    /// For people: where that is.
    public var summary: String
    /// Set when the target is the embedded local cluster.
    public var localCluster: LocalCluster?

    /// Variables that mean "a database is configured" (libpq's own).
    static let libpqVariables = [
        "PGHOST", "PGHOSTADDR", "PGPORT", "PGDATABASE", "PGUSER", "PGSERVICE", "PGSERVICEFILE",
    ]

    /// `--database` wins, then `REDRESS_DATABASE_URL`, then libpq's `PG*`
    /// variables; with none of those, the local cluster.
    public static func resolve(
        url: String?, dataDirectory: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> DatabaseTarget {
        if let url, !url.isEmpty {
            return DatabaseTarget(
                configuration: PostgresConfiguration(url: url), summary: "the database given by --database",
                localCluster: nil)
        }
        if let url = environment["REDRESS_DATABASE_URL"], !url.isEmpty {
            return DatabaseTarget(
                configuration: PostgresConfiguration(url: url), summary: "the database in REDRESS_DATABASE_URL",
                localCluster: nil)
        }
        let set = libpqVariables.filter { !(environment[$0] ?? "").isEmpty }
        if !set.isEmpty {
            return DatabaseTarget(
                configuration: .environment, summary: "the database named by \(set.joined(separator: ", "))",
                localCluster: nil)
        }
        let cluster = LocalCluster(
            dataDirectory: dataDirectory.map { URL(fileURLWithPath: $0) }
                ?? LocalCluster.defaultDirectory(environment: environment))
        return DatabaseTarget(
            configuration: cluster.configuration, summary: "the local cluster in \(cluster.dataDirectory.path)",
            localCluster: cluster)
    }

    /// The database commands that only read may use: `--read-database`, then
    /// `REDRESS_READ_DATABASE_URL`; nil when neither is set (they read from the primary).
    public static func resolveReading(
        url: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> DatabaseTarget? {
        if let url, !url.isEmpty {
            return DatabaseTarget(
                configuration: PostgresConfiguration(url: url), summary: "the database given by --read-database",
                localCluster: nil)
        }
        if let url = environment["REDRESS_READ_DATABASE_URL"], !url.isEmpty {
            return DatabaseTarget(
                configuration: PostgresConfiguration(url: url),
                summary: "the database in REDRESS_READ_DATABASE_URL", localCluster: nil)
        }
        return nil
    }

    public func connect() throws(PostgresError) -> PostgresConnection {
        do {
            return try PostgresConnection.connect(configuration)
        } catch {
            guard let localCluster,
                !localCluster.isInitialized
                    || !FileManager.default.fileExists(
                        atPath: localCluster.dataDirectory.appendingPathComponent("postmaster.pid").path)
            else {
                throw error
            }
            throw PostgresError(
                kind: .connection,
                message:
                    "no database is configured and the local cluster in \(localCluster.dataDirectory.path) is not running: run 'redress local start', or set --database or REDRESS_DATABASE_URL"
            )
        }
    }
}
