import Foundation
import RedressTesting
import Testing

@Suite struct ConcurrencyTests {
    /// Twenty processes move the same case at the same moment, all from the version they read:
    /// exactly one wins, the others exit 5, and the audit chain still verifies.
    @Test func exactlyOneOfTwentySimultaneousMovesWins() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let reference = try office.openCase()
            try office.ok("case", "acknowledge", reference, "--at", "2026-03-03")
            let version = try office.show(reference)["version"] as? Int ?? 0
            #expect(version == 2)
            let results = Mutex<[(status: Int32, stderr: String)]>([])
            var threads: [Thread] = []
            let start = DispatchSemaphore(value: 0)
            let done = DispatchGroup()
            for _ in 0..<20 {
                done.enter()
                let thread = Thread {
                    start.wait()
                    let result = try? office.owner.run([
                        "case", "move", reference, "--to", "investigation", "--at", "2026-03-10",
                        "--expect-version", String(version),
                    ])
                    results.withLock { $0.append((result?.status ?? -1, result?.stderr ?? "did not run")) }
                    done.leave()
                }
                threads.append(thread)
                thread.start()
            }
            for _ in threads { start.signal() }
            done.wait()
            let all = results.withLock { $0 }
            #expect(all.count == 20)
            #expect(all.filter { $0.status == 0 }.count == 1, "\(all)")
            #expect(all.filter { $0.status == 5 }.count == 19, "\(all)")
            for loser in all where loser.status == 5 {
                #expect(loser.stderr.contains("look again"), "\(loser.stderr)")
            }
            let shown = try office.show(reference)
            #expect(shown["version"] as? Int == 3)
            #expect(shown["status"] as? String == "investigation")
            let moves = try office.ok("case", "history", reference).split(separator: "\n").filter {
                $0.contains("case_moved")
            }
            #expect(moves.count == 1)
            #expect(try office.run("audit", "verify").status == 0)
        }
    }

    /// Without --expect-version, two racing changes still never lose an update: each either
    /// applies on top of the other or is refused with exit 5.
    @Test func racingNotesNeverLoseAnUpdate() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let reference = try office.openCase()
            let statuses = Mutex<[Int32]>([])
            DispatchQueue.concurrentPerform(iterations: 6) { index in
                let result = try? office.owner.run(["case", "note", reference, "note \(index)"])
                statuses.withLock { $0.append(result?.status ?? -1) }
            }
            let all = statuses.withLock { $0 }
            #expect(all.allSatisfy { $0 == 0 || $0 == 5 }, "\(all)")
            let succeeded = all.filter { $0 == 0 }.count
            let shown = try office.show(reference)
            #expect(shown["version"] as? Int == 1 + succeeded)
            #expect(try office.counts()["case_note"] == succeeded)
        }
    }
}

/// A lock-protected value shared by test threads.
final class Mutex<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    init(_ value: Value) { self.value = value }
    func withLock<T>(_ body: (inout Value) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}
