import Foundation
import Postgres
import RedressTesting
import Testing

/// `mail show`, delivery reports filed by hand, and attachments over the limit left out of the
/// stored message.
extension CorrespondenceTests {
    /// The shell command line that runs the office's binary with `arguments`.
    static func commandLine(_ office: OfficeFixture, _ arguments: String) -> String {
        "'\(office.owner.url.path)' \(arguments) --database '\(office.owner.database!)'"
    }

    /// `mail show` gives where a message was filed, its header fields, its text and its
    /// attachments (size, SHA-256, the document each became); `--raw` the exact bytes. A message
    /// of no case is shown only to those who may see who complained; a bad number is refused.
    @Test func mailShowGivesAMessageItsAttachmentsAndItsBytes() throws {
        try withTestDatabase { db in
            let folder = try NoticeFixture.temporaryFolder("mail")
            defer { try? FileManager.default.removeItem(at: folder) }
            let (office, reference, sent) = try Self.officeWithSentNotices(db, folder: folder)
            let attachment = folder.appendingPathComponent("letter.pdf")
            try Data("%PDF-1.4\n% the eviction letter\n".utf8 + (0..<3000).map { UInt8($0 % 251) }).write(
                to: attachment)
            let reply = folder.appendingPathComponent("reply.eml")
            try MailFixture.make(["reply", sent[0].path, reply.path, attachment.path])
            let receipt = Self.json(try Self.receive(office, reply).stdout)
            let number = try #require(receipt["number"] as? Int)
            let document = try #require((receipt["documents"] as? [Int])?.first)

            let shown = Self.json(try office.ok("mail", "show", String(number), "--format", "json"))
            #expect(shown["number"] as? Int == number)
            #expect(shown["state"] as? String == "filed")
            #expect(shown["kind"] as? String == "reply")
            #expect(shown["reference"] as? String == reference)
            #expect(shown["matched_by"] as? String == "notice")
            #expect(shown["sha256"] as? String == (try MailFixture.sha256(reply)))
            let headers = shown["headers"] as? [[String: Any]] ?? []
            #expect(
                headers.contains {
                    $0["name"] as? String == "Subject" && $0["value"] as? String == "Re: Your complaint"
                },
                "\(headers)")
            #expect((shown["text"] as? String)?.contains("The eviction letter is attached.") == true, "\(shown)")
            let attachments = shown["attachments"] as? [[String: Any]] ?? []
            #expect(attachments.count == 1)
            #expect(attachments.first?["filename"] as? String == "eviction letter.pdf")
            #expect(attachments.first?["sha256"] as? String == (try MailFixture.sha256(attachment)))
            #expect(attachments.first?["size"] as? Int == (try Data(contentsOf: attachment)).count)
            #expect(attachments.first?["document"] as? Int == document)
            #expect(attachments.first?["refused"] as? Bool == false)

            let text = try office.ok("mail", "show", String(number))
            #expect(text.contains("filed on \(reference) by notice"), "\(text)")
            #expect(text.contains("eviction letter.pdf") && text.contains("document \(document)"), "\(text)")

            // --raw: the bytes exactly as they came.
            let raw = try MailFixture.shell(Self.commandLine(office, "mail show \(number) --raw") + " | sha256sum")
            #expect(raw.status == 0, "\(raw)")
            #expect(String(raw.stdout.prefix(64)) == (try MailFixture.sha256(reply)))

            // Bad numbers: not found (3), not a number (2); nothing written.
            let missing = try office.run("mail", "show", "9999")
            #expect(missing.status == 3, "\(missing)")
            #expect(missing.stderr.contains("9999"), "\(missing)")
            #expect(try office.run("mail", "show", "twelve").status == 2)

            // A message of no case: only for those who may see who complained.
            try office.ok("office", "set", "--mail-opens-intake", "no")
            let stray = folder.appendingPathComponent("stray.eml")
            try MailFixture.make(["plain", "-", stray.path])
            let waiting = Self.json(try Self.receive(office, stray).stdout)
            let unmatched = try #require(waiting["number"] as? Int)
            let (_, caseworker) = try office.staff("kim", roles: ["caseworker"])
            let refused = try caseworker.run(["mail", "show", String(unmatched)])
            #expect(refused.status == 4, "\(refused)")
            #expect(refused.stderr.contains("who complained"), "\(refused)")
            #expect(!refused.stdout.contains("minji@example.org"))
            let raw2 = try caseworker.run(["mail", "show", String(unmatched), "--raw"])
            #expect(raw2.status == 4 && raw2.stdout.isEmpty, "\(raw2)")
            let allowed = Self.json(try office.ok("mail", "show", String(unmatched), "--format", "json"))
            #expect(allowed["state"] as? String == "unmatched")
            #expect((allowed["reference"] ?? NSNull()) is NSNull)
        }
    }

    /// A delivery report that matched nothing (the office's mail domain changed since the
    /// notice went out), filed by hand, marks the case's notice failed as `mail receive` would,
    /// and is not shown as correspondence.
    @Test func aDeliveryReportFiledByHandFailsItsNotice() throws {
        try withTestDatabase { db in
            let folder = try NoticeFixture.temporaryFolder("mail")
            defer { try? FileManager.default.removeItem(at: folder) }
            let (office, reference, sent) = try Self.officeWithSentNotices(db, folder: folder)
            let ids = try NoticeFixture.messageIDs(db, domain: Self.domain)
            let original = try String(contentsOf: sent[0], encoding: .utf8)
            let noticeID = try #require(ids.first { original.contains($0.value) }?.key)
            try office.ok("office", "set", "--mail-domain", "ombudsman.example", "--mail-opens-intake", "no")

            let bounce = folder.appendingPathComponent("bounce.eml")
            try MailFixture.make(["bounce", sent[0].path, bounce.path])
            let waiting = Self.json(try Self.receive(office, bounce).stdout)
            #expect(waiting["outcome"] as? String == "unmatched", "\(waiting)")
            #expect(waiting["kind"] as? String == "bounce")
            let number = try #require(waiting["number"] as? Int)
            #expect(try NoticeFixture.rows(db, where: "id = \(noticeID)").first?.state == "sent")

            let filed = try office.ok("mail", "file", String(number), reference)
            #expect(filed.contains("notice \(noticeID) failed: bounced: 550 5.1.1 user unknown"), "\(filed)")
            let row = try #require(NoticeFixture.rows(db, where: "id = \(noticeID)").first)
            #expect(row.state == "failed")
            #expect(row.lastError == "bounced: 550 5.1.1 user unknown")
            let entries = try Self.correspondence(office, reference)
            #expect(!entries.contains { $0["type"] as? String == "message" }, "\(entries)")
            let history = try office.ok("case", "history", reference, "--format", "json")
            #expect(history.contains("notice_bounced"), "\(history)")
            #expect(
                Self.json(try office.ok("mail", "show", String(number), "--format", "json"))["state"] as? String
                    == "filed")

            // A reply filed by hand stays a reply: no notice changes.
            let reply = folder.appendingPathComponent("reply.eml")
            try MailFixture.make(["plain", "-", reply.path])
            let other = try #require(Self.json(try Self.receive(office, reply).stdout)["number"] as? Int)
            let before = try NoticeFixture.rows(db).map(\.state)
            let plain = try office.ok("mail", "file", String(other), reference)
            #expect(!plain.contains("failed"), "\(plain)")
            #expect(try NoticeFixture.rows(db).map(\.state) == before)
        }
    }

    /// An attachment over the limit is left out of the stored message: a note takes its place
    /// with its size and SHA-256, the rest is filed, and the same message piped again is
    /// recognised.
    @Test func anAttachmentOverTheLimitIsLeftOutOfTheStoredMessage() throws {
        try withTestDatabase { db in
            let folder = try NoticeFixture.temporaryFolder("mail")
            defer { try? FileManager.default.removeItem(at: folder) }
            let office = try OfficeFixture(db)
            try office.ok("office", "set", "--document-size-limit", "1MiB")
            let reference = try office.openCase()
            let file = folder.appendingPathComponent("big.eml")
            let size = 3 * 1024 * 1024
            try MailFixture.make(["big", reference, file.path, String(size)])
            let zeros = String(
                try MailFixture.shell("head -c \(size) /dev/zero | sha256sum").stdout.prefix(64))

            let result = try MailFixture.shell(
                Self.commandLine(office, "mail receive --format json") + " < '\(file.path)'")
            #expect(result.status == 0, "\(result)")
            #expect(result.stderr.contains("\"recording.wav\" is 3 MiB, over the limit of 1 MiB"), "\(result)")
            #expect(result.stderr.contains("left out of the stored message (SHA-256 \(zeros))"), "\(result)")
            let receipt = Self.json(result.stdout)
            let number = try #require(receipt["number"] as? Int)
            #expect((receipt["documents"] as? [Int])?.count == 1)

            let shown = Self.json(try office.ok("mail", "show", String(number), "--format", "json"))
            let stored = try #require(shown["size"] as? Int)
            #expect(stored < 64 * 1024, "\(shown)")
            let attachments = shown["attachments"] as? [[String: Any]] ?? []
            let left = try #require(attachments.first { $0["filename"] as? String == "recording.wav" })
            #expect(left["refused"] as? Bool == true)
            #expect(left["size"] as? Int == size)
            #expect(left["sha256"] as? String == zeros)
            #expect(attachments.contains { $0["filename"] as? String == "note.pdf" && $0["document"] as? Int != nil })
            let raw = try MailFixture.shell(Self.commandLine(office, "mail show \(number) --raw"))
            #expect(raw.stdout.contains("X-Redress-Left-Out: attachment; filename=\"recording.wav\""), "\(raw)")
            #expect(raw.stdout.contains("Two files: a recording and a note."))
            #expect(try Self.count(db, "SELECT count(*) FROM document_content WHERE size > 1048576") == 0)

            let again = try MailFixture.shell(
                Self.commandLine(office, "mail receive --format json") + " < '\(file.path)'")
            #expect(again.status == 0, "\(again)")
            #expect(Self.json(again.stdout)["outcome"] as? String == "duplicate", "\(again)")
        }
    }
}
