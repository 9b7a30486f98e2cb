import Foundation
public import Postgres
import RedressStore

/// A database of its own for one test: created (migrated, when asked) from
/// the server in `REDRESS_TEST_DATABASE_URL`, dropped on every exit path.
public struct TestDatabase: Sendable {
    /// libpq parameters that reach this database.
    public let configuration: PostgresConfiguration
    /// The same as a URL, for `redress --database`.
    public let url: String
    public let name: String

    public func connect() throws -> PostgresConnection {
        try PostgresConnection.connect(configuration)
    }

    /// Connects, runs `body`, closes.
    public func withConnection<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        let connection = try connect()
        defer { connection.close() }
        return try body(connection)
    }
}

public enum TestDatabaseError: Error, CustomStringConvertible {
    case notConfigured
    public var description: String {
        "REDRESS_TEST_DATABASE_URL is not set: run the tests with ops/test, which starts a throwaway PostgreSQL"
    }
}

/// The admin connection URL the test run was given.
public func testServerURL() throws -> String {
    guard let url = ProcessInfo.processInfo.environment["REDRESS_TEST_DATABASE_URL"], !url.isEmpty else {
        throw TestDatabaseError.notConfigured
    }
    return url
}

/// Runs `body` with a fresh database, migrated by default; drops it afterwards.
public func withTestDatabase<T>(migrated: Bool = true, _ body: (TestDatabase) async throws -> T) async throws -> T {
    let database = try createTestDatabase(migrated: migrated)
    do {
        let value = try await body(database)
        try dropTestDatabase(database.name)
        return value
    } catch {
        try? dropTestDatabase(database.name)
        throw error
    }
}

/// The synchronous form, for tests that need no `await`.
public func withTestDatabase<T>(migrated: Bool = true, _ body: (TestDatabase) throws -> T) throws -> T {
    let database = try createTestDatabase(migrated: migrated)
    do {
        let value = try body(database)
        try dropTestDatabase(database.name)
        return value
    } catch {
        try? dropTestDatabase(database.name)
        throw error
    }
}

func adminConnection() throws -> PostgresConnection {
    try PostgresConnection.connect(PostgresConfiguration(url: try testServerURL()))
}

func createTestDatabase(migrated: Bool) throws -> TestDatabase {
    let admin = try adminConnection()
    defer { admin.close() }
    let name = "redress_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
    if migrated {
        let template = try migratedTemplate(admin)
        try admin.execute("CREATE DATABASE \(identifier: name) TEMPLATE \(identifier: template)")
    } else {
        try admin.execute("CREATE DATABASE \(identifier: name)")
    }
    let url = admin.url(database: name)
    return TestDatabase(configuration: PostgresConfiguration(url: url), url: url, name: name)
}

func dropTestDatabase(_ name: String) throws {
    let admin = try adminConnection()
    defer { admin.close() }
    try admin.execute("DROP DATABASE IF EXISTS \(identifier: name) WITH (FORCE)")
}

/// A template database migrated once per set of migrations, so each test
/// copies it instead of migrating again. Its name carries a hash of the SQL.
func migratedTemplate(_ admin: PostgresConnection) throws -> String {
    let all = Migration.embedded.map { $0.up }.joined(separator: "\n--\n")
    let hash = try admin.query("SELECT left(encode(sha256(convert_to(\(all), 'UTF8')), 'hex'), 16)").first!.decode(
        String.self, at: 0)
    let name = "redress_template_" + hash
    // Tests run in parallel: one builds the template while the others wait.
    try admin.execute("SELECT pg_advisory_lock(42)")
    defer { _ = try? admin.execute("SELECT pg_advisory_unlock(42)") }
    if try admin.query("SELECT 1 FROM pg_database WHERE datname = \(name)").count == 0 {
        let building = name + "_building"
        try admin.execute("DROP DATABASE IF EXISTS \(identifier: building)")
        try admin.execute("CREATE DATABASE \(identifier: building)")
        let connection = try PostgresConnection.connect(PostgresConfiguration(url: admin.url(database: building)))
        do {
            try Migrator().migrate(connection)
            connection.close()
        } catch {
            connection.close()
            throw error
        }
        try admin.execute("ALTER DATABASE \(identifier: building) RENAME TO \(identifier: name)")
    }
    return name
}

extension TestDatabase {
    /// A URL for the same database as another login (the test cluster trusts
    /// local logins; create the role first, e.g. with `createLogin`).
    public func url(asUser user: String) -> String {
        url.replacingOccurrences(
            of: #"^postgresql://[^@]*@"#, with: "postgresql://\(user)@", options: .regularExpression)
    }

    /// Creates a login role on the test server if it does not exist yet.
    public func createLogin(_ name: String) throws {
        try withConnection { connection in
            try connection.execute(
                unsafeSQL: """
                    DO $$ BEGIN CREATE ROLE "\(name.replacingOccurrences(of: "\"", with: ""))" LOGIN;
                    EXCEPTION WHEN duplicate_object THEN NULL; END $$
                    """)
        }
    }
}
