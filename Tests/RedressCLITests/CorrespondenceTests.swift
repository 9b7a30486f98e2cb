import Foundation
import Postgres
import RedressTesting
import Testing

/// Correspondence: documents kept with a case, contacts logged, and replies, bounces and
/// automatic messages brought back by `mail receive`.
@Suite struct CorrespondenceTests {
    static let domain = "hr.gwangju.example"

    /// An office that sends from `domain`, with one acknowledged case; its notices are sent
    /// through msmtp to an SMTP sink, and the sent messages are returned.
    static func officeWithSentNotices(_ db: TestDatabase, folder: URL) throws -> (
        office: OfficeFixture, reference: String, sent: [URL]
    ) {
        let office = try OfficeFixture(db)
        try office.ok(
            "office", "set", "--sender", "Gwangju Human Rights Ombudsman <ombudsman@\(domain)>", "--mail-domain", domain
        )
        let reference = try office.openCase()
        try office.ok("case", "acknowledge", reference, "--at", "2026-03-10")
        let sink = try SMTPSink()
        defer { sink.stop() }
        let via = "msmtp --host=127.0.0.1 --port=\(sink.port) --from=ombudsman@\(domain) -t"
        let sent = try office.owner.run(["notices", "send", "--via", via])
        #expect(sent.status == 0, "\(sent)")
        var files: [URL] = []
        for (index, message) in try sink.messages().enumerated() {
            let file = folder.appendingPathComponent("sent-\(index).eml")
            try message.write(to: file)
            files.append(file)
        }
        #expect(!files.isEmpty)
        return (office, reference, files)
    }

    static func receive(_ office: OfficeFixture, _ file: URL, binary: RedressBinary? = nil) throws -> CommandResult {
        try (binary ?? office.owner).run(["mail", "receive", "--format", "json"], input: try Data(contentsOf: file))
    }

