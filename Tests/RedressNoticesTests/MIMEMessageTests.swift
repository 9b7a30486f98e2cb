import Foundation
import RedressNotices
import Testing

@Suite("MIME message builder")
struct MIMEMessageTests {
    static let csv =
        "reference,clock,due_date,assignee\r\nHRC-2026-000042,respondent_response,2026-04-10,박지훈\r\nHRC-2026-000043,triage,2026-04-13,\"Lee, Soo-min\"\r\n"
    static let html =
        "<!DOCTYPE html>\n<html lang=\"en\"><body><h1>Deadlines as of 16 March 2026</h1>\n<table><tr><td>HRC-2026-000042</td><td>박지훈</td></tr></table>\n<p>Long line: "
        + String(repeating: "overdue ", count: 30) + "</p></body></html>\n"

    static func report(seed: String) throws -> MIMEMessage {
        var headers = MIMEHeaders()
        try headers.append(
            "Date", date: Date(timeIntervalSince1970: 1_773_621_000), timeZone: TimeZone(identifier: "Asia/Seoul")!)
        try headers.append("From", mailboxes: [Mailbox(parsing: "광주광역시 인권옴부즈맨 <ombudsman@hr.gwangju.example>")])
        try headers.append(
            "To",
            mailboxes: [
                Mailbox(name: "Lee Soo-min", address: "soomin.lee@hr.gwangju.example"),
                Mailbox(name: "Oh, Se-young \"Ombudsperson\"", address: "seyoung.oh@hr.gwangju.example"),
            ])
        try headers.append("Subject", text: "Deadline report 2026-03-16: 3 breached, 12 due within 5 working days")
        try headers.append(
            "Message-ID", messageIDs: [MessageID(left: "report.2026-03-16", right: "hr.gwangju.example")])
        try headers.append("Auto-Submitted", token: "auto-generated")
        return MIMEMessage(
            headers: headers,
            body: .plainText(
                "Deadlines as of 16 March 2026\n\nHRC-2026-000042  respondent_response  2026-04-10  박지훈\n"),
            alternatives: [.html(html)],
            attachments: [
                try MIMEAttachment(filename: "deadlines-2026-03-16.csv", mediaType: "text/csv", text: csv),
                try MIMEAttachment(filename: "기한 보고서.csv", mediaType: "text/csv", text: csv),
            ],
            boundarySeed: seed
        )
    }

    @Test("A multipart/alternative report with CSV attachments passes the strict parser")
    func multipartReport() throws {
        let message = try MIMEMessageTests.report(seed: "report.2026-03-16")
        let result = try MIMEChecker.run([
            MIMEChecker.Case(
                message: message.text,
                expectations: [
                    "from": ["name": "광주광역시 인권옴부즈맨", "address": "ombudsman@hr.gwangju.example"],
                    "subject": "Deadline report 2026-03-16: 3 breached, 12 due within 5 working days",
                    "message_id": "<report.2026-03-16@hr.gwangju.example>",
                    "date": "2026-03-16T09:30:00+09:00",
                    "auto_submitted": true,
                    "parts": [
                        [
                            "content_type": "text/plain",
                            "contains": ["HRC-2026-000042  respondent_response  2026-04-10  박지훈"],
                        ],
                        [
                            "content_type": "text/html",
                            "contains": ["<td>박지훈</td>", String(repeating: "overdue ", count: 30)],
                        ],
                    ],
                    "attachments": [
                        [
                            "filename": "deadlines-2026-03-16.csv", "content_type": "text/csv",
                            "content": MIMEMessageTests.csv,
                        ],
                        ["filename": "기한 보고서.csv", "content_type": "text/csv", "content": MIMEMessageTests.csv],
                    ],
                ])
        ])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("0 failures"), "\(result.output)")
        #expect(message.text.contains("Content-Type: multipart/mixed;\r\n boundary=\"=_"))
        #expect(message.text.contains("Content-Type: multipart/alternative;\r\n boundary=\"=_"))
        #expect(message.text.contains("filename*=UTF-8''%EA%B8%B0%ED%95%9C%20%EB%B3%B4%EA%B3%A0%EC%84%9C.csv"))
    }

    @Test("Boundaries are deterministic from the seed and differ between seeds and levels")
    func deterministicBoundaries() throws {
        let first = try MIMEMessageTests.report(seed: "a").text
        #expect(first == (try MIMEMessageTests.report(seed: "a").text))
        let other = try MIMEMessageTests.report(seed: "b").text
        #expect(first != other)
        let boundaries = first.components(separatedBy: "boundary=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(boundaries.count == 2)
        #expect(Set(boundaries).count == 2)
        for boundary in boundaries {
            #expect(boundary.hasPrefix("=_") && boundary.count == 34)
            #expect(first.contains("\r\n--\(boundary)--\r\n"))
        }
    }

    @Test("A single-part message is text/plain quoted-printable")
    func singlePart() throws {
        var headers = MIMEHeaders()
        try headers.append("Subject", text: "Hello")
        let message = MIMEMessage(headers: headers, body: .plainText("Line one\nLine two = 2\n"))
        #expect(
            message.text
                == "Subject: Hello\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nLine one\r\nLine two =3D 2\r\n"
        )
    }

    @Test(
        "Quoted-printable keeps lines within 76 characters and escapes what it must",
        arguments: [
            String(repeating: "a", count: 200),
            String(repeating: "가나다라 ", count: 40),
            "x = y " + String(repeating: "=", count: 90),
            ".starts with a dot\nFrom the start\n" + String(repeating: "b", count: 75) + ".tail",
            "ends in spaces   \n\ttab start and end\t\n\n",
            String(repeating: "c", count: 74) + " " + String(repeating: "d", count: 10),
        ])
    func quotedPrintable(text: String) throws {
        let message = MIMEMessage(headers: MIMEHeaders(), body: .plainText(text))
        let body = message.text.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n")
        for line in body.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 76, "\(line)")
            #expect(!line.hasSuffix(" ") && !line.hasSuffix("\t"), "\(line)")
            #expect(!line.hasPrefix(".") && !line.hasPrefix("From "), "\(line)")
            #expect(line.utf8.allSatisfy { ($0 >= 32 && $0 < 127) || $0 == 9 })
        }
        var expected = text
        if expected.hasSuffix("\n") { expected.removeLast() }
        #expect(Decode.quotedPrintable(body) == expected + "\n")
    }

    @Test("Header values cannot start a new header, and bad names or addresses are refused")
    func headerSafety() throws {
        var headers = MIMEHeaders()
        try headers.append("Subject", text: "Hi\r\nBcc: x@evil.example\n\rX-Evil: 1")
        #expect(headers.fields[0].line == "Subject: Hi Bcc: x@evil.example X-Evil: 1")
        #expect(headers.values(named: "subject") == ["Hi Bcc: x@evil.example X-Evil: 1"])
        #expect(throws: MIMEError.invalidHeaderName("Bad Name")) { try headers.append("Bad Name", text: "x") }
        #expect(throws: MIMEError.invalidHeaderName("X-A:B")) { try headers.append("X-A:B", text: "x") }
        #expect(throws: MIMEError.reservedHeader("Content-Type")) {
            try headers.append("Content-Type", token: "text/html")
        }
        #expect(throws: MIMEError.invalidHeaderValue(name: "Auto-Submitted")) {
            try headers.append("Auto-Submitted", token: "auto\r\nBcc: x")
        }
        #expect(throws: MIMEError.invalidAddress("a@b\r\nBcc: c@d")) { try Mailbox(parsing: "Name <a@b\r\nBcc: c@d>") }
        #expect(throws: MIMEError.invalidMessageID("a b@example.org")) {
            try MessageID(left: "a b", right: "example.org")
        }
        #expect(throws: MIMEError.invalidMediaType("text/csv\r\nX: y")) {
            try MIMEAttachment(filename: "a", mediaType: "text/csv\r\nX: y", data: [])
        }
        let quoted = try Mailbox(parsing: "\"Oh, Se-young\" <seyoung.oh@hr.gwangju.example>")
        #expect(quoted.name == "Oh, Se-young")
        #expect(quoted.address == "seyoung.oh@hr.gwangju.example")
    }
}

