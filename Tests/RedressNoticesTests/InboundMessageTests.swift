import Foundation
import RedressCore
import RedressNotices
import Testing

/// The reader of received mail: encodings, charsets, multiparts, delivery reports, and input
/// that is damaged on purpose.
@Suite struct InboundMessageTests {
    static func parse(_ text: String, limit: Int = 1 << 20) throws -> InboundMessage {
        try InboundMessage.parse(Array(text.utf8), attachmentLimit: limit)
    }

    @Test(arguments: [
        ("=?UTF-8?B?7ZWc6riA?=", "한글"),
        ("=?EUC-KR?B?x9Gx2w==?=", "한글"),
        ("=?ISO-8859-1?Q?Caf=E9_cr=E8me?=", "Café crème"),
        ("=?utf-8?q?a?= =?utf-8?q?b?=", "ab"),
        ("Re: =?utf-8?q?caf=C3=A9?= now", "Re: café now"),
        ("=?x-unknown?B?YWJj?=", "abc"),
        ("=?utf-8?B?broken", "=?utf-8?B?broken"),
        ("plain text", "plain text"),
    ])
    func encodedWordsAreDecoded(encoded: String, decoded: String) {
        #expect(EncodedWords.decode(encoded) == decoded)
    }

    @Test(arguments: [
        ("utf-8", [0xED, 0x95, 0x9C] as [UInt8], "한"),
        ("ISO-8859-1", [0x63, 0x61, 0x66, 0xE9], "café"),
        ("EUC-KR", [0xC7, 0xD1, 0xB1, 0xDB], "한글"),
        ("ISO-2022-KR", Array("\u{1b}$)C\u{0e}GQ1[\u{0f}".utf8), "한글"),
    ])
    func charsetsAreDecoded(charset: String, bytes: [UInt8], text: String) {
        let (decoded, known) = Charset.decode(bytes, charset: charset)
        #expect(known)
        #expect(decoded == text)
    }

    @Test func anUnknownCharsetIsReadAsUTF8AndSaysSo() {
        let (text, known) = Charset.decode(Array("abc".utf8), charset: "x-klingon")
        #expect(!known && text == "abc")
        // A byte EUC-KR does not define becomes U+FFFD, and the rest is still read.
        #expect(Charset.decode([0xC7, 0xD1, 0xFF, 0x41], charset: "EUC-KR").text.hasPrefix("한"))
    }