    static func json(_ text: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    static func count(_ db: TestDatabase, _ sql: String) throws -> Int {
        try db.withConnection { try $0.query(PostgresQuery(unsafeSQL: sql)).first!.decode(Int.self, at: 0) }
    }

    static func correspondence(_ office: OfficeFixture, _ reference: String) throws -> [[String: Any]] {
        try office.show(reference)["correspondence"] as? [[String: Any]] ?? []
    }

    // MARK: Replies

    /// A reply to a sent notice, written by Python's email library with a PDF attached, lands
    /// on the notice's case, once however often it is piped, with the attachment byte-identical.
    @Test func aReplyToANoticeIsFiledOnItsCaseOnceWithItsAttachment() throws {
        try withTestDatabase { db in
            let folder = try NoticeFixture.temporaryFolder("mail")
            defer { try? FileManager.default.removeItem(at: folder) }
            let (office, reference, sent) = try Self.officeWithSentNotices(db, folder: folder)
            let attachment = folder.appendingPathComponent("letter.pdf")
            try Data("%PDF-1.4\n% the eviction letter\n".utf8 + (0..<5000).map { UInt8($0 % 251) }).write(
                to: attachment)
            let reply = folder.appendingPathComponent("reply.eml")
            try MailFixture.make(["reply", sent[0].path, reply.path, attachment.path])

            let first = try Self.receive(office, reply)
            #expect(first.status == 0, "\(first)")
            let receipt = Self.json(first.stdout)
            #expect(receipt["outcome"] as? String == "filed")
            #expect(receipt["reference"] as? String == reference)
            #expect(receipt["matched_by"] as? String == "notice")
            #expect(receipt["kind"] as? String == "reply")
            let documents = receipt["documents"] as? [Int] ?? []
            #expect(documents.count == 1)

            // Piped again (the mail system retried): filed once.
            let again = try Self.receive(office, reply)
            #expect(again.status == 0, "\(again)")
            #expect(Self.json(again.stdout)["outcome"] as? String == "duplicate")
            #expect(try Self.count(db, "SELECT count(*) FROM mail_message") == 1)
            #expect(try Self.count(db, "SELECT count(*) FROM case_document") == 1)

            // The raw message is kept exactly, with its SHA-256.
            let stored = try db.withConnection {
                try $0.query("SELECT encode(sha256, 'hex'), size FROM mail_message").first!
            }
            #expect(try stored.decode(String.self, at: 0) == (try MailFixture.sha256(reply)))
            #expect(try stored.decode(Int.self, at: 1) == (try Data(contentsOf: reply)).count)

            let out = folder.appendingPathComponent("out.pdf")
            try office.ok("case", "document", "get", reference, String(documents[0]), "-o", out.path)
            #expect(try MailFixture.sha256(out) == (try MailFixture.sha256(attachment)))
            let listed = try office.ok("case", "documents", reference)
            #expect(listed.contains("eviction letter.pdf") && listed.contains("application/pdf"), "\(listed)")

            // The case shows it among its correspondence, without the quoted notice.
            let entries = try Self.correspondence(office, reference)
            let message = try #require(entries.first { $0["type"] as? String == "message" })
            #expect(message["direction"] as? String == "in")
            #expect((message["text"] as? String)?.contains("The eviction letter is attached") == true)
            #expect((message["text"] as? String)?.contains("Dear Kim Minji") == false)
            #expect(entries.contains { $0["type"] as? String == "notice" && $0["direction"] as? String == "out" })
            let text = try office.ok("case", "show", reference)
            #expect(text.contains("Correspondence:") && text.contains("in   message"), "\(text)")
        }
    }

    /// Outlook's "-----Original Message-----" and Apple Mail's "> On … wrote:" are cut from the
    /// reply's text as shown.
    @Test func quotedMessagesAreLeftOutOfTheReplyText() throws {
        try withTestDatabase { db in
            let folder = try NoticeFixture.temporaryFolder("mail")
            defer { try? FileManager.default.removeItem(at: folder) }
            let (office, reference, sent) = try Self.officeWithSentNotices(db, folder: folder)
            for (kind, kept) in [("outlook", "Here is what you asked for."), ("apple", "The lease is attached.")] {
                let file = folder.appendingPathComponent("\(kind).eml")
                try MailFixture.make([kind, sent[0].path, file.path])
                let result = try Self.receive(office, file)
                #expect(result.status == 0, "\(result)")
                let texts = try Self.correspondence(office, reference).compactMap { $0["text"] as? String }
                #expect(texts.contains(kept), "\(texts)")
                #expect(!texts.contains { $0.contains("Please send the lease") }, "\(texts)")
            }
        }
    }

    /// A message in EUC-KR (encoded-word headers, 8-bit text, an RFC 2231 file name) naming the
    /// case in its subject: decoded, and its attachment kept byte for byte.
    @Test func aKoreanMessageInEUCKRIsDecodedAndItsAttachmentKept() throws {
        try withTestDatabase { db in
            let folder = try NoticeFixture.temporaryFolder("mail")
            defer { try? FileManager.default.removeItem(at: folder) }
            let office = try OfficeFixture(db)
            let reference = try office.openCase()
            let attachment = folder.appendingPathComponent("lease.pdf")
            try Data("%PDF-1.7 lease ".utf8 + (0..<70000).map { UInt8(($0 * 7) % 256) }).write(to: attachment)
            let file = folder.appendingPathComponent("euckr.eml")
            try MailFixture.make(["euckr", reference, file.path, attachment.path])
            let result = try Self.receive(office, file)
            #expect(result.status == 0, "\(result)")
            let receipt = Self.json(result.stdout)
            #expect(receipt["matched_by"] as? String == "subject")
            let entries = try Self.correspondence(office, reference)
            let message = try #require(entries.first { $0["type"] as? String == "message" })
            #expect(message["subject"] as? String == "계약서 제출 \(reference)")
            #expect((message["from"] as? String)?.hasPrefix("김민지 <minji@example.org>") == true)
            #expect(message["text"] as? String == "임대차 계약서를 첨부합니다.")
            let documents = try office.ok("case", "documents", reference, "--format", "json")
            #expect(documents.contains("계약서.pdf"), "\(documents)")
            let out = folder.appendingPathComponent("out.pdf")
            try office.ok("case", "document", "get", reference, "1", "-o", out.path)
            #expect(try MailFixture.sha256(out) == (try MailFixture.sha256(attachment)))
        }
    }

    // MARK: Bounces and automatic messages

    /// A delivery report for a sent notice marks that notice failed with the server's words and
    /// is not shown as correspondence; an auto-reply is filed and triggers nothing.
    @Test func aBounceFailsItsNoticeAndAnAutoReplyTriggersNothing() throws {
        try withTestDatabase { db in
            let folder = try NoticeFixture.temporaryFolder("mail")
            defer { try? FileManager.default.removeItem(at: folder) }
            let (office, reference, sent) = try Self.officeWithSentNotices(db, folder: folder)
            let ids = try NoticeFixture.messageIDs(db, domain: Self.domain)
            let original = try String(contentsOf: sent[0], encoding: .utf8)
            let noticeID = try #require(ids.first { original.contains($0.value) }?.key)

            let bounce = folder.appendingPathComponent("bounce.eml")
            try MailFixture.make(["bounce", sent[0].path, bounce.path])
            let result = try Self.receive(office, bounce)
            #expect(result.status == 0, "\(result)")
            #expect(Self.json(result.stdout)["kind"] as? String == "bounce")
            let row = try #require(NoticeFixture.rows(db, where: "id = \(noticeID)").first)
            #expect(row.state == "failed")
            #expect(row.lastError == "bounced: 550 5.1.1 user unknown")
            let entries = try Self.correspondence(office, reference)
            #expect(!entries.contains { $0["type"] as? String == "message" })
            #expect(
                entries.contains {
                    $0["type"] as? String == "notice" && $0["number"] as? Int == noticeID
                        && $0["error"] as? String == "bounced: 550 5.1.1 user unknown"
                })

            // An auto-reply: filed on the case as one, no notice queued, no case opened.
            let before = try office.counts()
            let auto = folder.appendingPathComponent("auto.eml")
            try MailFixture.make(["auto", sent[0].path, auto.path])
            let away = try Self.receive(office, auto)
            #expect(away.status == 0, "\(away)")
            #expect(Self.json(away.stdout)["kind"] as? String == "auto_reply")
            #expect(Self.json(away.stdout)["reference"] as? String == reference)
            let after = try office.counts()
            #expect(after["notice"] == before["notice"])
            #expect(after["complaint_case"] == before["complaint_case"])
            #expect(after["clock"] == before["clock"])

            // An auto-reply to nothing opens no intake: it waits unmatched.
            let stray = folder.appendingPathComponent("stray.eml")
            try MailFixture.make(["auto", "-", stray.path])
            var bytes = try String(contentsOf: stray, encoding: .utf8)
            bytes = bytes.replacingOccurrences(of: "<auto-reply@", with: "<auto-stray@")
            try bytes.write(to: stray, atomically: true, encoding: .utf8)
            let strayResult = try Self.receive(office, stray)
            #expect(Self.json(strayResult.stdout)["outcome"] as? String == "unmatched", "\(strayResult)")
            #expect(try office.counts()["complaint_case"] == before["complaint_case"])

            // Redress's own message piped back (a loop) is ignored.
            let loop = try office.owner.run(["mail", "receive"], input: try Data(contentsOf: sent[0]))
            #expect(loop.status == 0, "\(loop)")
            #expect(loop.stdout.contains("ignored"), "\(loop)")
        }
    }

