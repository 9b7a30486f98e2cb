import Postgres
import RedressCore
import RedressTesting
import Testing

/// The database refuses, for any staff login, a move the lifecycle does not allow or that the
/// login's roles may not make; its table of moves must be RedressCore's, move for move.
@Suite("Lifecycle table in the database")
struct LifecycleTableTests {
    @Test func theDatabaseHasTheLifecycleOfRedressCore() throws {
        try withTestDatabase { db in
            let stored = try db.withConnection { connection in
                try connection.query("SELECT from_state, to_state, roles, outcomes FROM case_transition").map { row in
                    let key = "\(try row.decode(String.self, at: 0))>\(try row.decode(String.self, at: 1))"
                    let roles = try row.decode(PostgresTextArray.self, at: 2).elements.compactMap { $0 }
                    let outcomes = try row.decode(PostgresTextArray.self, at: 3).elements.compactMap { $0 }
                    return (key, Set(roles), Set(outcomes))
                }
            }
            var expected: [(String, Set<String>, Set<String>)] = []
            for from in CaseState.allCases {
                for to in CaseState.allCases where Lifecycle.isAllowed(from: from, to: to) {
                    expected.append(
                        (
                            "\(from.rawValue)>\(to.rawValue)",
                            Set(Lifecycle.permission(from: from, to: to).roles.map(\.rawValue)),
                            Set(Lifecycle.allowedOutcomes(from: from, to: to).map(\.rawValue))
                        ))
                }
            }
            #expect(stored.count == expected.count)
            let byKey = Dictionary(uniqueKeysWithValues: stored.map { ($0.0, ($0.1, $0.2)) })
            for (key, roles, outcomes) in expected {
                #expect(byKey[key]?.0 == roles, "\(key): roles")
                #expect(byKey[key]?.1 == outcomes, "\(key): outcomes")
            }
        }
    }
}
