import Foundation
import RedressTesting
import Testing

@testable import Postgres

@Suite("Connecting")
struct ConnectionTests {
    @Test func anUnreachableServerIsNamedByHostAndPort() throws {
        let error = #expect(throws: PostgresError.self) {
            try PostgresConnection.connect(PostgresConfiguration(url: "postgresql://127.0.0.1:1/nowhere"))
        }
        #expect(error?.kind == .connection)
        #expect(error?.isConnectionFailure == true)
        #expect(error?.description == "cannot connect to PostgreSQL at 127.0.0.1:1: Connection refused")

        let v6 = #expect(throws: PostgresError.self) {
            try PostgresConnection.connect(PostgresConfiguration(url: "postgresql://[::1]:1/nowhere"))
        }
        #expect(v6?.description.hasPrefix("cannot connect to PostgreSQL at [::1]:1: ") == true)

        let parameters = #expect(throws: PostgresError.self) {
            try PostgresConnection.connect(
                PostgresConfiguration(parameters: [("host", "127.0.0.1"), ("port", "1"), ("dbname", "x")]))
        }
        #expect(parameters?.description == "cannot connect to PostgreSQL at 127.0.0.1:1: Connection refused")
    }

    @Test(arguments: [
        "postgresql://alice:Pa55-Secret@127.0.0.1:1/nowhere",
        "postgresql://alice:Pa55-Secret@127.0.0.1:1/nowhere?sslmode=bogus",
        "postgresql://alice:Pa55%zz-Secret@127.0.0.1:1/nowhere",
        "postgresql://alice:Pa55-Secret@[::1:1/nowhere",
        "postgresql://alice:Pa55-Secret@127.0.0.1:1/nowhere?nonsense=1",
        "host=127.0.0.1 port=1 user=alice password=Pa55-Secret",
        "host=127.0.0.1 port=1 password='Pa55-Secret",
        "host=127.0.0.1 port=1 password=Pa55-Secret nonsense",
        "host=127.0.0.1 port=1 password=Pa55-Secret nonsense=1",
    ])
    func aPasswordIsNeverRepeated(url: String) throws {
        let error = #expect(throws: PostgresError.self) {
            try PostgresConnection.connect(PostgresConfiguration(url: url))
        }
        #expect(error?.kind == .connection || error?.kind == .configuration)
        #expect(error?.description.contains("Pa55") == false, "\(error?.description ?? "")")
        #expect(error?.debugDescription.contains("Pa55") == false)
        // One sentence that still says what is wrong.
        #expect(error?.description.contains("\n") == false)
        #expect(error?.description.hasPrefix("cannot ") == true)
        #expect(error?.description.contains(" at :") == false)
    }

    @Test func aPasswordGivenAsAParameterIsNeverRepeated() throws {
        let error = #expect(throws: PostgresError.self) {
            try PostgresConnection.connect(
                PostgresConfiguration(parameters: [
                    ("host", "127.0.0.1"), ("port", "1"), ("password", "Pa55-Secret"), ("sslmode", "Pa55-Secret"),
                ]))
        }
        #expect(error?.description.contains("Pa55") == false, "\(error?.description ?? "")")
    }

    @Test func urlBuilderEncodesEveryPart() {
        #expect(
            PostgresConnection.url(
                user: "redress", password: nil, host: "db.example.org", port: "5432", database: "redress")
                == "postgresql://redress@db.example.org:5432/redress")
        #expect(
            PostgresConnection.url(user: "redress", password: nil, host: "::1", port: "5433", database: "d")
                == "postgresql://redress@[::1]:5433/d")
        #expect(
            PostgresConnection.url(
                user: "a@b:c", password: "p/w@:?#é", host: "10.0.0.1", port: "5432", database: "인권 db/?#")
                == "postgresql://a%40b%3Ac:p%2Fw%40%3A%3F%23%C3%A9@10.0.0.1:5432/%EC%9D%B8%EA%B6%8C%20db%2F%3F%23")
        #expect(
            PostgresConnection.url(user: "u", password: nil, host: "/tmp/pg sockets", port: "5432", database: "d")
                == "postgresql://u@:5432/d?host=%2Ftmp%2Fpg%20sockets")
        #expect(
            PostgresConnection.url(user: "u", password: nil, host: "@abstract", port: "5432", database: "d")
                == "postgresql://u@:5432/d?host=%40abstract")
        #expect(
            PostgresConnection.url(user: "u", password: nil, host: "h", port: "", database: "d")
                == "postgresql://u@h/d")
    }

    @Test func urlReachesTheSameServerForAnyDatabaseName() throws {
        let admin = try PostgresConnection.connect(PostgresConfiguration(url: try testServerURL()))
        defer { admin.close() }
        let name = "redress test 인권 /?#&=% \(UUID().uuidString.prefix(8))"
        try admin.execute("CREATE DATABASE \(identifier: name)")
        defer { _ = try? admin.execute("DROP DATABASE IF EXISTS \(identifier: name) WITH (FORCE)") }

        let url = admin.url(database: name)
        let connection = try PostgresConnection.connect(PostgresConfiguration(url: url))
        defer { connection.close() }
        #expect(try scalar(connection, "SELECT current_database()") as String == name)
        #expect(connection.database == name)
        #expect(connection.user == admin.user)
        #expect(connection.backendPID != admin.backendPID)
    }

    @Test func sessionsRunInUTCWithISODates() throws {
        try withEmptyDatabase { c throws in
            #expect(try scalar(c, "SELECT current_setting('TimeZone')") as String == "UTC")
            #expect(try scalar(c, "SELECT current_setting('DateStyle')") as String == "ISO, YMD")
            #expect(try scalar(c, "SELECT current_setting('client_encoding')") as String == "UTF8")
            #expect(try scalar(c, "SELECT current_setting('application_name')") as String == "redress")
        }
    }

    @Test func sessionSettingsAreKeptBesideTheSessionsOwn() throws {
        try withTestDatabase(migrated: false) { db throws in
            let configuration = db.configuration
                .withSessionSetting("statement_timeout", "1500")
                .withSessionSetting("redress.test_note", #"back\slash and space"#)
                // The session's own settings win: values always decode the same.
                .withSessionSetting("TimeZone", "Asia/Seoul")
            let c = try PostgresConnection.connect(configuration)
            defer { c.close() }
            #expect(try scalar(c, "SELECT current_setting('statement_timeout')") as String == "1500ms")
            #expect(try scalar(c, "SELECT current_setting('redress.test_note')") as String == #"back\slash and space"#)
            #expect(try scalar(c, "SELECT current_setting('TimeZone')") as String == "UTC")
            #expect(try scalar(c, "SELECT current_setting('DateStyle')") as String == "ISO, YMD")
            // A statement past the limit is cancelled with SQLSTATE 57014.
            let error = #expect(throws: PostgresError.self) { try c.query("SELECT pg_sleep(5)") }
            #expect(error?.sqlState == "57014")
            #expect(c.isHealthy)
        }
    }

    @Test func closingTwiceIsHarmlessAndUseAfterCloseFails() throws {
        try withTestDatabase(migrated: false) { db throws in
            let connection = try db.connect()
            #expect(connection.isHealthy)
            connection.close()
            connection.close()
            #expect(!connection.isHealthy)
            let error = #expect(throws: PostgresError.self) { try connection.query("SELECT 1") }
            #expect(error?.kind == .connection)
            #expect(throws: PostgresError.self) { try connection.execute(unsafeSQL: "SELECT 1") }
            #expect(throws: PostgresError.self) { try connection.stream("SELECT 1") { _ in } }
            #expect(connection.backendPID == 0)
        }
    }
}
