import Foundation
import Postgres
import RedressTesting
import Testing

/// Messages for the correspondence tests, written by Python's `email` library (and by hand
/// where a message must hold exact bytes: EUC-KR text, a delivery report).
enum MailFixture {
    static let script = #"""
        import base64, sys
        from email import message_from_bytes, policy
        from email.message import EmailMessage

        def original_id(path):
            return message_from_bytes(open(path, "rb").read(), policy=policy.default)["Message-ID"].strip()

        def reply(kind, original, out, attachment=None):
            m = EmailMessage()
            m["From"] = "Kim Minji <minji@example.org>"
            m["To"] = "ombudsman@hr.gwangju.example"
            m["Subject"] = "Re: Your complaint"
            m["Date"] = "Mon, 07 Dec 2026 09:00:00 +0900"
            m["Message-ID"] = "<%s-reply@mail.example.org>" % kind
            if original:
                m["In-Reply-To"] = original
                m["References"] = original
            if kind == "auto":
                m["Auto-Submitted"] = "auto-replied"
                m.set_content("I am away until Monday.\n")
            elif kind == "outlook":
                m.set_content("Here is what you asked for.\n\n-----Original Message-----\nFrom: Ombudsman\nSent: Monday\n\nPlease send the lease.\n")
            elif kind == "apple":
                m.set_content("The lease is attached.\n\n> On 7 Dec 2026, at 09:00, Ombudsman wrote:\n>\n> Please send the lease.\n")
            else:
                m.set_content("Thank you. The eviction letter is attached.\n\nOn Mon, 7 Dec 2026 at 09:00, Ombudsman <ombudsman@hr.gwangju.example> wrote:\n> Dear Kim Minji\n")
            if attachment:
                m.add_attachment(open(attachment, "rb").read(), maintype="application", subtype="pdf", filename="eviction letter.pdf")
            open(out, "wb").write(bytes(m))

        def euckr(reference, out, attachment):
            def word(text):
                return "=?EUC-KR?B?%s?=" % base64.b64encode(text.encode("euc_kr")).decode()
            body = "임대차 계약서를 첨부합니다.\n".encode("euc_kr")
            data = base64.encodebytes(open(attachment, "rb").read()).replace(b"\n", b"\r\n")
            name = "".join("%%%02X" % b for b in "계약서.pdf".encode("euc_kr"))
            raw = (
                "From: %s <minji@example.org>\r\n" % word("김민지")
                + "To: ombudsman@hr.gwangju.example\r\n"
                + "Subject: %s %s\r\n" % (word("계약서 제출"), reference)
                + "Message-ID: <euckr@mail.example.org>\r\n"
                + "MIME-Version: 1.0\r\n"
                + 'Content-Type: multipart/mixed; boundary="b1"\r\n\r\n'
                + "--b1\r\nContent-Type: text/plain; charset=EUC-KR\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
            ).encode() + body + (
                "\r\n--b1\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n"
                + "Content-Disposition: attachment; filename*=euc-kr''%s\r\n\r\n" % name
            ).encode() + data + b"\r\n--b1--\r\n"
            open(out, "wb").write(raw)

        def bounce(original, out):
            raw = (
                "From: Mail Delivery System <MAILER-DAEMON@mx.example.org>\r\n"
                "To: ombudsman@hr.gwangju.example\r\n"
                "Subject: Undelivered Mail Returned to Sender\r\n"
                "Message-ID: <bounce-1@mx.example.org>\r\n"
                "Auto-Submitted: auto-replied\r\n"
                "MIME-Version: 1.0\r\n"
                'Content-Type: multipart/report; report-type=delivery-status; boundary="rep"\r\n\r\n'
                "--rep\r\nContent-Type: text/plain\r\n\r\nThe message could not be delivered.\r\n"
                "--rep\r\nContent-Type: message/delivery-status\r\n\r\n"
                "Reporting-MTA: dns; mx.example.org\r\n\r\n"
                "Final-Recipient: rfc822; nobody@example.org\r\nAction: failed\r\nStatus: 5.1.1\r\n"
                "Diagnostic-Code: smtp; 550 5.1.1 user unknown\r\n\r\n"
                "--rep\r\nContent-Type: text/rfc822-headers\r\n\r\n"
                "From: ombudsman@hr.gwangju.example\r\nMessage-ID: %s\r\nSubject: Your complaint\r\n\r\n"
                "--rep--\r\n" % original
            )
            open(out, "wb").write(raw.encode())

        def big(reference, out, size):
            m = EmailMessage()
            m["From"] = "Kim Minji <minji@example.org>"
            m["Subject"] = "Evidence for " + reference
            m["Message-ID"] = "<big@mail.example.org>"
            m.set_content("Two files: a recording and a note.\n")
            m.add_attachment(bytes(size), maintype="audio", subtype="wav", filename="recording.wav")
            m.add_attachment(b"%PDF-1.4 note", maintype="application", subtype="pdf", filename="note.pdf")
            open(out, "wb").write(bytes(m))

        kind = sys.argv[1]
        if kind in ("reply", "auto", "outlook", "apple", "plain"):
            reply(kind, original_id(sys.argv[2]) if sys.argv[2] != "-" else None, sys.argv[3], sys.argv[4] if len(sys.argv) > 4 else None)
        elif kind == "euckr":
            euckr(sys.argv[2], sys.argv[3], sys.argv[4])
        elif kind == "bounce":
            bounce(original_id(sys.argv[2]), sys.argv[3])
        elif kind == "big":
            big(sys.argv[2], sys.argv[3], int(sys.argv[4]))
        """#

    /// Runs the generator with `arguments` (`reply ORIGINAL OUT [ATTACHMENT]`, `euckr REF OUT
    /// ATTACHMENT`, `bounce ORIGINAL OUT`, `big REF OUT SIZE`).
    static func make(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "the message generator failed: \(arguments)")
    }

    /// Runs a shell command line, returning its status, stdout and stderr (through files, so
    /// no pipe read is interrupted while a large message is piped).
    static func shell(_ command: String) throws -> ShellResult {
        let folder = try NoticeFixture.temporaryFolder("shell")
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out")
        let err = folder.appendingPathComponent("err")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "(\(command)) > '\(out.path)' 2> '\(err.path)'"]
        try process.run()
        process.waitUntilExit()
        return ShellResult(
            status: process.terminationStatus,
            stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }

    /// The SHA-256 of a file, by sha256sum.
    static func sha256(_ file: URL) throws -> String {
        String(try shell("sha256sum '\(file.path)'").stdout.prefix(64))
    }
}

/// What a shell command line printed and returned.
struct ShellResult: CustomStringConvertible {
    var status: Int32
    var stdout: String
    var stderr: String

    var description: String { "exit \(status)\nstdout: \(stdout)\nstderr: \(stderr)" }
}
