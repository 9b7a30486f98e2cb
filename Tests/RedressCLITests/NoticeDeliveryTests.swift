import Foundation
import Postgres
import RedressTesting
import Testing

/// `notices send`: through a real mail chain (msmtp to an SMTP server on 127.0.0.1), through a
/// failing command, with two senders at once, and across a sender killed mid-run.
@Suite struct NoticeDeliveryTests {
    static let domain = "hr.gwangju.example"

    /// An office with `cases` complaints, each acknowledged and sent for investigation: two
    /// email notices a case, plus one letter for a complainant who wants post.
    static func office(_ db: TestDatabase, cases: Int) throws -> OfficeFixture {
        let office = try OfficeFixture(db)
        try office.ok(
            "office", "set", "--sender", "Gwangju Human Rights Ombudsman <ombudsman@\(domain)>", "--mail-domain", domain
        )
        for index in 0..<cases {
            let reference = try office.openCase(
                receivedAt: "2026-03-0\(2 + index % 5)T10:00+09:00", complainant: "Complainant \(index)")
            try office.ok("case", "acknowledge", reference, "--at", "2026-03-10")
            try office.ok("case", "move", reference, "--to", "investigation", "--at", "2026-03-11")
        }
        let letter = try office.openCase(
            receivedAt: "2026-03-02T10:00+09:00", complainant: "Postal Complainant",
            extra: ["--contact", "post", "--address", "12 Geumnam-ro\nGwangju 61470"])
        try office.ok("case", "acknowledge", letter, "--at", "2026-03-10")
        return office
    }

    /// A command that records the Message-ID of each message it reads, one per line.
    static func recorder(_ file: URL, then extra: String = "") -> String {
        "sed -n 's/^Message-ID: //p' | tr -d '\\r' >> '\(file.path)'" + extra
    }