    @Test func transferEncodingsAreDecodedLeniently() {
        #expect(
            TransferDecoding.quotedPrintable(Array("caf=C3=A9 =\r\nnext=3Dx=ZZ".utf8)) == Array("café next=x=ZZ".utf8))
        #expect(TransferDecoding.base64(Array("aGVs\r\nbG8=".utf8)) == Array("hello".utf8))
        #expect(TransferDecoding.base64(Array("aGVsbG8".utf8)) == Array("hello".utf8))
        #expect(TransferDecoding.base64Size(Array("aGVs\r\nbG8=".utf8)) == 5)
    }

    @Test func aMultipartMessageGivesItsTextAttachmentsAndThreading() throws {
        let message = try Self.parse(
            """
            From: =?utf-8?q?Kim_Minji?= <minji@example.org>\r
            Subject: Re: HRC-2026-000001\r
            Message-ID: <abc@example.org>\r
            In-Reply-To: <notice-7.HRC-2026-000001@hr.example>\r
            References: <case.HRC-2026-000001@hr.example>\r
             <notice-7.HRC-2026-000001@hr.example>\r
            Content-Type: multipart/mixed; boundary="outer"\r
            \r
            preamble\r
            --outer\r
            Content-Type: multipart/alternative; boundary=inner\r
            \r
            --inner\r
            Content-Type: text/plain; charset=utf-8\r
            Content-Transfer-Encoding: quoted-printable\r
            \r
            Caf=C3=A9 soon.\r
            --inner\r
            Content-Type: text/html\r
            \r
            <p>Café soon.</p>\r
            --inner--\r
            --outer\r
            Content-Type: application/pdf; name="scan.pdf"\r
            Content-Transfer-Encoding: base64\r
            \r
            JVBERi0xLjQ=\r
            --outer--\r
            epilogue\r

            """)
        #expect(message.fromName == "Kim Minji" && message.fromAddress == "minji@example.org")
        #expect(message.messageID == "abc@example.org")
        #expect(message.inReplyTo == ["notice-7.HRC-2026-000001@hr.example"])
        #expect(message.references.count == 2)
        #expect(message.text == "Café soon.")
        #expect(message.attachments.count == 1)
        #expect(message.attachments.first?.filename == "scan.pdf")
        #expect(message.attachments.first?.bytes == Array("%PDF-1.4".utf8))
        #expect(!message.isAutomatic && message.problems.isEmpty)
    }

    @Test(arguments: [
        "Auto-Submitted: auto-replied", "Precedence: bulk", "Precedence: junk", "Precedence: list",
        "Return-Path: <>",
    ])
    func automaticMessagesAreRecognised(header: String) throws {
        let message = try Self.parse("From: a@example.org\r\n\(header)\r\n\r\nAway.\r\n")
        #expect(message.isAutomatic)
    }

    @Test func autoSubmittedNoIsAPerson() throws {
        #expect(try !Self.parse("From: a@example.org\r\nAuto-Submitted: no\r\n\r\nHi\r\n").isAutomatic)
    }

    @Test func aDeliveryReportNamesTheMessageAndTheDiagnostic() throws {
        let message = try Self.parse(
            """
            From: MAILER-DAEMON@mx.example.org\r
            Content-Type: multipart/report; report-type=delivery-status; boundary=r\r
            \r
            --r\r
            Content-Type: text/plain\r
            \r
            Could not deliver.\r
            --r\r
            Content-Type: message/delivery-status\r
            \r
            Reporting-MTA: dns; mx.example.org\r
            \r
            Final-Recipient: rfc822; x@example.org\r
            Action: failed\r
            Status: 5.1.1\r
            Diagnostic-Code: smtp; 550 user\r
             unknown\r
            \r
            --r\r
            Content-Type: message/rfc822\r
            \r
            Message-ID: <notice-3.HRC-2026-000002@hr.example>\r
            Subject: x\r
            \r
            body\r
            --r--\r

            """)
        let report = try #require(message.report)
        #expect(report.failed)
        #expect(report.diagnostic == "550 user unknown")
        #expect(report.originalMessageID == "notice-3.HRC-2026-000002@hr.example")
        #expect(message.text == "Could not deliver.")
        #expect(message.isAutomatic)
    }

    @Test func anAttachmentOverTheLimitIsListedNotDecoded() throws {
        let payload = String(repeating: "QUFB", count: 1000)
        let message = try Self.parse(
            "From: a@example.org\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nhi\r\n--b\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename=big.bin\r\n\r\n\(payload)\r\n--b--\r\n",
            limit: 1000)
        #expect(message.attachments.count == 1)
        #expect(message.attachments[0].bytes == nil && message.attachments[0].size == 3000)
    }

    @Test func unreadableMessagesAreRefused() {
        #expect(throws: InboundMessageError.empty) { try Self.parse("\r\n") }
        #expect(throws: InboundMessageError.noHeader) { try Self.parse("not a header line\r\n") }
        #expect(throws: InboundMessageError.noSender) { try Self.parse("Subject: x\r\n\r\nbody") }
    }

    @Test func damagedStructureIsReadAsFarAsItGoes() throws {
        var deep = "From: a@example.org\r\nContent-Type: multipart/mixed; boundary=b0\r\n\r\n"
        for level in 1..<60 { deep += "--b\(level - 1)\r\nContent-Type: multipart/mixed; boundary=b\(level)\r\n\r\n" }
        let nested = try Self.parse(deep)
        #expect(nested.problems.contains { $0.contains("deeper than") })
        let cut = try Self.parse(
            "From: a@example.org\r\nContent-Type: multipart/mixed; boundary=z\r\n\r\n--z\r\nContent-Type: text/plain\r\n\r\nhello\r\n--"
        )
        #expect(cut.text?.hasPrefix("hello") == true)
        #expect(cut.problems.contains { $0.contains("closing boundary") })
        let noBoundary = try Self.parse("From: a@example.org\r\nContent-Type: multipart/mixed\r\n\r\ntext\r\n")
        #expect(noBoundary.text == "text\r\n")
        let nul = try InboundMessage.parse(Array("From: a@b.org\r\n\r\nx\u{0}y".utf8), attachmentLimit: 10)
        #expect(nul.text == "xy")
        // Every prefix of a message parses or is refused, never traps.
        let whole = Array(
            "From: a@example.org\r\nContent-Type: multipart/mixed; boundary=q\r\n\r\n--q\r\nContent-Type: text/plain; charset=EUC-KR\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n=C7=D1=\r\n--q\r\nContent-Disposition: attachment; filename*0*=utf-8''%E0%B; filename*1=x\r\nContent-Transfer-Encoding: base64\r\n\r\nQUJD=\r\n--q--\r\n"
                .utf8)
        for length in 0...whole.count {
            _ = try? InboundMessage.parse(Array(whole[0..<length]), attachmentLimit: 100)
        }
    }

    @Test(arguments: [
        ("Thanks.\n\nOn Mon, 7 Dec 2026 at 09:00, Office <o@x.org> wrote:\n> Dear Kim", "Thanks."),
        ("Thanks.\nOn Mon, 7 Dec 2026, Office\n<o@x.org> wrote:\n> old", "Thanks."),
        ("See attached.\n\n-----Original Message-----\nFrom: Office\nSent: Monday", "See attached."),
        ("Done.\n\n________________________________\nFrom: Office\nSent: Monday", "Done."),
        ("Yes.\nFrom: Office <o@x.org>\nSent: Monday\nTo: me", "Yes."),
        ("No quote here.", "No quote here."),
    ])
    func quotedMessagesAreCut(text: String, reply: String) {
        #expect(InboundMessage.replyText(text) == reply)
    }

    @Test(arguments: [
        (Array("%PDF-1.7".utf8), "application/pdf"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] as [UInt8], "image/png"),
        ([0xFF, 0xD8, 0xFF, 0xE0] as [UInt8], "image/jpeg"),
        (Array("GIF89a".utf8), "image/gif"),
        ([0x50, 0x4B, 0x03, 0x04] as [UInt8], "application/zip"),
        (
            [0x50, 0x4B, 0x03, 0x04] + Array("....word/document.xml".utf8),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        ),
        (Array("plain 한글 text\n".utf8), "text/plain"),
        ([0x00, 0x01, 0x02] as [UInt8], "application/octet-stream"),
    ])
    func contentTypesAreSniffed(bytes: [UInt8], type: String) {
        #expect(ContentSniffer.sniff(bytes) == type)
    }
}