    // MARK: Unmatched messages and intake

    /// A message that names no case opens an unassigned email intake; with that turned off it
    /// waits in the unmatched queue until filed by hand.
    @Test func aMessageNamingNoCaseOpensAnIntakeOrWaitsUnmatched() throws {
        try withTestDatabase { db in
            let folder = try NoticeFixture.temporaryFolder("mail")
            defer { try? FileManager.default.removeItem(at: folder) }
            let office = try OfficeFixture(db)
            let file = folder.appendingPathComponent("new.eml")
            try MailFixture.make(["plain", "-", file.path])
            let opened = try Self.receive(office, file)
            #expect(opened.status == 0, "\(opened)")
            let receipt = Self.json(opened.stdout)
            #expect(receipt["matched_by"] as? String == "intake")
            let reference = try #require(receipt["reference"] as? String)
            let shown = try office.show(reference)
            #expect(shown["channel"] as? String == "email")
            #expect(shown["assignee"] == nil || shown["assignee"] is NSNull)
            #expect((shown["complainants"] as? [[String: Any]])?.first?["email"] as? String == "minji@example.org")

            try office.ok("office", "set", "--mail-opens-intake", "no")
            let other = folder.appendingPathComponent("other.eml")
            try MailFixture.make(["apple", "-", other.path])
            let waiting = try Self.receive(office, other)
            #expect(Self.json(waiting.stdout)["outcome"] as? String == "unmatched", "\(waiting)")
            let number = try #require(Self.json(waiting.stdout)["number"] as? Int)
            let listed = try office.ok("mail", "list", "--unmatched")
            #expect(listed.contains("unmatched") && listed.contains("Re: Your complaint"), "\(listed)")
            let filed = try office.ok("mail", "file", String(number), reference)
            #expect(filed.contains("filed on \(reference) by hand"), "\(filed)")
            let twice = try office.run("mail", "file", String(number), reference)
            #expect(twice.status == 4, "\(twice)")
            let missing = try office.run("mail", "file", "9999", reference)
            #expect(missing.status == 3, "\(missing)")
            #expect(try office.ok("mail", "list", "--unmatched").isEmpty)
        }
    }