@Suite("MIME message written from files")
struct MIMEFileMessageTests {
    /// Texts that test every line rule: all three line breaks (and CRLF split across the
    /// reader's 64 KiB chunks), long lines, "From " and "." at line starts, trailing blanks,
    /// non-ASCII, no final line break, only a line break, and nothing at all.
    static let texts: [String] = [
        "Deadlines\r\nHRC-2026-000042 박지훈\rline after CR\n.dot\nFrom here\ntrailing space \ntab\t\n"
            + String(repeating: "overdue ", count: 40),
        String(repeating: "x", count: (1 << 16) - 1) + "\r\n" + String(repeating: "y=", count: 50) + "\n",
        "\n",
        "",
        "one line, no break",
    ]

    @Test(arguments: texts.indices)
    func aMessageWrittenFromFilesIsTheMessageBuiltInMemory(index: Int) throws {
        let text = Self.texts[index]
        let html = "<!DOCTYPE html>\n<p>" + text + "</p>\n"
        // Larger than one 57 KiB chunk of the base64 reader, and not a multiple of 57.
        let csv = String(repeating: "HRC-2026-000042,triage,2026-04-13,\"Lee, Soo-min\"\r\n", count: 1_500) + text
        var headers = MIMEHeaders()
        try headers.append("Subject", text: "Deadline report 2026-03-16")
        let inMemory = MIMEMessage(
            headers: headers, body: .plainText(text), alternatives: [.html(html)],
            attachments: [try MIMEAttachment(filename: "deadlines.csv", mediaType: "text/csv", text: csv)],
            boundarySeed: "seed"
        ).text

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mime-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func file(_ name: String, _ content: String) throws -> URL {
            let url = folder.appendingPathComponent(name)
            try Data(content.utf8).write(to: url)
            return url
        }
        var streamed = ""
        try MIMEMessage.write(
            headers: headers, body: .plainText(try file("a.txt", text)),
            alternatives: [.html(try file("a.html", html))],
            attachments: [
                try MIMEFileAttachment(filename: "deadlines.csv", mediaType: "text/csv", file: try file("a.csv", csv))
            ],
            boundarySeed: "seed"
        ) { streamed += $0 }
        #expect(streamed == inMemory)
    }

    @Test func aMissingFileIsAnError() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-\(UUID().uuidString).txt")
        #expect(throws: (any Error).self) {
            try MIMEMessage.write(headers: MIMEHeaders(), body: .plainText(missing), boundarySeed: "seed") { _ in }
        }
    }
}