    static func lines(_ file: URL) -> [String] {
        ((try? String(contentsOf: file, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    @Test func throughMsmtpToAnSMTPServerEachNoticeArrivesOnce() throws {
        try withTestDatabase { db in
            let office = try Self.office(db, cases: 3)
            let ids = try NoticeFixture.messageIDs(db, domain: Self.domain)
            #expect(ids.count == 6)
            let sink = try SMTPSink()
            defer { sink.stop() }
            let via = "msmtp --host=127.0.0.1 --port=\(sink.port) --from=ombudsman@\(Self.domain) -t"
            let sent = try office.owner.run(["notices", "send", "--via", via])
            #expect(sent.status == 0, "\(sent)")
            #expect(sent.stdout.contains("6 sent, 0 to be retried, 0 failed"), "\(sent.stdout)")

            let received = try sink.messages()
            #expect(received.count == 6)
            var arrived: [String] = []
            var cases: [NoticeFixture.MIMECase] = []
            for message in received {
                let text = String(decoding: message, as: UTF8.self)
                let id = text.split(separator: "\r\n").first { $0.hasPrefix("Message-ID: ") }.map {
                    String($0.dropFirst(12))
                }
                arrived.append(id ?? "none")
                cases.append(
                    NoticeFixture.MIMECase(
                        message: message, expectations: ["auto_submitted": true, "message_contains": ["HRC-2026-"]]))
            }
            #expect(arrived.sorted() == ids.values.sorted())
            let checked = try NoticeFixture.checkMIME(cases)
            #expect(checked.status == 0, "\(checked.output)")

            // Every email notice is marked sent; the letter waits for export.
            let rows = try NoticeFixture.rows(db)
            #expect(
                rows.filter { $0.channel == "email" }.allSatisfy {
                    $0.state == "sent" && $0.attempts == 1 && $0.lastError == nil
                })
            #expect(rows.filter { $0.channel == "post" }.map(\.state) == ["pending"])
            // A second run finds nothing to send.
            let again = try office.owner.run(["notices", "send", "--via", via])
            #expect(again.status == 0, "\(again)")
            #expect(again.stdout.contains("0 sent"))
            #expect(try sink.messages().count == 6)
        }
    }

    @Test func aFailingCommandLeavesEveryNoticePendingThenALaterRunSendsEachOnce() throws {
        try withTestDatabase { db in
            let office = try Self.office(db, cases: 2)
            let failed = try office.owner.run(["notices", "send", "--via", "echo 'relay refused' >&2; false"])
            #expect(failed.status == 1, "\(failed)")
            #expect(failed.stderr.contains("4 notices were not sent"), "\(failed.stderr)")
            var rows = try NoticeFixture.rows(db, where: "channel = 'email'")
            #expect(rows.count == 4)
            for row in rows {
                #expect(row.state == "pending")
                #expect(row.attempts == 1)
                #expect(row.lastError == "the command exited with status 1: relay refused", "\(row)")
            }
            // The next attempt waits 5 minutes: a run now sends nothing.
            let waiting = try db.withConnection {
                try $0.query(
                    "SELECT bool_and(next_attempt_at > now() + interval '4 minutes') FROM notice WHERE channel = 'email'"
                ).first!.decode(Bool.self, at: 0)
            }
            #expect(waiting)
            let folder = try NoticeFixture.temporaryFolder("send")
            defer { try? FileManager.default.removeItem(at: folder) }
            let log = folder.appendingPathComponent("ids")
            let early = try office.owner.run(["notices", "send", "--via", Self.recorder(log)])
            #expect(early.status == 0, "\(early)")
            #expect(Self.lines(log).isEmpty)

            // Once due (here forced with --retry-now), each is delivered exactly once.
            let later = try office.owner.run(["notices", "send", "--via", Self.recorder(log), "--retry-now"])
            #expect(later.status == 0, "\(later)")
            #expect(Self.lines(log).sorted() == (try NoticeFixture.messageIDs(db, domain: Self.domain)).values.sorted())
            rows = try NoticeFixture.rows(db, where: "channel = 'email'")
            #expect(rows.allSatisfy { $0.state == "sent" && $0.attempts == 2 && $0.lastError == nil })
            #expect(try office.owner.run(["notices", "send", "--via", Self.recorder(log), "--retry-now"]).status == 0)
            #expect(Self.lines(log).count == 4)
        }
    }

    @Test func afterTheLastAttemptANoticeIsFailedUntilRetried() throws {
        try withTestDatabase { db in
            let office = try Self.office(db, cases: 1)
            let result = try office.owner.run([
                "notices", "send", "--via", "exit 75", "--max-attempts", "2", "--limit", "1",
            ])
            #expect(result.status == 1)
            let again = try office.owner.run([
                "notices", "send", "--via", "exit 75", "--max-attempts", "2", "--limit", "1", "--retry-now",
            ])
            #expect(again.stdout.contains("failed after 2 attempts"), "\(again)")
            let first = try #require(NoticeFixture.rows(db).first)
            #expect(first.state == "failed")
            #expect(first.attempts == 2)
            #expect(first.lastError == "the command exited with status 75")
            // A failed notice is not tried again …
            let folder = try NoticeFixture.temporaryFolder("failed")
            defer { try? FileManager.default.removeItem(at: folder) }
            let log = folder.appendingPathComponent("ids")
            try office.ok("notices", "send", "--via", Self.recorder(log), "--retry-now")
            #expect(Self.lines(log).count == 1)
            #expect(try NoticeFixture.rows(db).first?.state == "failed")
            // … until someone puts it back.
            try office.ok("notices", "retry", String(first.id))
            try office.ok("notices", "send", "--via", Self.recorder(log))
            #expect(Self.lines(log).count == 2)
            #expect(try NoticeFixture.rows(db).first?.state == "sent")
            #expect(try office.ok("case", "history", "HRC-2026-000001").contains("notice_retried"))
        }
    }

    @Test func aCommandThatHangsIsStoppedAndCountedAsFailed() throws {
        try withTestDatabase { db in
            let office = try Self.office(db, cases: 1)
            let started = Date()
            let result = try office.owner.run([
                "notices", "send", "--via", "sleep 30", "--timeout", "1", "--limit", "1",
            ])
            #expect(result.status == 1, "\(result)")
            #expect(Date().timeIntervalSince(started) < 15)
            #expect(try NoticeFixture.rows(db).first?.lastError == "the command did not finish in time and was stopped")
        }
    }

    /// Two senders started together over 500 pending notices: each goes out exactly once.
    @Test func twoSendersAtOnceNeverSendANoticeTwice() throws {
        try withTestDatabase { db in
            let office = try Self.office(db, cases: 1)
            _ = try db.withConnection { connection in
                try connection.execute(
                    """
                    INSERT INTO notice (case_id, kind, audience, recipient, channel, language, data)
                    SELECT n.case_id, n.kind, n.audience, n.recipient, n.channel, n.language, n.data
                    FROM notice n CROSS JOIN generate_series(1, 249)
                    WHERE n.channel = 'email'
                    """)
            }
            let ids = try NoticeFixture.messageIDs(db, domain: Self.domain)
            #expect(ids.count == 500)
            let folder = try NoticeFixture.temporaryFolder("race")
            defer { try? FileManager.default.removeItem(at: folder) }
            let log = folder.appendingPathComponent("ids")
            let senders = try (0..<2).map { index in
                try NoticeFixture.start(
                    office.owner, ["notices", "send", "--via", Self.recorder(log)], folder: folder,
                    label: "sender\(index)")
            }
            for sender in senders { sender.waitUntilExit() }
            for (index, sender) in senders.enumerated() {
                let errors =
                    (try? String(contentsOf: folder.appendingPathComponent("sender\(index).err"), encoding: .utf8))
                    ?? ""
                #expect(sender.terminationStatus == 0, "sender \(index): \(errors)")
            }
            let delivered = Self.lines(log)
            #expect(delivered.count == 500)
            #expect(Set(delivered).count == 500)
            #expect(Set(delivered) == Set(ids.values))
            #expect(try NoticeFixture.rows(db, where: "channel = 'email' AND state <> 'sent'").isEmpty)
            // Both took part: each reports some of the 500.
            let counts = try (0..<2).map { index -> Int in
                let out = try String(contentsOf: folder.appendingPathComponent("sender\(index).out"), encoding: .utf8)
                return out.split(separator: "\n").filter { $0.hasSuffix(": sent") }.count
            }
            #expect(counts.reduce(0, +) == 500, "\(counts)")
            #expect(counts.allSatisfy { $0 > 0 }, "\(counts)")
        }
    }

    /// A sender killed with SIGKILL in the middle of a run: the rerun loses nothing and sends
    /// at most the one message that was being delivered again, with the same Message-ID.
    @Test func killedMidRunThenRerunLosesNothingAndResendsAtMostOne() throws {
        try withTestDatabase { db in
            let office = try Self.office(db, cases: 1)
            _ = try db.withConnection { connection in
                try connection.execute(
                    """
                    INSERT INTO notice (case_id, kind, audience, recipient, channel, language, data)
                    SELECT n.case_id, n.kind, n.audience, n.recipient, n.channel, n.language, n.data
                    FROM notice n CROSS JOIN generate_series(1, 29)
                    WHERE n.channel = 'email'
                    """)
            }
            let ids = try NoticeFixture.messageIDs(db, domain: Self.domain)
            #expect(ids.count == 60)
            let folder = try NoticeFixture.temporaryFolder("kill")
            defer { try? FileManager.default.removeItem(at: folder) }
            let log = folder.appendingPathComponent("ids")
            // Each delivery records its Message-ID and then lingers, so the kill most likely
            // lands after a message went out but before it was marked sent.
            let sender = try NoticeFixture.start(
                office.owner, ["notices", "send", "--via", Self.recorder(log, then: "; sleep 0.2")],
                folder: folder, label: "killed")
            let deadline = Date().addingTimeInterval(60)
            while Self.lines(log).count < 5, Date() < deadline, sender.isRunning { usleep(20_000) }
            kill(sender.processIdentifier, SIGKILL)
            sender.waitUntilExit()
            #expect(sender.terminationReason == .uncaughtSignal)
            let before = Self.lines(log).count
            #expect(before >= 5 && before < 60, "\(before)")
            let marked = try NoticeFixture.rows(db, where: "state = 'sent'").count
            #expect(marked <= before && before <= marked + 1, "\(marked) marked sent, \(before) delivered")

            let rerun = try office.owner.run(["notices", "send", "--via", Self.recorder(log)])
            #expect(rerun.status == 0, "\(rerun)")
            let delivered = Self.lines(log)
            #expect(Set(delivered) == Set(ids.values), "nothing lost")
            #expect(delivered.count - Set(delivered).count <= 1, "at most one message sent twice")
            #expect(try NoticeFixture.rows(db, where: "channel = 'email' AND state <> 'sent'").isEmpty)
        }
    }
}