    // MARK: Failures the mail system must understand

    /// The database unreachable: exit 75 (the mail system keeps the message and retries), and
    /// the retry files it exactly once.
    @Test func anUnreachableDatabaseIsATemporaryFailureAndTheRetryFilesOnce() throws {
        try withTestDatabase { db in
            let folder = try NoticeFixture.temporaryFolder("mail")
            defer { try? FileManager.default.removeItem(at: folder) }
            let office = try OfficeFixture(db)
            let reference = try office.openCase()
            let file = folder.appendingPathComponent("m.eml")
            try MailFixture.make(["big", reference, file.path, "100"])
            let down = RedressBinary(database: "postgresql:///redress?host=\(folder.path)/nowhere&connect_timeout=2")
            let failed = try down.run(["mail", "receive"], input: try Data(contentsOf: file))
            #expect(failed.status == 75, "\(failed)")
            #expect(failed.stderr.contains("try again"), "\(failed)")
            #expect(try Self.count(db, "SELECT count(*) FROM mail_message") == 0)
            for _ in 0..<2 {
                let result = try Self.receive(office, file)
                #expect(result.status == 0, "\(result)")
            }
            #expect(try Self.count(db, "SELECT count(*) FROM mail_message") == 1)
            #expect(try Self.count(db, "SELECT count(*) FROM case_event WHERE kind = 'mail_received'") == 1)
        }
    }

