import Foundation
import Postgres
import RedressTesting
import Testing

@Suite("LISTEN and NOTIFY")
struct NotificationTests {
    /// Waits for the next notifications (at most `rounds` polls of a second each).
    func next(_ listener: PostgresConnection, rounds: Int = 30) throws -> [PostgresNotification] {
        for _ in 0..<rounds {
            let received = try listener.notifications(timeout: 1)
            if !received.isEmpty { return received }
        }
        return []
    }

    @Test func aPayloadTravelsBetweenTwoConnections() throws {
        try withTestDatabase(migrated: false) { db throws in
            let listener = try db.connect()
            defer { listener.close() }
            let sender = try db.connect()
            defer { sender.close() }

            let channel = "Case Events 인권"
            try listener.listen(channel)
            let payload = "HRC-2026-000042 moved to 'mediation' ✊🏿; DROP TABLE x; --"
            try sender.notify(channel, payload: payload)
            let received = try next(listener)
            #expect(received.count == 1)
            #expect(received.first?.channel == channel)
            #expect(received.first?.payload == payload)
            #expect(received.first?.senderPID == sender.backendPID)
        }
    }

    @Test func onlyCommittedNotificationsOnListenedChannelsArrive() throws {
        try withTestDatabase(migrated: false) { db throws in
            let listener = try db.connect()
            defer { listener.close() }
            let sender = try db.connect()
            defer { sender.close() }
            try listener.listen("outbox")
            try listener.listen("other")
            try listener.unlisten("other")

            // Rolled back: never delivered.
            #expect(throws: Deliberate.self) {
                try sender.withTransaction { tx in
                    try tx.notify("outbox", payload: "rolled back")
                    throw Deliberate()
                }
            }
            try sender.notify("other", payload: "not listened to")
            // Several in one transaction arrive together, in order, after COMMIT.
            try sender.withTransaction { tx in
                try tx.notify("outbox", payload: "first")
                try tx.notify("outbox", payload: "second")
            }
            var payloads: [String] = []
            for _ in 0..<30 where payloads.count < 2 {
                payloads += try next(listener).map(\.payload)
            }
            #expect(payloads == ["first", "second"])
            // The listener still answers queries in between.
            #expect(try scalar(listener, "SELECT 1 + \(1)") as Int == 2)
        }
    }
}