    /// A 100 MiB attachment is refused with the limit named; the message and its other
    /// attachment are filed.
    @Test func anAttachmentOverTheLimitIsRefusedAndTheRestFiled() throws {
        try withTestDatabase { db in
            let folder = try NoticeFixture.temporaryFolder("mail")
            defer { try? FileManager.default.removeItem(at: folder) }
            let office = try OfficeFixture(db)
            let reference = try office.openCase()
            let file = folder.appendingPathComponent("big.eml")
            try MailFixture.make(["big", reference, file.path, String(100 * 1024 * 1024)])
            let result = try MailFixture.shell(
                "'\(office.owner.url.path)' mail receive --format json --database '\(office.owner.database!)' < '\(file.path)'"
            )
            #expect(result.status == 0, "\(result.stderr)")
            #expect(
                result.stderr.contains("\"recording.wav\" is 100 MiB, over the limit of 25 MiB"), "\(result.stderr)")
            let receipt = Self.json(result.stdout)
            #expect(receipt["outcome"] as? String == "filed")
            #expect((receipt["documents"] as? [Int])?.count == 1)
            let listed = try office.ok("case", "documents", reference)
            #expect(listed.contains("note.pdf") && !listed.contains("recording.wav"), "\(listed)")
            // Its bytes are left out of the stored message too: nothing of that size is stored.
            #expect(try Self.count(db, "SELECT count(*) FROM document_content WHERE size > 1048576") == 0)
        }
    }

    /// Damaged and hostile MIME never crashes `mail receive`: each message is filed (exit 0) or
    /// quarantined (exit 65), and a quarantined one is kept.
    @Test func fuzzedMessagesAreFiledOrQuarantined() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let reference = try office.openCase()
            var nested =
                "From: a@example.org\r\nSubject: deep \(reference)\r\nMessage-ID: <deep@x>\r\nContent-Type: multipart/mixed; boundary=\"b0\"\r\n\r\n"
            for level in 1..<50 {
                nested += "--b\(level - 1)\r\nContent-Type: multipart/mixed; boundary=\"b\(level)\"\r\n\r\n"
            }
            nested += "--b49\r\nContent-Type: text/plain\r\n\r\ndeep text\r\n"
            let messages: [(String, [UInt8])] = [
                ("nested 50 deep", Array(nested.utf8)),
                (
                    "truncated boundary",
                    Array(
                        "From: a@example.org\r\nSubject: \(reference)\r\nMessage-ID: <t@x>\r\nContent-Type: multipart/mixed; boundary=\"zz\"\r\n\r\n--zz\r\nContent-Type: text/plain\r\n\r\nhello\r\n--z"
                            .utf8)
                ),
                (
                    "invalid charset",
                    Array(
                        "From: a@example.org\r\nSubject: =?x-klingon?Q?abc?= \(reference)\r\nMessage-ID: <c@x>\r\nContent-Type: text/plain; charset=x-klingon\r\n\r\nqapla\r\n"
                            .utf8)
                ),
                (
                    "NUL bytes",
                    Array(
                        "From: a@exa\u{0}mple.org\r\nSubject: nul \(reference)\r\nMessage-ID: <n@x>\r\n\r\nbody\u{0}with\u{0}NUL\r\n"
                            .utf8)
                ),
                (
                    "base64 garbage",
                    Array(
                        "From: a@example.org\r\nSubject: \(reference)\r\nMessage-ID: <g@x>\r\nContent-Type: multipart/mixed; boundary=q\r\n\r\n--q\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename*0*=utf-8''%E0; filename*1=\"x\"\r\n\r\n!!!@@@===\r\n--q--\r\n"
                            .utf8)
                ),
                ("no header", Array("this is not a message\r\n".utf8)),
                ("empty", []),
                ("binary", (0..<4096).map { UInt8(($0 * 131 + 7) % 256) }),
                ("no sender", Array("Subject: hello\r\n\r\nbody\r\n".utf8)),
            ]
            var quarantined = 0
            for (label, bytes) in messages {
                let result = try office.owner.run(["mail", "receive"], input: Data(bytes))
                #expect(result.status == 0 || result.status == 65, "\(label): \(result)")
                if result.status == 65 {
                    quarantined += 1
                    #expect(result.stderr.contains("quarantine"), "\(label): \(result)")
                }
            }
            #expect(quarantined >= 3)
            #expect(try Self.count(db, "SELECT count(*) FROM mail_message WHERE state = 'quarantined'") == quarantined)
            #expect(try Self.count(db, "SELECT count(*) FROM mail_message WHERE state = 'filed'") == 5)
            let waiting = try office.ok("mail", "list", "--unmatched")
            #expect(waiting.contains("quarantined"), "\(waiting)")
        }
    }

    // MARK: Information requests

    /// A reply to an information request is a possible answer; `info-received --from-mail`
    /// resumes the clocks at the message's arrival, not at the confirmation.
    @Test func anInformationRequestAnsweredByMailResumesAtTheArrival() throws {
        try withTestDatabase { db in
            let folder = try NoticeFixture.temporaryFolder("mail")
            defer { try? FileManager.default.removeItem(at: folder) }
            let office = try OfficeFixture(db)
            try office.ok("office", "set", "--mail-domain", Self.domain)
            let reference = try office.openCase()
            try office.ok("case", "acknowledge", reference, "--at", "2026-03-02")
            try office.ok("case", "request-info", reference, "--what", "A copy of the lease", "--at", "2026-03-03")
            let request = try #require(NoticeFixture.rows(db, where: "kind = 'information_request'").first)
            let original = folder.appendingPathComponent("request.eml")
            try "Message-ID: <notice-\(request.id).\(reference)@\(Self.domain)>\r\n\r\n".write(
                to: original, atomically: true, encoding: .utf8)
            let reply = folder.appendingPathComponent("reply.eml")
            try MailFixture.make(["reply", original.path, reply.path])
            let result = try Self.receive(office, reply)
            #expect(result.status == 0, "\(result)")
            let receipt = Self.json(result.stdout)
            #expect(receipt["possible_answer"] as? Bool == true)
            let number = try #require(receipt["number"] as? Int)
            let entries = try Self.correspondence(office, reference)
            #expect(entries.contains { $0["possible_answer"] as? Bool == true })

            // Another case's message is refused.
            let other = try office.openCase(complainant: "Lee Sora")
            let wrong = try office.run("case", "info-received", other, "--from-mail", String(number))
            #expect(wrong.status == 4 || wrong.status == 2, "\(wrong)")

            try office.ok("case", "info-received", reference, "--from-mail", String(number))
            let shown = try office.show(reference)
            #expect(shown["status"] as? String == "triage")
            let (arrived, resumed) = try db.withConnection { connection in
                let arrived = try connection.query("SELECT received_at FROM mail_message WHERE id = \(number)")
                    .first!.decode(Date.self, at: 0)
                let resumed = try connection.query(
                    "SELECT occurred_at FROM case_event WHERE kind <> 'case_viewed' ORDER BY id DESC LIMIT 1"
                ).first!.decode(Date.self, at: 0)
                return (arrived, resumed)
            }
            #expect(abs(arrived.timeIntervalSince(resumed)) < 0.001)
        }
    }

    // MARK: Documents and contacts

    /// Attached documents: stored once by content, refused over the limit (naming it), kept
    /// from readers who may not see a confidential one, and read back in bounded memory.
    @Test func documentsAreKeptStreamedAndGuarded() throws {
        try withTestDatabase { db in
            let folder = try NoticeFixture.temporaryFolder("docs")
            defer { try? FileManager.default.removeItem(at: folder) }
            let office = try OfficeFixture(db)
            let reference = try office.openCase()
            let large = folder.appendingPathComponent("large.bin")
            let made = try MailFixture.shell("head -c \(20 * 1024 * 1024) /dev/urandom > '\(large.path)'")
            #expect(made.status == 0)
            let attached = try office.ok("case", "attach", reference, large.path, "--title", "Recording")
            #expect(attached.contains("document 1: Recording (application/octet-stream, 20 MiB)"), "\(attached)")
            let png = folder.appendingPathComponent("photo.png")
            try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]).write(to: png)
            try office.ok("case", "attach", reference, png.path, "--confidential")
            try office.ok("case", "attach", reference, png.path)
            #expect(try Self.count(db, "SELECT count(*) FROM document_content") == 2)
            #expect(try Self.count(db, "SELECT count(*) FROM case_document") == 3)

            // Read back under 64 MiB of memory, byte-identical.
            let out = folder.appendingPathComponent("out.bin")
            let measured = try MailFixture.shell(
                """
                python3 -c 'import resource, subprocess, sys; r = subprocess.run(sys.argv[1:]); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(r.returncode)' \
                '\(office.owner.url.path)' case document get \(reference) 1 -o '\(out.path)' --database '\(office.owner.database!)'
                """)
            #expect(measured.status == 0, "\(measured)")
            let peakKiB = Int(measured.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? .max
            #expect(peakKiB < 64 * 1024, "document get peaked at \(peakKiB) KiB")
            #expect(try MailFixture.sha256(out) == (try MailFixture.sha256(large)))

            // Over the limit: refused, the limit named, nothing written.
            try office.ok("office", "set", "--document-size-limit", "1MiB")
            let before = try Self.count(db, "SELECT count(*) FROM case_document")
            let refused = try office.run("case", "attach", reference, large.path)
            #expect(refused.status == 4, "\(refused)")
            #expect(refused.stderr.contains("is 20 MiB, over the limit of 1 MiB"), "\(refused)")
            #expect(try Self.count(db, "SELECT count(*) FROM case_document") == before)
            let badSize = try office.run("office", "set", "--document-size-limit", "lots")
            #expect(badSize.status == 2, "\(badSize)")
            let missing = try office.run("case", "attach", reference, folder.appendingPathComponent("none").path)
            #expect(missing.status == 2, "\(missing)")
            let noSuch = try office.run("case", "document", "get", reference, "99", "-o", out.path)
            #expect(noSuch.status == 3, "\(noSuch)")

            // A caseworker who may not see identities: no confidential document.
            let reader = try office.staff("reader", roles: ["caseworker"])
            let seen = try reader.binary.run(["case", "documents", reference])
            #expect(seen.status == 0, "\(seen)")
            #expect(!seen.stdout.contains("(confidential)") && seen.stdout.contains("photo.png"), "\(seen)")
            let hidden = try reader.binary.run(["case", "document", "get", reference, "2", "-o", out.path])
            #expect(hidden.status == 3, "\(hidden)")
            let chunks = try db.withConnection { connection in
                try connection.execute(unsafeSQL: "SET ROLE \(reader.login)")
                return try connection.query(
                    "SELECT count(*) FROM document_chunk WHERE sha256 = (SELECT sha256 FROM case_document WHERE number = 2 LIMIT 1)"
                ).first!.decode(Int.self, at: 0)
            }
            #expect(chunks == 1, "the same bytes are readable through document 3, which is not confidential")
        }
    }

    /// A contact with the complainant restarts the complainant_update clock; bad values are
    /// refused with nothing written.
    @Test func aContactIsLoggedAndRestartsTheComplainantUpdateClock() throws {
        try withTestDatabase { db in
            let office = try OfficeFixture(db)
            let reference = try office.openCase()
            let logged = try office.ok(
                "case", "contact", reference, "--channel", "phone", "--direction", "out", "--summary",
                "Explained the next steps", "--at", "2026-03-05T11:00+09:00")
            #expect(
                logged.contains("met complainant_update") && logged.contains("started complainant_update"), "\(logged)")
            let clock = office.clock(try office.show(reference), "complainant_update")
            #expect(clock["start_date"] as? String == "2026-03-05")
            let respondent = try office.ok(
                "case", "contact", reference, "--channel", "letter", "--direction", "in", "--party", "respondent",
                "--summary", "Their answer", "--at", "2026-03-06")
            #expect(!respondent.contains("complainant_update"), "\(respondent)")
            let entries = try Self.correspondence(office, reference)
            #expect(entries.filter { $0["type"] as? String == "contact" }.count == 2)
            #expect(
                entries.contains {
                    $0["direction"] as? String == "out" && $0["text"] as? String == "Explained the next steps"
                })

            let before = try Self.count(db, "SELECT count(*) FROM case_contact")
            for arguments in [
                ["--channel", "fax", "--direction", "in", "--summary", "x"],
                ["--channel", "phone", "--direction", "sideways", "--summary", "x"],
                ["--channel", "phone", "--direction", "in", "--summary", "  "],
            ] {
                let result = try office.owner.run(["case", "contact", reference] + arguments)
                #expect(result.status == 2, "\(arguments): \(result)")
                #expect(result.stderr.split(separator: "\n").count == 1, "\(result)")
            }
            #expect(try Self.count(db, "SELECT count(*) FROM case_contact") == before)
            let unknown = try office.run(
                "case", "contact", "HRC-2026-999999", "--channel", "phone", "--direction", "in", "--summary", "x")
            #expect(unknown.status == 3, "\(unknown)")
        }
    }
}
